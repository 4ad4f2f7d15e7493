import type { LinkOutcome } from '../machine/index.ts';

/** What became of an attempt to open Link in a popup. */
export type PopupOpening = { readonly status: 'rejected' | 'blocked' } | OpenedPopup;

/** A Link popup we opened and watch. */
export interface OpenedPopup {
  readonly status: 'opened';
  /** Stops watching it (the window stays: the element went away, the user may still finish in Link). */
  stop(): void;
  /** Stops watching it and closes the window if it is still open. */
  close(): void;
  /** Sends it to `url` (a popup opened blank while a fresh Link URL was fetched); `false` when not allowed. */
  navigate(url: string): boolean;
  /** Brings the window back in front of the page (the user lost it behind another). */
  focus(): void;
}

export interface PopupHandlers {
  onCallback(outcome: LinkOutcome): void;
  onClosed(): void;
}

/** Hosted Link as the journey reaches it: the page it runs in and the windows it opens. */
export interface LinkPort {
  /** Whether `url` may be opened as Link (https, or http on loopback, and an allowed origin). */
  allows(url: string): boolean;
  /**
   * Opens `url` in a popup, synchronously (browsers block `window.open` after an `await`), and watches it for
   * the callback carrying `linkState` or for the user closing it. Refuses a URL that is not allowed. A `null`
   * url opens a blank popup, to be sent to Link with `navigate` once its URL is known.
   */
  openPopup(url: string | null, linkState: string, handlers: PopupHandlers): PopupOpening;
  /** Leaves the page for `url`. Refuses (returns `false`) a URL that is not allowed. */
  redirect(url: string): boolean;
  /** The Link callback in this page's URL, if the page is one. */
  callback(): LinkOutcome | null;
  /** Whether another window opened this one (the Link popup has an opener, unless COOP cut it). */
  hasOpener(): boolean;
  /** Whether the page runs in an in-app browser or webview, where popups do not come back. */
  inWebview(): boolean;
  /** This page's address without Link's callback parameters: where a redirect comes back to. */
  returnUrl(): string;
  /** Removes Link's callback parameters from the address bar. */
  cleanCallbackUrl(): void;
  /** In the Link popup: hands the callback to the page that opened Link, and closes. */
  handOff(): void;
  /** Calls `listener` when the page is shown again from the back/forward cache; returns the unsubscribe. */
  onRestored(listener: () => void): () => void;
}
