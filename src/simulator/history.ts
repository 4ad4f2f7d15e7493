import { SyncStatus, type DataType } from './data-types.ts';
import type { StoredCompany, SyncRead } from './model.ts';
import { readStateAt, type ReadState, type SyncPlan } from './sync-progress.ts';

/**
 * A pull operation (Codat's dataset) as `GET /companies/{id}/data/history` lists it and
 * `POST data/queue/{dataType}` answers it: the SDK's `PullOperation`.
 */
export interface PullOperation {
  id: string;
  companyId: string;
  connectionId: string;
  dataType: DataType;
  status: SyncStatus;
  statusDescription?: string;
  errorMessage?: string;
  requested: string;
  completed?: string;
  progress: number;
  isCompleted: boolean;
  isErrored: boolean;
}

/** The words of a pull operation that did not complete, by status. */
const EXPLANATIONS: Partial<Record<SyncStatus, (dataType: DataType) => Partial<PullOperation>>> = {
  [SyncStatus.FetchError]: (dataType) => ({
    errorMessage: `The platform returned an error while ${dataType} were being fetched.`,
  }),
  [SyncStatus.AuthError]: () => ({
    errorMessage: "The platform refused the connection's credentials: the company must link it again.",
  }),
  [SyncStatus.Cancelled]: () => ({
    statusDescription: 'Replaced by a newer pull operation of the same data type.',
  }),
};

/**
 * The company's read history at `now`: one pull operation per data type of each sync (the first after
 * linking, each refresh, each queued type), plus those queued for `unstartableTypes` (`Queued` for ever), in
 * the order they were requested. Status, progress and completion come from the clock (`readStateAt`), like
 * the data status, so the history and the data status always agree.
 */
export function pullHistoryAt(plan: SyncPlan, company: StoredCompany, now: number): PullOperation[] {
  const started = company.syncs.flatMap((sync, index) =>
    sync.reads.map((read) => ({
      at: sync.startedAt,
      operation: pullOperation(
        company.id,
        read,
        sync.startedAt,
        readStateAt(plan, company.syncs, index, read.dataType, now),
      ),
    })),
  );
  const unstarted = company.unstartedReads.map((read) => ({
    at: read.requestedAt,
    operation: pullOperation(company.id, read, read.requestedAt, { status: SyncStatus.Queued, progress: 0 }),
  }));
  // Stable: operations requested at the same moment keep the order the sync reads them in.
  return [...started, ...unstarted].sort((a, b) => a.at - b.at).map((entry) => entry.operation);
}

/** One pull operation in the platform's shape. */
export function pullOperation(
  companyId: string,
  read: SyncRead,
  requestedAt: number,
  state: ReadState,
): PullOperation {
  const isErrored = state.status === SyncStatus.FetchError || state.status === SyncStatus.AuthError;
  return {
    id: read.id,
    companyId,
    connectionId: read.connectionId,
    dataType: read.dataType,
    status: state.status,
    ...EXPLANATIONS[state.status]?.(read.dataType),
    requested: new Date(requestedAt).toISOString(),
    ...(state.endedAt !== undefined && { completed: new Date(state.endedAt).toISOString() }),
    progress: state.progress,
    isCompleted: state.status === SyncStatus.Complete,
    isErrored,
  };
}
