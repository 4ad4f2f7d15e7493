import { SyncStatus, type DataType } from './data-types.ts';
import {
  ConnectionStatus,
  type DataStatus,
  type StoredConnection,
  type Sync,
  type SyncRead,
} from './model.ts';
import { SyncScenario } from './scenarios.ts';

/** What the sync model needs to know; everything else comes from the clock. */
export interface SyncPlan {
  /** The types a first sync or a refresh reads (the configured ones but `neverSyncedTypes`). */
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
 * Type `i` of the `n` a sync reads finishes at `start + durationMs * (i + 1) / n`, so types finish one after
 * another and the last at `start + durationMs` (a queued single type takes the whole duration). Until then a
 * type that completes spends the first third of its time `Queued`, the second `Fetching` and the last
 * `Mapping`; a type that fails (`fetch-error`, `auth-error`) spends the first third `Queued`, the rest
 * `Fetching`, then reports the error; in `stuck-queued` every type stays `Queued`. A newer sync that reads a
 * type replaces the current one for that type (it restarts from `Queued`), while the last successful sync of
 * the type is still reported until the newer one completes it. A type a sync had not completed when a newer
 * one started is not credited to it. A type of `neverSyncedTypes` no sync has read is reported as
 * `{dataType}` alone.
 */
export function dataStatusAt(
  plan: SyncPlan,
  syncs: readonly Sync[],
  now: number,
): Record<string, DataStatus> {
  if (syncs.length === 0) return {};
  const statuses: Record<string, DataStatus> = {};
  const read = new Set([...plan.dataTypes, ...syncs.flatMap((sync) => sync.dataTypes)]);
  for (const dataType of read) {
    const current = syncs.findLast((sync) => sync.dataTypes.includes(dataType));
    if (!current) continue;
    const lastSuccess = lastSuccessOf(plan, syncs, dataType, now);
    statuses[dataType] = {
      dataType,
      currentStatus: statusOf(plan, current, dataType, now - current.startedAt),
      latestSyncId: readOf(current, dataType).id,
      ...(lastSuccess && {
        lastSuccessfulSync: new Date(lastSuccess.at).toISOString(),
        latestSuccessfulSyncId: lastSuccess.id,
      }),
    };
  }
  for (const dataType of plan.neverSyncedTypes) statuses[dataType] ??= { dataType };
  return statuses;
}

/** The latest sync reading `dataType` while it is still running at `now` (or never finishes); else `undefined`. */
export function inProgress(
  plan: SyncPlan,
  syncs: readonly Sync[],
  dataType: DataType,
  now: number,
): Sync | undefined {
  const current = syncs.findLast((sync) => sync.dataTypes.includes(dataType));
  if (!current) return undefined;
  const ending = endingOf(plan, current, dataType);
  return ending === null || now - current.startedAt < finishesAfter(current, dataType) ? current : undefined;
}

/** The pull operation of `sync` that reads `dataType` (which the sync must read). */
export function readOf(sync: Sync, dataType: DataType): SyncRead {
  const read = sync.reads.find((candidate) => candidate.dataType === dataType);
  if (!read) throw new Error(`readOf: the sync does not read ${dataType}`);
  return read;
}

/** Where one type of a sync stands, as its pull operation in the read history reports it. */
export interface ReadState {
  status: SyncStatus;
  /** 0–100: the share of the type's time elapsed, 100 once it has finished. */
  progress: number;
  /** When it finished (completed or failed) or was cancelled, once it has. */
  endedAt?: number;
}

/**
 * Where `dataType` of `syncs[index]` stands at `now`: its status as {@link dataStatusAt} would report it for
 * that sync. A newer sync that started reading the type before this one finished it replaced it (the data
 * status moves to the newer one and never credits this one): its pull operation is `Cancelled` from that
 * moment, progress frozen there. Codat's docs say nothing of a refresh during a sync; this is the simulator's
 * reading of its own model.
 */
export function readStateAt(
  plan: SyncPlan,
  syncs: readonly Sync[],
  index: number,
  dataType: DataType,
  now: number,
): ReadState {
  const sync = syncs[index];
  if (!sync) throw new Error(`readStateAt: no sync ${index}`);
  const ending = endingOf(plan, sync, dataType);
  const finishes = finishesAfter(sync, dataType);
  const progressAt = (at: number): number =>
    ending === null || finishes <= 0 ? 0 : Math.min(99, Math.floor((100 * (at - sync.startedAt)) / finishes));
  const next = syncs.slice(index + 1).find((later) => later.dataTypes.includes(dataType));
  const replacedAt = next !== undefined && next.startedAt <= now ? next.startedAt : undefined;
  if (replacedAt !== undefined && (ending === null || replacedAt < sync.startedAt + finishes)) {
    return { status: SyncStatus.Cancelled, progress: progressAt(replacedAt), endedAt: replacedAt };
  }
  const status = statusOf(plan, sync, dataType, now - sync.startedAt);
  if (status === ending) return { status, progress: 100, endedAt: sync.startedAt + finishes };
  return { status, progress: progressAt(now) };
}

/**
 * When the company last finished a sync of every configured type in which every type completed, or
 * `undefined` if it never has. A sync with a failed type (`fetch-error`, `auth-error`), that never ends
 * (`stuck-queued`) or that reads one type only does not count.
 */
export function lastCompleteSyncAt(plan: SyncPlan, syncs: readonly Sync[], now: number): string | undefined {
  for (let i = syncs.length - 1; i >= 0; i--) {
    const sync = syncs[i];
    if (
      sync === undefined ||
      !plan.dataTypes.every((dataType) => endingOf(plan, sync, dataType) === SyncStatus.Complete)
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
  const linkedAt = connection.linkedAt ?? now;
  const broken = syncs.some((sync, i) => {
    if (sync.startedAt < linkedAt) return false;
    const at = deauthorizesAt(plan, sync);
    return at !== undefined && happened(syncs, i, at.at, now, at.types);
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

/** When the sync deauthorises the company's connections, if it does, and which of its types that hangs on. */
function deauthorizesAt(plan: SyncPlan, sync: Sync): { at: number; types?: readonly DataType[] } | undefined {
  if (sync.deauthorizesAtEnd) return { at: sync.startedAt + sync.durationMs };
  const failing = plan.failingDataType;
  if (
    sync.scenario !== SyncScenario.AuthError ||
    failing === undefined ||
    !sync.dataTypes.includes(failing)
  ) {
    return undefined;
  }
  return { at: sync.startedAt + finishesAfter(sync, failing), types: [failing] };
}

/**
 * Whether what sync `syncs[index]` does at time `at` to `types` (default: every type it reads) has happened
 * by `now`: it must not be in the future, nor after a newer sync reading all of `types` replaced this one.
 */
function happened(
  syncs: readonly Sync[],
  index: number,
  at: number,
  now: number,
  types: readonly DataType[] = syncs[index]?.dataTypes ?? [],
): boolean {
  if (at > now) return false;
  const next = syncs.slice(index + 1).find((sync) => types.every((type) => sync.dataTypes.includes(type)));
  return next === undefined || at <= next.startedAt;
}

/** The latest sync that completed `dataType` by `now`, and when. */
function lastSuccessOf(
  plan: SyncPlan,
  syncs: readonly Sync[],
  dataType: DataType,
  now: number,
): { id: string; at: number } | undefined {
  for (let i = syncs.length - 1; i >= 0; i--) {
    const sync = syncs[i];
    if (sync === undefined || endingOf(plan, sync, dataType) !== SyncStatus.Complete) continue;
    const at = sync.startedAt + finishesAfter(sync, dataType);
    if (happened(syncs, i, at, now, [dataType])) return { id: readOf(sync, dataType).id, at };
  }
  return undefined;
}

function finishesAfter(sync: Sync, dataType: DataType): number {
  return (sync.durationMs * (sync.dataTypes.indexOf(dataType) + 1)) / sync.dataTypes.length;
}

/** How `dataType` ends in `sync`; `null`: never (`stuck-queued`, or the sync does not read it). */
function endingOf(plan: SyncPlan, sync: Sync, dataType: DataType): Ending {
  if (!sync.dataTypes.includes(dataType)) return null;
  const failing = dataType === plan.failingDataType;
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

function statusOf(plan: SyncPlan, sync: Sync, dataType: DataType, elapsed: number): SyncStatus {
  const ending = endingOf(plan, sync, dataType);
  if (ending === null) return SyncStatus.Queued;
  const finishes = finishesAfter(sync, dataType);
  if (elapsed >= finishes) return ending;
  const fraction = elapsed / finishes;
  if (fraction < 1 / 3) return SyncStatus.Queued;
  if (fraction < 2 / 3 || ending !== SyncStatus.Complete) return SyncStatus.Fetching;
  return SyncStatus.Mapping;
}
