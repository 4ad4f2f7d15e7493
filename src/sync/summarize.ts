import type {
  DataStatusRecord,
  DataStatusRecords,
  DataTypeProgress,
  SyncBaseline,
  SyncOutcome,
  SyncSnapshot,
  TypeBaseline,
} from '../machine/index.ts';
import { classifyStatus } from './status-classes.ts';

/** A reading, judged: the snapshot the user sees, where the sync stands, and required types never fetched. */
export interface SyncReading extends SyncSnapshot {
  readonly outcome: SyncOutcome;
  /** Required types the platform reports as never fetched (just `{dataType}`) or does not report at all. */
  readonly notStarted: readonly string[];
}

/**
 * Reduces a data-status reading to the types that must finish: `required` when given (a type the platform did
 * not report counts as not started), otherwise every type the platform has fetched at least once (a type
 * reported as just `{dataType}` may never be fetched: it is not waited for unless required).
 *
 * With a `baseline` (how things stood before we asked for a new sync), a type still showing the sync before is
 * pending: its old `Complete` is not this sync's, its old `AuthError` not this link's.
 */
export function summarizeDataStatus(
  statuses: DataStatusRecords,
  required: readonly string[] = [],
  baseline: SyncBaseline | null = null,
): SyncReading {
  const names =
    required.length > 0
      ? required
      : Object.keys(statuses)
          .filter((dataType) => statuses[dataType]?.currentStatus)
          .sort();
  const types: DataTypeProgress[] = names.map((dataType) => {
    const reading = statuses[dataType];
    const stale = reading !== undefined && isFromBefore(reading, baseline?.[dataType]);
    const status = stale ? null : (reading?.currentStatus ?? null);
    return { dataType, status, phase: classifyStatus(status) };
  });
  const finished = types.filter((t) => t.phase === 'finished').length;
  const failed = types.some((t) => t.phase === 'failed');
  // Nothing reported yet is not "done": the first sync has not started.
  const outcome: SyncOutcome = failed
    ? 'failed'
    : types.length > 0 && finished === types.length
      ? 'complete'
      : 'in-progress';
  const notStarted = required.filter((dataType) => !statuses[dataType]?.currentStatus);
  return { types, finished, total: types.length, outcome, notStarted };
}

/** How a reading stood, to judge later ones against (see {@link SyncBaseline}). */
export function baselineOf(statuses: DataStatusRecords): SyncBaseline {
  const entries = Object.values(statuses).flatMap((reading): [string, TypeBaseline][] => {
    const phase = classifyStatus(reading.currentStatus);
    if (phase !== 'finished' && phase !== 'failed') return [];
    // Only what is known: the baseline is saved as JSON, which drops `undefined`.
    const { latestSyncId: syncId, currentStatus: status, lastSuccessfulSync: lastSuccess } = reading;
    return [
      [
        reading.dataType,
        {
          ...(syncId === undefined ? {} : { syncId }),
          ...(status === undefined ? {} : { status }),
          ...(lastSuccess === undefined ? {} : { lastSuccess }),
        },
      ],
    ];
  });
  return Object.fromEntries(entries);
}

/**
 * Whether a reading still shows the sync the baseline saw: same `latestSyncId` when the platform gives one;
 * without ids (a backend that drops them), the same finished status and last success.
 */
function isFromBefore(reading: DataStatusRecord, before: TypeBaseline | undefined): boolean {
  if (before === undefined) return false;
  if (reading.latestSyncId !== undefined || before.syncId !== undefined) {
    return reading.latestSyncId === before.syncId;
  }
  return reading.currentStatus === before.status && reading.lastSuccessfulSync === before.lastSuccess;
}
