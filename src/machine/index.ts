export { JourneyState, type RetryableStep } from './states.ts';
export {
  initialContext,
  type BrokenConnection,
  type CompanySummary,
  type JourneyContext,
  type JourneyError,
  type JourneySnapshot,
} from './context.ts';
export type { AbandonReason, JourneyEvent, JourneyEventType } from './events.ts';
export type { EmitEffect, JourneyEffect } from './effects.ts';
export type { LinkOutcome } from './link-outcome.ts';
export type { DataTypeProgress, SyncPhase, SyncSnapshot } from './sync-snapshot.ts';
export { transition, type TransitionResult } from './transition.ts';
