/**
 * `company-onboard`: importing this module registers `<company-onboard>` (where custom elements exist).
 */
import './element/define.ts';

export * from './element/index.ts';
export * from './backend/index.ts';
// The callback page's side of Link is its own entry, `company-onboard/callback`: no page needs it with the element.
export { isAllowedLinkUrl, parseLinkCallback, DEFAULT_LINK_ORIGINS } from './link/index.ts';
export { ErrorCode, NoticeCode } from './machine/index.ts';
export type {
  CompanyRecord,
  ConnectionRecord,
  DataStatusRecords,
  DataTypeProgress,
  JourneyError,
  JourneySnapshot,
  JourneyState,
  MessageParams,
  SyncPhase,
  SyncSnapshot,
} from './machine/index.ts';
export { createJourneyRunner } from './runtime/index.ts';
export type {
  JourneyConfig,
  JourneyIntent,
  JourneyPorts,
  JourneyRunner,
  RunnerEvent,
} from './runtime/index.ts';
