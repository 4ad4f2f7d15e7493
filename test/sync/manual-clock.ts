import type { Clock, Visibility } from '../../src/sync/index.ts';

/** A {@link Clock} that moves only when told, so polling can be followed step by step without sleeping. */
export function manualClock(start = 1_000_000) {
  let now = start;
  let nextId = 1;
  const timers = new Map<number, { at: number; fn: () => void }>();
  const clock: Clock = {
    now: () => now,
    setTimeout: (fn, ms) => {
      const id = nextId++;
      timers.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimeout: (id) => void timers.delete(id as number),
  };
  return {
    clock,
    now: () => now,
    /** Delays of the timers waiting, from now. */
    delays: () => [...timers.values()].map((t) => t.at - now),
    pending: () => timers.size,
    /** Moves time to the next timer, fires it and lets the promises it starts settle. Returns the wait. */
    async next(): Promise<number> {
      const [id, timer] = [...timers.entries()].sort((a, b) => a[1].at - b[1].at)[0] ?? [];
      if (id === undefined || timer === undefined) throw new Error('no timer waiting');
      timers.delete(id);
      const waited = timer.at - now;
      now = timer.at;
      timer.fn();
      await flush();
      return waited;
    },
    /** Moves time on without firing anything (a request that takes that long, say). */
    pass(ms: number): void {
      now += ms;
    },
  };
}

/** A page whose visibility the test sets, counting its listeners. */
export function fakeVisibility() {
  let hidden = false;
  const listeners = new Set<() => void>();
  const visibility: Visibility = {
    hidden: () => hidden,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    visibility,
    listeners: () => listeners.size,
    async set(state: 'hidden' | 'visible'): Promise<void> {
      hidden = state === 'hidden';
      for (const listener of [...listeners]) listener();
      await flush();
    },
  };
}

/** Lets pending promise callbacks run. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 10; i += 1) await Promise.resolve();
}
