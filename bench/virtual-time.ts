import type { Clock } from '../src/sync/index.ts';

/**
 * Virtual time for benchmarks: a {@link Clock} (given to the journey runner, and its `now` to the simulator)
 * that jumps from timer to timer, so a 120-second sync is followed in milliseconds. Nothing global is patched:
 * Node's HTTP client and the adapter's own timeouts keep real time, and real I/O happens for real; the clock
 * only moves when the benchmark says so, once nothing is in flight.
 */
export class VirtualTime {
  private at = Date.parse('2026-01-01T00:00:00Z');
  private nextId = 1;
  private readonly timers = new Map<number, { at: number; fn: () => void }>();

  readonly clock: Clock = {
    now: () => this.at,
    setTimeout: (fn, ms) => {
      const id = this.nextId++;
      this.timers.set(id, { at: this.at + Math.max(0, ms), fn });
      return id;
    },
    clearTimeout: (id) => void this.timers.delete(id as number),
  };

  now(): number {
    return this.at;
  }

  get pending(): number {
    return this.timers.size;
  }

  /** Jumps to the next timer and fires it; `false` when none is due before `limit`. */
  fireNext(limit = Infinity): boolean {
    const next = [...this.timers.entries()].sort((a, b) => a[1].at - b[1].at)[0];
    if (next === undefined || next[1].at > limit) return false;
    this.timers.delete(next[0]);
    this.at = next[1].at;
    next[1].fn();
    return true;
  }

  /** Moves the clock without firing anything (hidden time passing, a user coming back from Link). */
  advanceTo(at: number): void {
    this.at = Math.max(this.at, at);
  }

  /**
   * Waits, in real time, for real I/O to reach `done` (a few event-loop turns on loopback). Checks only after a
   * real timer turn, so promise callbacks already queued (a reading being handled) run first; fails past
   * `limitMs` rather than hang a benchmark.
   */
  settle(done: () => boolean, limitMs = 30_000): Promise<void> {
    const started = Date.now();
    return new Promise((resolve, reject) => {
      const check = (): void => {
        if (done()) resolve();
        else if (Date.now() - started > limitMs) reject(new Error(`nothing settled within ${limitMs} ms`));
        else setTimeout(check, 1);
      };
      setTimeout(check, 0);
    });
  }
}
