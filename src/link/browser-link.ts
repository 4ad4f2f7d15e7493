import { isLinkCallback, parseLinkCallback, withoutCallbackParams } from './callback.ts';
import { completeLinkInPopup, watchLinkPopup } from './handoff.ts';
import type { LinkPort } from './link-port.ts';
import { isAllowedLinkUrl } from './link-url.ts';
import { isInAppBrowser, openLinkPopup } from './open-link.ts';

/** {@link LinkPort} in a browser window. `origins` is read on every use: the attribute may change. */
export function browserLink(win: Window, origins: () => readonly string[]): LinkPort {
  const allows = (url: string): boolean => isAllowedLinkUrl(url, origins());
  return {
    allows,
    openPopup(url, linkState, handlers) {
      if (url !== null && !allows(url)) return { status: 'rejected' };
      // Blank: same-origin `about:blank`, which we may send anywhere later.
      const popup = openLinkPopup(url ?? '', win);
      if (popup === null) return { status: 'blocked' };
      const watch = watchLinkPopup(win, popup, linkState, {
        onCallback: (search) => handlers.onCallback(parseLinkCallback(search)),
        onClosed: () => handlers.onClosed(),
      });
      return {
        status: 'opened',
        stop: () => watch.stop(),
        close() {
          watch.stop();
          if (!popup.closed) popup.close();
        },
        navigate(next) {
          if (!allows(next)) return false;
          popup.location.href = next;
          return true;
        },
        focus: () => popup.focus(),
      };
    },
    redirect(url) {
      if (!allows(url)) return false;
      win.location.assign(url);
      return true;
    },
    callback: () => (isLinkCallback(win.location.search) ? parseLinkCallback(win.location.search) : null),
    hasOpener: () => win.opener !== null,
    inWebview: () => isInAppBrowser(win.navigator.userAgent),
    returnUrl: () => withoutCallbackParams(win.location.href),
    cleanCallbackUrl: () =>
      win.history.replaceState(win.history.state, '', withoutCallbackParams(win.location.href)),
    handOff: () => void completeLinkInPopup(win),
    onRestored(listener) {
      const onPageShow = (event: PageTransitionEvent): void => {
        if (event.persisted) listener();
      };
      win.addEventListener('pageshow', onPageShow);
      return () => win.removeEventListener('pageshow', onPageShow);
    },
  };
}
