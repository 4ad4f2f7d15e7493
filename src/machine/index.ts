export { JourneyState, RETRYABLE_STEPS, type RetryableStep } from './states.ts';
export { initialContext, type JourneyContext, type JourneyError, type JourneySnapshot } from './context.ts';
export type { AbandonReason, EventOf, JourneyEvent, JourneyEventType, StepFailure } from './events.ts';
export type { EmitDetails, EmitEffect, JourneyEffect } from './effects.ts';
export type { LinkOpenMode, LinkOutcome, LinkRequest, LinkWindow } from './link-outcome.ts';
export { ErrorCode, NoticeCode, type MessageParams } from './messages.ts';
export type {
  CompanyRecord,
  ConnectionRecord,
  DataStatusRecord,
  DataStatusRecords,
  PullRecord,
} from './records.ts';
export {
  emptyWatch,
  type DataTypeProgress,
  type SyncBaseline,
  type SyncOutcome,
  type SyncPhase,
  type SyncSnapshot,
  type SyncWatch,
  type TypeBaseline,
} from './sync-snapshot.ts';
export { brokenConnection, confirmingConnection, linkUrlOf } from './company.ts';
export { microsteps, transition, type TransitionResult } from './transition.ts';
export { onDashboard } from './result.ts';
export { isLinkPopup } from './link-role.ts';
