import type { LinkWindow } from './link-outcome.ts';

/**
 * Whether a page holding a Link callback is the Link popup (it hands the callback to the page that opened it)
 * rather than the page coming back from a full-page redirect. `savedMode` is how the journey saved in this tab
 * opened Link (a popup starts with a copy of its opener's session storage); `hasOpener` whether a window
 * opened this one. Shared by the element and the stand-alone callback page, so both decide alike.
 */
export const isLinkPopup = (savedMode: LinkWindow | null, hasOpener: boolean): boolean =>
  savedMode !== 'redirect' && (hasOpener || savedMode === 'popup');
