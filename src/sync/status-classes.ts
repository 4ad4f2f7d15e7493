import type { SyncPhase } from '../machine/index.ts';

/** The platform's `currentStatus` values (CODAT.md), by what they mean for the journey. */
export const InProgressStatus = {
  Initial: 'Initial',
  Queued: 'Queued',
  Fetching: 'Fetching',
  MapQueued: 'MapQueued',
  Mapping: 'Mapping',
  ProcessingQueued: 'ProcessingQueued',
  Processing: 'Processing',
  ValidationQueued: 'ValidationQueued',
  Validating: 'Validating',
} as const;
export type InProgressStatus = (typeof InProgressStatus)[keyof typeof InProgressStatus];

export const FinishedStatus = { Complete: 'Complete', NotSupported: 'NotSupported' } as const;
export type FinishedStatus = (typeof FinishedStatus)[keyof typeof FinishedStatus];

export const FailedStatus = {
  FetchError: 'FetchError',
  MapError: 'MapError',
  InternalError: 'InternalError',
  ProcessingError: 'ProcessingError',
  ValidationError: 'ValidationError',
  /** Needs the user to re-link. */
  AuthError: 'AuthError',
  Cancelled: 'Cancelled',
  RateLimitError: 'RateLimitError',
  PermissionsError: 'PermissionsError',
  PrerequisiteNotMet: 'PrerequisiteNotMet',
} as const;
export type FailedStatus = (typeof FailedStatus)[keyof typeof FailedStatus];

const phases = new Map<string, SyncPhase>([
  ...Object.values(InProgressStatus).map((s) => [s, 'in-progress'] as const),
  ...Object.values(FinishedStatus).map((s) => [s, 'finished'] as const),
  ...Object.values(FailedStatus).map((s) => [s, 'failed'] as const),
]);

/** Whether the platform sent a status we do not know (a newer API); it is treated as in progress. */
export const isKnownStatus = (status: string): boolean => phases.has(status);

/** A status in the journey's terms. Never synced → `pending`; unknown future values → `in-progress`. */
export function classifyStatus(status: string | null | undefined): SyncPhase {
  if (status === null || status === undefined || status === '') return 'pending';
  return phases.get(status) ?? 'in-progress';
}
