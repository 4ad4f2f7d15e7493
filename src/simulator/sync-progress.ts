import { SyncStatus, type DataType } from './data-types.ts';
import type { DataStatus, Sync } from './model.ts';

/** What the sync model needs to know; everything else comes from the clock. */
export interface SyncPlan {
  dataTypes: readonly DataType[];
  neverSyncedTypes: readonly DataType[];
  durationMs: number;
}

/**
 * The data status of a company at time `now`, derived from when its syncs started (no timers).
 *
 * Type `i` of `n` finishes at `start + durationMs * (i + 1) / n`, so types complete one after another and the
 * last at `start + durationMs`. Until then it spends the first third of its time `Queued`, the second
 * `Fetching` and the last `Mapping`. A newer sync restarts every type from `Queued`, while the last
 * successful sync of each type is still reported until the newer one finishes that type.
 */
export function dataStatusAt(
  plan: SyncPlan,
  syncs: readonly Sync[],
  now: number,
): Record<string, DataStatus> {
  const current = syncs.at(-1);
  if (!current) return {};
  const statuses: Record<string, DataStatus> = {};
  plan.dataTypes.forEach((dataType, index) => {
    const finishesAfter = (plan.durationMs * (index + 1)) / plan.dataTypes.length;
    const lastSuccess = [...syncs].reverse().find((sync) => sync.startedAt + finishesAfter <= now);
    statuses[dataType] = {
      dataType,
      currentStatus: stageOf(now - current.startedAt, finishesAfter),
      latestSyncId: current.id,
      ...(lastSuccess && {
        lastSuccessfulSync: new Date(lastSuccess.startedAt + finishesAfter).toISOString(),
        latestSuccessfulSyncId: lastSuccess.id,
      }),
    };
  });
  for (const dataType of plan.neverSyncedTypes) statuses[dataType] = { dataType };
  return statuses;
}

/** When the company last finished syncing every type, or `undefined` if it never has. */
export function lastCompleteSyncAt(plan: SyncPlan, syncs: readonly Sync[], now: number): string | undefined {
  const done = [...syncs].reverse().find((sync) => sync.startedAt + plan.durationMs <= now);
  return done && new Date(done.startedAt + plan.durationMs).toISOString();
}

function stageOf(elapsed: number, finishesAfter: number): SyncStatus {
  if (elapsed >= finishesAfter) return SyncStatus.Complete;
  const fraction = elapsed / finishesAfter;
  if (fraction < 1 / 3) return SyncStatus.Queued;
  if (fraction < 2 / 3) return SyncStatus.Fetching;
  return SyncStatus.Mapping;
}
