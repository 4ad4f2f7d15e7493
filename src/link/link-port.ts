import type { LinkOutcome } from '../machine/index.ts';

/** What became of an attempt to open Link in a popup. `stop` ends the watch on an opened popup. */
export type PopupOpening =
  { readonly status: 'rejected' | 'blocked' } | { readonly status: 'opened'; readonly stop: () => void };

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
   * the callback carrying `linkState` or for the user closing it. Refuses a URL that is not allowed.
   */
  openPopup(url: string, linkState: string, handlers: PopupHandlers): PopupOpening;
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
