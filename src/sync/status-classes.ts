import type { SyncPhase } from '../machine/index.ts';

/**
 * Every `currentStatus` the platform documents (CODAT.md), with what it means for the journey: still going,
 * finished well, or failed (`AuthError` needs the user to link again).
 */
export const PlatformStatusPhase = {
  Initial: 'in-progress',
  Queued: 'in-progress',
  Fetching: 'in-progress',
  MapQueued: 'in-progress',
  Mapping: 'in-progress',
  ProcessingQueued: 'in-progress',
  Processing: 'in-progress',
  ValidationQueued: 'in-progress',
  Validating: 'in-progress',
  Complete: 'finished',
  NotSupported: 'finished',
  FetchError: 'failed',
  MapError: 'failed',
  InternalError: 'failed',
  ProcessingError: 'failed',
  ValidationError: 'failed',
  AuthError: 'failed',
  Cancelled: 'failed',
  RateLimitError: 'failed',
  PermissionsError: 'failed',
  PrerequisiteNotMet: 'failed',
} as const satisfies Record<string, SyncPhase>;
export type PlatformStatus = keyof typeof PlatformStatusPhase;

/** Whether the platform sent a status we do not know (a newer API); it is treated as in progress. */
export const isKnownStatus = (status: string): status is PlatformStatus =>
  Object.hasOwn(PlatformStatusPhase, status);

/** A status in the journey's terms. Never synced → `pending`; unknown future values → `in-progress`. */
export function classifyStatus(status: string | null | undefined): SyncPhase {
  if (!status) return 'pending';
  return isKnownStatus(status) ? PlatformStatusPhase[status] : 'in-progress';
}
