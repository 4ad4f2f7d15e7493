export { JourneyState, type RetryableStep } from './states.ts';
export { initialContext, type CompanySummary, type JourneyContext, type JourneyError } from './context.ts';
export type { JourneyEvent, JourneyEventType } from './events.ts';
export type { EmitEffect, JourneyEffect } from './effects.ts';
export type { LinkOutcome } from './link-outcome.ts';
export type { DataTypeProgress, SyncPhase, SyncSnapshot } from './sync-snapshot.ts';
export { transition, type JourneySnapshot, type TransitionResult } from './transition.ts';
