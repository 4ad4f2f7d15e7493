import { expect } from 'chai';
import { HttpError } from '../../src/backend/index.ts';
import { startPolling, type PollingHandlers, type PollingOptions } from '../../src/sync/index.ts';
import { fakeVisibility, flush, manualClock } from './manual-clock.ts';

/** Handlers that count readings and record how polling ended. */
function recorder(tick: PollingHandlers['tick'] = () => Promise.resolve()) {
  const seen = { ticks: 0, errors: [] as unknown[], timeouts: 0 };
  const handlers: PollingHandlers = {
    tick: (signal) => ((seen.ticks += 1), tick(signal)),
    onError: (error) => seen.errors.push(error),
    onTimeout: () => (seen.timeouts += 1),
  };
  return { seen, handlers };
}

describe('startPolling', () => {
  let time: ReturnType<typeof manualClock>;
  let page: ReturnType<typeof fakeVisibility>;
  let random: () => number;
  beforeEach(() => {
    time = manualClock();
    page = fakeVisibility();
    random = () => 0.5; // no spread unless a test asks for it
  });
  const poll = (handlers: PollingHandlers, options: PollingOptions = {}) =>
    startPolling(handlers, options, {
      clock: time.clock,
      visibility: page.visibility,
      random: () => random(),
    });

  it('reads at once, then backs off by the factor up to the cap', async () => {
    const { seen, handlers } = recorder();
    poll(handlers, { initialDelayMs: 100, factor: 2, maxDelayMs: 300 });
    await flush();
    const waits = [await time.next(), await time.next(), await time.next(), await time.next()];
    expect(waits).to.deep.equal([100, 200, 300, 300]);
    expect(seen.ticks).to.equal(5);
  });

  it('uses its defaults: 1 s first, growing by half, capped at 7 s', async () => {
    const { handlers } = recorder();
    poll(handlers);
    await flush();
    const waits: number[] = [];
    for (let i = 0; i < 7; i += 1) waits.push(await time.next());
    expect(waits).to.deep.equal([1000, 1500, 2250, 3375, 5062.5, 7000, 7000]);
  });

  it('spreads each delay by the jitter, to its bounds and never beyond', async () => {
    const { handlers } = recorder();
    const draws = [0, 0.999999, 0.25];
    random = () => draws.shift() ?? 0.5;
    poll(handlers, { initialDelayMs: 1000, factor: 1, jitter: 0.2 });
    await flush();
    const waits = [await time.next(), await time.next(), await time.next()];
    expect(waits[0]).to.equal(800);
    expect(waits[1]).to.be.closeTo(1200, 0.001);
    expect(waits[2]).to.equal(900);
  });

  it('waits what a 429 or 503 asks (Retry-After) in full, even far beyond its own cap, and goes on', async () => {
    let calls = 0;
    const { seen, handlers } = recorder(() =>
      (calls += 1) === 2
        ? Promise.reject(new HttpError(429, { serverText: 'Slow down', retryAfterMs: 30_000 }))
        : Promise.resolve(),
    );
    poll(handlers, { initialDelayMs: 100, factor: 1, maxDelayMs: 7000 });
    await flush();
    await time.next(); // the 429
    expect(time.delays()).to.deep.equal([30_000]);
    expect(await time.next()).to.equal(30_000);
    expect(seen.ticks).to.equal(3);
    expect(seen.errors).to.deep.equal([]);
  });

  it('gives up on an error without Retry-After, leaving nothing behind', async () => {
    const boom = new HttpError(500, { serverText: 'Server error' });
    const { seen, handlers } = recorder(() => Promise.reject(boom));
    poll(handlers);
    await flush();
    expect(seen.errors).to.deep.equal([boom]);
    expect(time.pending()).to.equal(0);
    expect(page.listeners()).to.equal(0);
  });

  it('makes no request while the tab is hidden, and one at once when it is back', async () => {
    const { seen, handlers } = recorder();
    poll(handlers, { initialDelayMs: 100, factor: 1 });
    await flush();
    await page.set('hidden');
    await time.next(); // the delay passes while hidden
    expect(seen.ticks).to.equal(1);
    expect(time.pending()).to.equal(0);
    await page.set('visible');
    expect(seen.ticks).to.equal(2);
  });

  it('does not start reading in a hidden tab', async () => {
    await page.set('hidden');
    const { seen, handlers } = recorder();
    poll(handlers);
    await flush();
    expect(seen.ticks).to.equal(0);
    await page.set('visible');
    expect(seen.ticks).to.equal(1);
  });

  it('never starts a second chain when the tab comes back while a reading is in flight or scheduled', async () => {
    let release: () => void = () => undefined;
    const { seen, handlers } = recorder(() => new Promise<void>((resolve) => (release = resolve)));
    poll(handlers, { initialDelayMs: 100, factor: 1 });
    await flush();
    // In flight: hidden and back again must not read a second time.
    await page.set('hidden');
    await page.set('visible');
    expect(seen.ticks).to.equal(1);
    release();
    await flush();
    // Scheduled: coming back early does not read before the delay, nor add a timer.
    await page.set('hidden');
    await page.set('visible');
    expect(seen.ticks).to.equal(1);
    expect(time.pending()).to.equal(1);
    await time.next();
    expect(seen.ticks).to.equal(2);
    release();
    await flush();
    expect(time.pending()).to.equal(1);
  });

  it('stops at the overall limit with onTimeout, and no timer is left', async () => {
    const { seen, handlers } = recorder();
    poll(handlers, { initialDelayMs: 400, factor: 1, timeoutMs: 1000 });
    await flush();
    expect([await time.next(), await time.next(), await time.next()]).to.deep.equal([400, 400, 200]);
    expect(seen.timeouts).to.equal(1);
    expect(seen.ticks).to.equal(3);
    expect(time.pending()).to.equal(0);
  });

  it('stop() clears the timer, the listener and aborts the request in flight', async () => {
    let signal: AbortSignal | undefined;
    const { seen, handlers } = recorder((s) => ((signal = s), new Promise<void>(() => undefined)));
    const poller = poll(handlers);
    await flush();
    poller.stop();
    expect(signal?.aborted).to.equal(true);
    expect(time.pending()).to.equal(0);
    expect(page.listeners()).to.equal(0);
    await page.set('hidden');
    await page.set('visible');
    expect(seen.ticks).to.equal(1);
  });

  it('after stop() a reading that still resolves or fails schedules nothing and reports nothing', async () => {
    let settle: { resolve: () => void; reject: (e: unknown) => void } | undefined;
    const { seen, handlers } = recorder(
      () => new Promise<void>((resolve, reject) => (settle = { resolve, reject })),
    );
    const poller = poll(handlers);
    await flush();
    poller.stop();
    settle?.reject(new HttpError(500));
    await flush();
    expect(seen.errors).to.deep.equal([]);
    expect(time.pending()).to.equal(0);
  });
});

