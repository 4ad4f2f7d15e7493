const POPUP_NAME = 'company-onboard-link';
const WIDTH = 480;
const HEIGHT = 760;

/**
 * Opens Link in a popup sized for it; `null` when the browser blocked it. Must be called synchronously inside
 * the user's click: browsers block `window.open` after an `await`.
 */
export function openLinkPopup(url: string, win: Window = window, name = POPUP_NAME): Window | null {
  // Sized for hosted Link and centred over the page, where the user is looking (browsers keep it on screen).
  const left = Math.max(0, Math.round(win.screenX + (win.outerWidth - WIDTH) / 2));
  const top = Math.max(0, Math.round(win.screenY + (win.outerHeight - HEIGHT) / 2));
  return win.open(url, name, `popup,width=${WIDTH},height=${HEIGHT},left=${left},top=${top}`);
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
