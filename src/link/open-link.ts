/** What happened when we tried to open hosted Link in a popup. */
export type PopupResult = { readonly opened: true; readonly popup: Window } | { readonly opened: false };

const POPUP_NAME = 'company-onboard-link';
const WIDTH = 480;
const HEIGHT = 760;

/**
 * Opens Link in a popup. Must be called synchronously inside the user's click:
 * browsers block `window.open` after an `await`.
 */
export function openLinkPopup(url: string, name = POPUP_NAME): PopupResult {
  // Sized for hosted Link; the browser places it (centring it costs bytes the widget's budget lacks).
  const popup = window.open(url, name, `popup,width=${WIDTH},height=${HEIGHT}`);
  return popup === null ? { opened: false } : { opened: true, popup };
}

/** Leaves the page for Link. */
export function redirectToLink(url: string): void {
  window.location.assign(url);
}

/**
 * In-app browsers and webviews (Facebook, Instagram, LinkedIn, Android WebView, iOS WKWebView) open popups as
 * new screens with no way back, or not at all: there a full-page redirect is the only dependable hand-off.
 */
export function isInAppBrowser(userAgent: string): boolean {
  // Android WebView says `wv`; iOS WKWebView names the device but not Safari; apps add their own tokens.
  return /\bwv\b|FBA[NV]|Instagram|LinkedInApp|Line\/|MicroMessenger|GSA\/|(iPhone|iPad|iPod)(?!.*Safari\/)/.test(
    userAgent,
  );
}