describe('startPolling with news pushed', () => {
  let time: ReturnType<typeof manualClock>;
  let page: ReturnType<typeof fakeVisibility>;
  beforeEach(() => {
    time = manualClock();
    page = fakeVisibility();
  });
  const poll = (handlers: PollingHandlers, options: PollingOptions = {}) =>
    startPolling(
      handlers,
      { initialDelayMs: 1000, factor: 2, maxDelayMs: 8000, jitter: 0, ...options },
      {
        clock: time.clock,
        visibility: page.visibility,
        random: () => 0.5,
      },
    );

  it('while pushed, reads only every pushedDelayMs (the wait under way too), and at once when told', async () => {
    const { seen, handlers } = recorder();
    const poller = poll(handlers, { pushedDelayMs: 90_000 });
    await flush();
    poller.setPushed(true);
    expect(time.delays()).to.deep.equal([90_000]);
    expect(await time.next()).to.equal(90_000);
    expect(seen.ticks).to.equal(2);
    time.pass(10_000);
    poller.readNow();
    await flush();
    expect(seen.ticks).to.equal(3);
    expect(time.delays()).to.deep.equal([90_000]);
  });

  it('push lost: the usual backoff resumes at once, not after the long wait', async () => {
    const { handlers } = recorder();
    const poller = poll(handlers, { pushedDelayMs: 90_000 });
    await flush();
    poller.setPushed(true);
    await time.next();
    expect(time.delays()).to.deep.equal([90_000]);
    poller.setPushed(false);
    // Where the backoff had got to (1 s, 2 s, now 4 s), not the 90 s safety wait.
    expect(time.delays()).to.deep.equal([4000]);
  });

  it('readNow during a reading reads again right after it, one request at a time', async () => {
    let finish: () => void = () => undefined;
    const { seen, handlers } = recorder(() => new Promise<void>((resolve) => (finish = resolve)));
    const poller = poll(handlers);
    await flush();
    poller.readNow();
    poller.readNow();
    await flush();
    expect(seen.ticks).to.equal(1);
    finish();
    await flush();
    expect(time.delays()).to.deep.equal([0]);
    await time.next();
    expect(seen.ticks).to.equal(2);
  });
});
