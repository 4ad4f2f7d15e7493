import { expect } from '@open-wc/testing';
import { HttpError } from '../../src/backend/index.ts';
import { startPolling, type PollingHandlers } from '../../src/sync/index.ts';
import { flush, manualClock, restoreVisibility, setVisibility } from './manual-clock.ts';

/** Handlers that count readings and record how polling ended. */
function recorder(tick: PollingHandlers['tick'] = () => Promise.resolve(true)) {
  const seen = { ticks: 0, errors: [] as unknown[], timeouts: 0 };
  const handlers: PollingHandlers = {
    tick: (signal) => ((seen.ticks += 1), tick(signal)),
    onError: (error) => seen.errors.push(error),
    onTimeout: () => (seen.timeouts += 1),
  };
  return { seen, handlers };
}

describe('startPolling', () => {
  let clock: ReturnType<typeof manualClock>;
  beforeEach(() => {
    clock = manualClock();
  });
  afterEach(() => {
    clock.restore();
    restoreVisibility();
  });

  it('reads at once, then backs off by the factor up to the cap', async () => {
    const { seen, handlers } = recorder();
    startPolling(handlers, { initialDelayMs: 100, factor: 2, maxDelayMs: 300, jitter: 0 });
    await flush();
    const waits = [await clock.next(), await clock.next(), await clock.next(), await clock.next()];
    expect(waits).to.deep.equal([100, 200, 300, 300]);
    expect(seen.ticks).to.equal(5);
  });

  it('spreads each delay by the jitter, never beyond it', async () => {
    const { handlers } = recorder();
    startPolling(handlers, { initialDelayMs: 1000, factor: 1, jitter: 0.2 });
    await flush();
    const waits: number[] = [];
    for (let i = 0; i < 50; i += 1) waits.push(await clock.next());
    expect(Math.min(...waits)).to.be.at.least(800);
    expect(Math.max(...waits)).to.be.at.most(1200);
    expect(new Set(waits).size).to.be.greaterThan(1);
  });

  it('waits what a 429 or 503 asks (Retry-After) and goes on', async () => {
    let calls = 0;
    const { seen, handlers } = recorder(() =>
      (calls += 1) === 2
        ? Promise.reject(new HttpError(429, 'Slow down', { retryAfterMs: 7000 }))
        : Promise.resolve(true),
    );
    startPolling(handlers, { initialDelayMs: 100, factor: 1, jitter: 0 });
    await flush();
    await clock.next(); // the 429
    expect(clock.delays()).to.deep.equal([7000]);
    await clock.next();
    expect(seen.ticks).to.equal(3);
    expect(seen.errors).to.deep.equal([]);
  });

  it('gives up on an error without Retry-After, leaving nothing behind', async () => {
    const boom = new HttpError(500, 'Server error');
    const { seen, handlers } = recorder(() => Promise.reject(boom));
    startPolling(handlers);
    await flush();
    expect(seen.errors).to.deep.equal([boom]);
    expect(clock.pending()).to.equal(0);
  });

  it('makes no request while the tab is hidden, and one at once when it is back', async () => {
    const { seen, handlers } = recorder();
    startPolling(handlers, { initialDelayMs: 100, factor: 1, jitter: 0 });
    await flush();
    setVisibility('hidden');
    await clock.next(); // the delay passes while hidden
    await clock.next().catch(() => undefined); // and nothing else is waiting
    expect(seen.ticks).to.equal(1);
    expect(clock.pending()).to.equal(0);
    setVisibility('visible');
    await flush();
    expect(seen.ticks).to.equal(2);
  });

  it('does not start reading in a hidden tab', async () => {
    setVisibility('hidden');
    const { seen, handlers } = recorder();
    startPolling(handlers);
    await flush();
    expect(seen.ticks).to.equal(0);
    setVisibility('visible');
    await flush();
    expect(seen.ticks).to.equal(1);
  });

  it('stops at the overall limit with onTimeout, and no timer is left', async () => {
    const { seen, handlers } = recorder();
    startPolling(handlers, { initialDelayMs: 400, factor: 1, jitter: 0, timeoutMs: 1000 });
    await flush();
    expect([await clock.next(), await clock.next(), await clock.next()]).to.deep.equal([400, 400, 200]);
    expect(seen.timeouts).to.equal(1);
    expect(seen.ticks).to.equal(3);
    expect(clock.pending()).to.equal(0);
  });

  it('stop() clears the timer, the listener and aborts the request in flight', async () => {
    let signal: AbortSignal | undefined;
    const { seen, handlers } = recorder((s) => ((signal = s), new Promise<boolean>(() => {})));
    const poller = startPolling(handlers);
    await flush();
    poller.stop();
    expect(signal?.aborted).to.equal(true);
    expect(clock.pending()).to.equal(0);
    setVisibility('hidden');
    setVisibility('visible');
    await flush();
    expect(seen.ticks).to.equal(1);
  });

  it('stops when a reading says the sync is over', async () => {
    let calls = 0;
    const { seen, handlers } = recorder(() => Promise.resolve((calls += 1) < 2));
    startPolling(handlers, { jitter: 0 });
    await flush();
    await clock.next();
    expect(seen.ticks).to.equal(2);
    expect(clock.pending()).to.equal(0);
  });
});
