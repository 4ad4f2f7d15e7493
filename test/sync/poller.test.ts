import { expect } from '@open-wc/testing';
import { startPolling } from '../../src/sync/index.ts';

/** Replaces setTimeout/clearTimeout with a manual clock for the duration of a test. */
function manualClock() {
  const realSet = globalThis.setTimeout;
  const realClear = globalThis.clearTimeout;
  let now = 0;
  let nextId = 1;
  const timers = new Map<number, { at: number; fn: () => void }>();
  globalThis.setTimeout = ((fn: () => void, ms = 0) => {
    const id = nextId++;
    timers.set(id, { at: now + ms, fn });
    return id;
  }) as typeof setTimeout;
  globalThis.clearTimeout = ((id: number) => void timers.delete(id)) as typeof clearTimeout;
  return {
    delays: () => [...timers.values()].map((t) => t.at - now),
    pending: () => timers.size,
    /** Fires the next timer and lets the promise chain it started settle. */
    async next() {
      const [id, timer] = [...timers.entries()].sort((a, b) => a[1].at - b[1].at)[0] ?? [];
      if (id === undefined || timer === undefined) throw new Error('no timer');
      timers.delete(id);
      now = timer.at;
      timer.fn();
      await flush();
    },
    restore() {
      globalThis.setTimeout = realSet;
      globalThis.clearTimeout = realClear;
    },
  };
}

const flush = async () => {
  for (let i = 0; i < 5; i += 1) await Promise.resolve();
};

describe('startPolling', () => {
  let clock: ReturnType<typeof manualClock>;
  beforeEach(() => {
    clock = manualClock();
  });
  afterEach(() => clock.restore());

  it('polls at once, then backs off by the factor up to the cap', async () => {
    let ticks = 0;
    startPolling(
      async () => ((ticks += 1), true),
      () => {},
      { initialDelayMs: 100, factor: 2, maxDelayMs: 300 },
    );
    await flush();
    expect(ticks).to.equal(1);
    const seen: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      seen.push(...clock.delays());
      await clock.next();
    }
    expect(seen).to.deep.equal([100, 200, 300, 300]);
    expect(ticks).to.equal(5);
  });

  it('stops when the tick says so, leaving no timer', async () => {
    let ticks = 0;
    startPolling(
      async () => ((ticks += 1), ticks < 2),
      () => {},
    );
    await flush();
    await clock.next();
    expect(ticks).to.equal(2);
    expect(clock.pending()).to.equal(0);
  });

  it('stop() clears the timer and aborts the request in flight', async () => {
    let signal: AbortSignal | undefined;
    const poller = startPolling(
      (s) => ((signal = s), new Promise<boolean>(() => {})),
      () => {},
    );
    await flush();
    poller.stop();
    expect(signal?.aborted).to.equal(true);
    expect(clock.pending()).to.equal(0);
  });

  it('reports a failing tick once and stops', async () => {
    const errors: unknown[] = [];
    startPolling(
      () => Promise.reject(new Error('boom')),
      (e) => errors.push(e),
    );
    await flush();
    expect(errors).to.have.length(1);
    expect(clock.pending()).to.equal(0);
  });
});
