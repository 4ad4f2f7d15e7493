import { isLinkCallback, parseLinkCallback } from './callback.ts';

/** The message a callback page sends to the page that opened Link. */
interface CallbackMessage {
  readonly type: typeof MESSAGE_TYPE;
  /** The callback's query string, parsed and checked by the opener. */
  readonly search: string;
}

const MESSAGE_TYPE = 'company-onboard:link-callback';
/** Same-origin fallback for when `Cross-Origin-Opener-Policy` has cut the popup off from its opener. */
export const CALLBACK_CHANNEL = 'company-onboard:link';

const isCallbackMessage = (data: unknown): data is CallbackMessage =>
  typeof data === 'object' &&
  data !== null &&
  (data as Partial<CallbackMessage>).type === MESSAGE_TYPE &&
  typeof (data as Partial<CallbackMessage>).search === 'string';

/**
 * In the Link popup: hands the callback to the opener and closes the window.
 * Call it on your redirect (callback) page, or let `<company-onboard>` on that page do it.
 * Returns `false` when this page is not a Link callback.
 */
export function completeLinkInPopup(win: Window = window): boolean {
  const search = win.location.search;
  if (!isLinkCallback(search)) return false;
  const message: CallbackMessage = { type: MESSAGE_TYPE, search };
  // targetOrigin is our own origin: a foreign opener never sees the callback.
  (win.opener as Window | null)?.postMessage(message, win.location.origin);
  if (typeof BroadcastChannel === 'function') {
    const channel = new BroadcastChannel(CALLBACK_CHANNEL);
    channel.postMessage(message);
    channel.close();
  }
  win.close();
  return true;
}

export interface PopupWatch {
  stop(): void;
}

/**
 * In the opener `win`: waits for the callback from `popup`, accepting postMessages only from our own origin and
 * from that very window, and notices when the user closes the popup. The same-origin channel cannot tell
 * senders apart, so from it only a callback carrying this journey's `expectedState` is taken.
 */
export function watchLinkPopup(
  win: Window,
  popup: Window,
  expectedState: string,
  handlers: { onCallback(search: string): void; onClosed(): void },
  { pollMs = 500, closeGraceMs = 1000 } = {},
): PopupWatch {
  let done = false;
  const finish = (then: () => void): void => {
    if (done) return;
    stop();
    then();
  };
  const onMessage = (event: MessageEvent): void => {
    if (event.origin !== win.location.origin || event.source !== popup) return;
    const data: unknown = event.data;
    if (isCallbackMessage(data)) finish(() => handlers.onCallback(data.search));
  };
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CALLBACK_CHANNEL) : null;
  const onChannel = (event: MessageEvent): void => {
    const data: unknown = event.data;
    if (isCallbackMessage(data) && parseLinkCallback(data.search).state === expectedState) {
      finish(() => handlers.onCallback(data.search));
    }
  };
  let graceTimer: ReturnType<typeof setTimeout> | undefined;
  // The popup closes itself right after posting; give that message time to arrive before calling it "closed".
  const poll = setInterval(() => {
    if (popup.closed && graceTimer === undefined)
      graceTimer = setTimeout(() => finish(() => handlers.onClosed()), closeGraceMs);
  }, pollMs);

  win.addEventListener('message', onMessage);
  channel?.addEventListener('message', onChannel);

  function stop(): void {
    done = true;
    clearInterval(poll);
    clearTimeout(graceTimer);
    win.removeEventListener('message', onMessage);
    channel?.close();
  }
  return { stop };
}
