export { isLinkCallback, parseLinkCallback, withoutCallbackParams } from './callback.ts';
export { completeLinkInPopup, watchLinkPopup, CALLBACK_CHANNEL, type PopupWatch } from './handoff.ts';
export { DEFAULT_LINK_ORIGINS, createNonce, isAllowedLinkUrl, withLinkState } from './link-url.ts';
export { isInAppBrowser, openLinkPopup, redirectToLink, type PopupResult } from './open-link.ts';
export { completeLinkCallback, type CallbackPageResult } from './callback-page.ts';
export {
  SAVED_JOURNEY_TTL_MS,
  clearJourney,
  findJourneyByLinkState,
  loadJourney,
  saveJourney,
  type LinkMode,
  type SavedJourney,
} from './saved-journey.ts';
