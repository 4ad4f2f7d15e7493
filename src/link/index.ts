export { isLinkCallback, parseLinkCallback, withoutCallbackParams } from './callback.ts';
export { completeLinkInPopup, watchLinkPopup, CALLBACK_CHANNEL, type PopupWatch } from './handoff.ts';
export { DEFAULT_LINK_ORIGINS, createNonce, isAllowedLinkUrl, withLinkState } from './link-url.ts';
export { openLinkPopup, redirectToLink, type PopupResult } from './open-link.ts';
export {
  PENDING_JOURNEY_TTL_MS,
  clearPendingJourney,
  loadPendingJourney,
  savePendingJourney,
  type LinkMode,
} from './pending-journey.ts';
