/** Time as the poller sees it: injected, so tests and benchmarks move it by hand. */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Whether the page is hidden, and a way to hear when that changes. */
export interface Visibility {
  hidden(): boolean;
  /** Calls `listener` on every change; returns the unsubscribe function. */
  onChange(listener: () => void): () => void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** For places with no page (Node, workers): always visible. */
export const alwaysVisible: Visibility = { hidden: () => false, onChange: () => () => undefined };

/** The visibility of a document (the browser tab). */
export const documentVisibility = (doc: Document): Visibility => ({
  hidden: () => doc.visibilityState === 'hidden',
  onChange(listener) {
    doc.addEventListener('visibilitychange', listener);
    return () => doc.removeEventListener('visibilitychange', listener);
  },
});
