/**
 * Virtual time for benchmarks: Date.now, and the timers of the widget's own code (`owners`), follow a clock that
 * jumps from timer to timer, so a 120-second sync is followed in milliseconds. Everything else (Node's HTTP
 * client) keeps real timers, and real I/O happens for real: the clock only moves when nothing is in flight.
 */
export class VirtualTime {
  now = Date.parse('2026-01-01T00:00:00Z');
  private nextId = 1;
  private readonly timers = new Map<VirtualTimer, { at: number; fn: () => void }>();
  private readonly real = { setTimeout, clearTimeout, now: Date.now };

  constructor(private readonly owners: RegExp) {}

  install(): void {
    const real = this.real;
    globalThis.setTimeout = ((fn: () => void, ms = 0, ...args: unknown[]) => {
      if (!this.owners.test(new Error().stack ?? '')) return real.setTimeout(fn, ms, ...args);
      const timer = new VirtualTimer(this.nextId++);
      this.timers.set(timer, { at: this.now + Math.max(0, ms), fn });
      return timer;
    }) as unknown as typeof setTimeout;
    globalThis.clearTimeout = (timer: unknown) => {
      if (timer instanceof VirtualTimer) this.timers.delete(timer);
      else real.clearTimeout(timer as ReturnType<typeof setTimeout>);
    };
    Date.now = () => this.now;
  }

  uninstall(): void {
    globalThis.setTimeout = this.real.setTimeout;
    globalThis.clearTimeout = this.real.clearTimeout;
    Date.now = this.real.now;
  }

  get pending(): number {
    return this.timers.size;
  }

  /** Jumps to the next timer and fires it; `false` when none is due before `limit`. */
  fireNext(limit = Infinity): boolean {
    const next = [...this.timers.entries()].sort((a, b) => a[1].at - b[1].at)[0];
    if (next === undefined || next[1].at > limit) return false;
    this.timers.delete(next[0]);
    this.now = next[1].at;
    next[1].fn();
    return true;
  }

  /** Moves the clock without firing anything (used to let "hidden" time pass). */
  advanceTo(at: number): void {
    this.now = Math.max(this.now, at);
  }

  /** Waits, in real time, for real I/O to finish (a few event-loop turns on loopback). */
  settle(done: () => boolean): Promise<void> {
    return new Promise((resolve) => {
      const check = (): void => {
        if (done()) resolve();
        else this.real.setTimeout(check, 1);
      };
      check();
    });
  }
}

/** A virtual timer handle (numeric like a browser's, for code that compares ids). */
class VirtualTimer {
  constructor(readonly id: number) {}
  unref(): this {
    return this;
  }
  ref(): this {
    return this;
  }
  hasRef(): boolean {
    return false;
  }
  [Symbol.toPrimitive](): number {
    return this.id;
  }
}
