export { isLinkCallback, parseLinkCallback, withoutCallbackParams } from './callback.ts';
export { completeLinkInPopup, watchLinkPopup, CALLBACK_CHANNEL, type PopupWatch } from './handoff.ts';
export { DEFAULT_LINK_ORIGINS, createNonce, isAllowedLinkUrl, withLinkState } from './link-url.ts';
export { isInAppBrowser, openLinkPopup } from './open-link.ts';
export { completeLinkCallback, type CallbackPageResult } from './callback-page.ts';
export type { LinkPort, OpenedPopup, PopupHandlers, PopupOpening } from './link-port.ts';
export { browserLink } from './browser-link.ts';
export {
  SAVED_JOURNEY_TTL_MS,
  createJourneyStore,
  sessionJourneyStore,
  type JourneyStore,
  type SavedJourney,
} from './saved-journey.ts';
