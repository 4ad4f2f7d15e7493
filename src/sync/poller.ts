import { HttpError } from '../backend/index.ts';

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
}

export interface PollingHandlers {
  /** Reads once; resolves `false` to stop. */
  tick(signal: AbortSignal): Promise<boolean>;
  /** A reading failed for good (after the backend's own retries). Polling stops. */
  onError(error: unknown): void;
  /** The overall limit passed. Polling stops. */
  onTimeout(): void;
}

export interface Poller {
  stop(): void;
}

const hidden = (): boolean => document.visibilityState === 'hidden';

/**
 * Reads now, then after growing, jittered delays, until `tick` says stop, the time limit passes, or `stop()`.
 * Kind to everyone: one request at a time; none while the tab is hidden (the next one goes the moment it is
 * visible again); a 429/503 waits its `Retry-After` instead of failing; `stop()` leaves no timer, listener or
 * request behind.
 */
export function startPolling(handlers: PollingHandlers, options: PollingOptions = {}): Poller {
  const {
    initialDelayMs = 1000,
    factor = 1.5,
    maxDelayMs = 7000,
    jitter = 0.2,
    timeoutMs = 600_000,
  } = options;
  const abort = new AbortController();
  const deadline = Date.now() + timeoutMs;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let delay = initialDelayMs;
  let due = false;

  const schedule = (ms: number): void => {
    timer = setTimeout(
      () => {
        timer = undefined;
        due = true;
        run();
      },
      Math.min(ms, Math.max(0, deadline - Date.now())),
    );
  };

  const run = (): void => {
    if (abort.signal.aborted || hidden()) return; // `due` stays set: visibility brings it back
    due = false;
    if (Date.now() >= deadline) return finish(() => handlers.onTimeout());
    handlers.tick(abort.signal).then(
      (again) => {
        if (!again || abort.signal.aborted) return stop();
        schedule(delay * (1 + jitter * (2 * Math.random() - 1)));
        delay = Math.min(maxDelayMs, delay * factor);
      },
      (error: unknown) => {
        if (abort.signal.aborted) return;
        const wait = error instanceof HttpError ? error.retryAfterMs : undefined;
        if (wait === undefined) return finish(() => handlers.onError(error));
        schedule(wait);
      },
    );
  };

  const onVisibility = (): void => {
    if (due && !hidden()) run();
  };

  function stop(): void {
    abort.abort();
    clearTimeout(timer);
    document.removeEventListener('visibilitychange', onVisibility);
  }

  function finish(then: () => void): void {
    stop();
    then();
  }

  document.addEventListener('visibilitychange', onVisibility);
  due = true;
  run();
  return { stop };
}
