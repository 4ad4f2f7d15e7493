/** Delays between data-status requests. */
export interface PollingOptions {
  /** First delay after a reading, in milliseconds. Default: 1 000. */
  readonly initialDelayMs?: number;
  /** Factor applied to the delay after each reading. Default: 1.5. */
  readonly factor?: number;
  /** Longest delay, in milliseconds. Default: 5 000. */
  readonly maxDelayMs?: number;
}

export interface Poller {
  stop(): void;
}

/**
 * Calls `tick` now, then again after a growing delay, until `tick` resolves `false` or `stop()` is called.
 * At most one request is in flight; stopping aborts it and clears the timer, leaving nothing behind.
 * A `tick` that rejects ends the polling; the rejection goes to `onError`.
 */
export function startPolling(
  tick: (signal: AbortSignal) => Promise<boolean>,
  onError: (error: unknown) => void,
  { initialDelayMs = 1000, factor = 1.5, maxDelayMs = 5000 }: PollingOptions = {},
): Poller {
  const abort = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let delay = initialDelayMs;

  const run = async (): Promise<void> => {
    timer = undefined;
    try {
      const again = await tick(abort.signal);
      if (!again || abort.signal.aborted) return;
      timer = setTimeout(() => void run(), delay);
      delay = Math.min(maxDelayMs, delay * factor);
    } catch (error) {
      if (!abort.signal.aborted) onError(error);
    }
  };
  void run();

  return {
    stop() {
      abort.abort();
      clearTimeout(timer);
    },
  };
}
