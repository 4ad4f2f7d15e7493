/**
 * Replaces setTimeout, clearTimeout and Date.now with a clock that moves only when told, so polling can be
 * followed step by step without sleeping.
 */
export function manualClock() {
  const real = { setTimeout: globalThis.setTimeout, clearTimeout: globalThis.clearTimeout, now: Date.now };
  let now = 1_000_000;
  let nextId = 1;
  const timers = new Map<number, { at: number; fn: () => void }>();
  globalThis.setTimeout = ((fn: () => void, ms = 0) => {
    const id = nextId++;
    timers.set(id, { at: now + ms, fn });
    return id;
  }) as typeof setTimeout;
  globalThis.clearTimeout = ((id: number) => void timers.delete(id)) as typeof clearTimeout;
  Date.now = () => now;
  return {
    now: () => now,
    /** Delays of the timers waiting, from now. */
    delays: () => [...timers.values()].map((t) => t.at - now),
    pending: () => timers.size,
    /** Moves time to the next timer, fires it and lets the promises it starts settle. */
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
    restore() {
      globalThis.setTimeout = real.setTimeout;
      globalThis.clearTimeout = real.clearTimeout;
      Date.now = real.now;
    },
  };
}

/** Lets pending promise callbacks run. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 10; i += 1) await Promise.resolve();
}

/** Makes the tab look hidden or visible, and tells the page as the browser would. */
export function setVisibility(state: 'hidden' | 'visible'): void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}

export function restoreVisibility(): void {
  delete (document as { visibilityState?: string }).visibilityState;
}
