/**
 * `company-onboard`: importing this module registers `<company-onboard>` (where custom elements exist).
 */
import './element/define.ts';

export * from './element/index.ts';
export * from './backend/index.ts';
export {
  completeLinkInPopup,
  isAllowedLinkUrl,
  parseLinkCallback,
  DEFAULT_LINK_ORIGINS,
} from './link/index.ts';
export { classifyStatus, summarizeDataStatus } from './sync/index.ts';
export type {
  JourneyState,
  JourneyError,
  SyncSnapshot,
  DataTypeProgress,
  SyncPhase,
} from './machine/index.ts';
