import { SyncStatus, type DataType } from './data-types.ts';
import { ConnectionStatus, type DataStatus, type StoredConnection, type Sync } from './model.ts';
import { SyncScenario } from './scenarios.ts';

/** What the sync model needs to know; everything else comes from the clock. */
export interface SyncPlan {
  dataTypes: readonly DataType[];
  neverSyncedTypes: readonly DataType[];
  /** The type the `fetch-error` and `auth-error` scenarios fail; `undefined` when no type is synced. */
  failingDataType: DataType | undefined;
  /** How long a sync of `scenario` takes, in ms. */
  durationOf(scenario: SyncScenario): number;
}

/** How a type's part of a sync ends; `null`: it never does (`stuck-queued`). */
type Ending = typeof SyncStatus.Complete | typeof SyncStatus.FetchError | typeof SyncStatus.AuthError | null;

/**
 * The data status of a company at time `now`, derived from when its syncs started and their scenarios (no
 * timers).
 *
 * Type `i` of `n` finishes at `start + durationMs * (i + 1) / n`, so types finish one after another and the
 * last at `start + durationMs`. Until then a type that completes spends the first third of its time
 * `Queued`, the second `Fetching` and the last `Mapping`; a type that fails (`fetch-error`, `auth-error`)
 * spends the first third `Queued`, the rest `Fetching`, then reports the error; in `stuck-queued` every type
 * stays `Queued`. A newer sync replaces the current one (every type restarts from `Queued`), while the last
 * successful sync of each type is still reported until the newer one completes that type. A type a sync
 * had not completed when a newer one started is not credited to it.
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
    const lastSuccess = lastSuccessOf(plan, syncs, index, now);
    statuses[dataType] = {
      dataType,
      currentStatus: statusOf(plan, current, index, now - current.startedAt),
      latestSyncId: current.id,
      ...(lastSuccess && {
        lastSuccessfulSync: new Date(lastSuccess.at).toISOString(),
        latestSuccessfulSyncId: lastSuccess.id,
      }),
    };
  });
  for (const dataType of plan.neverSyncedTypes) statuses[dataType] = { dataType };
  return statuses;
}

/**
 * When the company last finished a sync in which every type completed, or `undefined` if it never has. A
 * sync with a failed type (`fetch-error`, `auth-error`) or that never ends (`stuck-queued`) does not count.
 */
export function lastCompleteSyncAt(plan: SyncPlan, syncs: readonly Sync[], now: number): string | undefined {
  for (let i = syncs.length - 1; i >= 0; i--) {
    const sync = syncs[i];
    if (
      sync === undefined ||
      !plan.dataTypes.every((_, index) => endingOf(plan, sync, index) === 'Complete')
    ) {
      continue;
    }
    const end = sync.startedAt + sync.durationMs;
    if (happened(syncs, i, end, now)) return new Date(end).toISOString();
  }
  return undefined;
}

/**
 * The connection's status at `now`. A stored `Linked` connection is `Deauthorized` once a sync started since
 * it was linked has deauthorised the company's connections: `auth-error` when its failing type fails,
 * `deauthorized-after-link` when it completes (unless a newer sync replaced it first).
 */
export function connectionStatusAt(
  plan: SyncPlan,
  connection: StoredConnection,
  syncs: readonly Sync[],
  now: number,
): ConnectionStatus {
  if (connection.status !== ConnectionStatus.Linked) return connection.status;
  const broken = syncs.some((sync, i) => {
    if (sync.startedAt < connection.linkedAt) return false;
    const at = deauthorizesAt(plan, sync);
    return at !== undefined && happened(syncs, i, at, now);
  });
  return broken ? ConnectionStatus.Deauthorized : ConnectionStatus.Linked;
}

/**
 * Whether a `deauthorized-after-link` sync among `syncs[from…]` has deauthorised the company by `now`: the
 * scenario breaks a connection once per selection.
 */
export function deauthorizedAfterLinkSince(syncs: readonly Sync[], from: number, now: number): boolean {
  return syncs.some(
    (sync, i) =>
      i >= from && sync.deauthorizesAtEnd && happened(syncs, i, sync.startedAt + sync.durationMs, now),
  );
}

/** When the sync deauthorises the company's connections, if it does. */
function deauthorizesAt(plan: SyncPlan, sync: Sync): number | undefined {
  if (sync.deauthorizesAtEnd) return sync.startedAt + sync.durationMs;
  if (sync.scenario !== SyncScenario.AuthError || plan.failingDataType === undefined) return undefined;
  return sync.startedAt + finishesAfter(plan, sync, plan.dataTypes.indexOf(plan.failingDataType));
}

/**
 * Whether what sync `syncs[index]` does at time `at` has happened by `now`: it must not be in the future,
 * nor after a newer sync replaced this one.
 */
function happened(syncs: readonly Sync[], index: number, at: number, now: number): boolean {
  const next = syncs[index + 1];
  return at <= now && (next === undefined || at <= next.startedAt);
}

/** The latest sync that completed type `index` by `now`, and when. */
function lastSuccessOf(
  plan: SyncPlan,
  syncs: readonly Sync[],
  index: number,
  now: number,
): { id: string; at: number } | undefined {
  for (let i = syncs.length - 1; i >= 0; i--) {
    const sync = syncs[i];
    if (sync === undefined || endingOf(plan, sync, index) !== SyncStatus.Complete) continue;
    const at = sync.startedAt + finishesAfter(plan, sync, index);
    if (happened(syncs, i, at, now)) return { id: sync.id, at };
  }
  return undefined;
}

function finishesAfter(plan: SyncPlan, sync: Sync, index: number): number {
  return (sync.durationMs * (index + 1)) / plan.dataTypes.length;
}

function endingOf(plan: SyncPlan, sync: Sync, index: number): Ending {
  const failing = plan.dataTypes[index] === plan.failingDataType;
  switch (sync.scenario) {
    case SyncScenario.StuckQueued:
      return null;
    case SyncScenario.FetchError:
      return failing ? SyncStatus.FetchError : SyncStatus.Complete;
    case SyncScenario.AuthError:
      return failing ? SyncStatus.AuthError : SyncStatus.Complete;
    default:
      return SyncStatus.Complete;
  }
}

function statusOf(plan: SyncPlan, sync: Sync, index: number, elapsed: number): SyncStatus {
  const ending = endingOf(plan, sync, index);
  if (ending === null) return SyncStatus.Queued;
  const finishes = finishesAfter(plan, sync, index);
  if (elapsed >= finishes) return ending;
  const fraction = elapsed / finishes;
  if (fraction < 1 / 3) return SyncStatus.Queued;
  if (fraction < 2 / 3 || ending !== SyncStatus.Complete) return SyncStatus.Fetching;
  return SyncStatus.Mapping;
}
