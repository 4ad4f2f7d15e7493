import { HttpError } from '../backend/index.ts';
import type { Clock, Visibility } from './ports.ts';

/** How data-status polling paces itself. Every delay is in milliseconds. */
export interface PollingOptions {
  /** Delay after the first reading. Default: 1 000. */
  readonly initialDelayMs?: number;
  /** Factor applied to the delay after each reading. Default: 1.5. */
  readonly factor?: number;
  /** Longest delay between readings. Default: 7 000 (a finished sync is seen ~3.5 s later, on median). */
  readonly maxDelayMs?: number;
  /** Random spread of each delay, as a fraction (0.2 = ±20 %), so many tabs do not poll in step. Default: 0.2. */
  readonly jitter?: number;
  /** Overall limit; `onTimeout` is called when it passes. Default: 600 000 (10 minutes). */
  readonly timeoutMs?: number;
  /**
   * Delay between readings while news is pushed (`setPushed(true)`): a safety net, since the news says when to
   * read. Default: 90 000.
   */
  readonly pushedDelayMs?: number;
}

export interface PollingHandlers {
  /** Reads once. Polling goes on until `stop()`. */
  tick(signal: AbortSignal): Promise<void>;
  /** A reading failed for good (after the backend's own retries). Polling stops. */
  onError(error: unknown): void;
  /** The overall limit passed. Polling stops. */
  onTimeout(): void;
}

/** What the poller needs from the world: time, the page's visibility, and randomness for the jitter. */
export interface PollingPorts {
  readonly clock: Clock;
  readonly visibility: Visibility;
  /** A number in [0, 1), like `Math.random`. */
  readonly random: () => number;
}

export interface Poller {
  stop(): void;
  /** Reads as soon as it can: now, or right after the reading in flight. */
  readNow(): void;
  /**
   * Whether news is pushed: then readings wait `pushedDelayMs` (the news calls `readNow`); when it stops, the
   * usual backoff resumes at once, never both at full rate.
   */
  setPushed(pushed: boolean): void;
}

/**
 * Reads now, then after growing, jittered delays, until `stop()`, a failure or the time limit.
 * Kind to everyone: one request at a time; none while the page is hidden (the next one goes the moment it is
 * visible again); a 429/503 waits its `Retry-After` in full (the server knows best, however long our own
 * pacing would be) instead of failing; `stop()` leaves no timer, listener or request behind.
 */
export function startPolling(
  handlers: PollingHandlers,
  options: PollingOptions,
  { clock, visibility, random }: PollingPorts,
): Poller {
  const {
    initialDelayMs = 1000,
    factor = 1.5,
    maxDelayMs = 7000,
    jitter = 0.2,
    timeoutMs = 600_000,
    pushedDelayMs = 90_000,
  } = options;
  const abort = new AbortController();
  const deadline = clock.now() + timeoutMs;
  let timer: unknown;
  let delay = initialDelayMs;
  /** A reading is owed: its delay passed (or it is the first) and none is in flight. */
  let due = true;
  let inFlight = false;
  /** `readNow` was called during a reading: another follows it at once. */
  let again = false;
  let pushed = false;

  const schedule = (ms: number): void => {
    timer = clock.setTimeout(
      () => {
        timer = undefined;
        due = true;
        run();
      },
      Math.min(ms, Math.max(0, deadline - clock.now())),
    );
  };

  const run = (): void => {
    if (abort.signal.aborted || !due || visibility.hidden()) return; // `due` stays set: visibility brings it back
    due = false;
    if (clock.now() >= deadline) return finish(() => handlers.onTimeout());
    inFlight = true;
    handlers.tick(abort.signal).then(
      () => {
        inFlight = false;
        if (abort.signal.aborted) return;
        if (again) {
          again = false;
          schedule(0);
          return;
        }
        schedule(pushed ? pushedDelayMs : delay * (1 + jitter * (2 * random() - 1)));
        delay = Math.min(maxDelayMs, delay * factor);
      },
      (error: unknown) => {
        inFlight = false;
        if (abort.signal.aborted) return;
        const wait = error instanceof HttpError ? error.retryAfterMs : undefined;
        if (wait === undefined) return finish(() => handlers.onError(error));
        schedule(wait);
      },
    );
  };

  const unsubscribe = visibility.onChange(run);

  function stop(): void {
    abort.abort();
    clock.clearTimeout(timer);
    unsubscribe();
  }

  function finish(then: () => void): void {
    stop();
    then();
  }

  /** Drops the pending wait and reads now (or after the reading in flight). */
  function readNow(): void {
    if (abort.signal.aborted) return;
    if (inFlight) {
      again = true;
      return;
    }
    clock.clearTimeout(timer);
    timer = undefined;
    due = true;
    run();
  }

  function setPushed(now: boolean): void {
    if (now === pushed) return;
    pushed = now;
    if (timer === undefined) return;
    // The wait under way changes pace too: news now says when to read, or (lost) the usual backoff resumes.
    clock.clearTimeout(timer);
    schedule(pushed ? pushedDelayMs : delay);
  }

  run();
  return { stop, readNow, setPushed };
}
