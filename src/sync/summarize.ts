import type { DataStatusRecords, DataTypeProgress, SyncOutcome, SyncSnapshot } from '../machine/index.ts';
import { classifyStatus } from './status-classes.ts';

/**
 * Reduces a data-status reading to the types that must finish: `required` when given (a type the platform
 * did not report counts as pending), otherwise every type reported.
 */
export function summarizeDataStatus(
  statuses: DataStatusRecords,
  required: readonly string[] = [],
): SyncSnapshot & { readonly outcome: SyncOutcome } {
  const names = required.length > 0 ? required : Object.keys(statuses).sort();
  const types: DataTypeProgress[] = names.map((dataType) => {
    const status = statuses[dataType]?.currentStatus ?? null;
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
  return { types, finished, total: types.length, outcome };
}
