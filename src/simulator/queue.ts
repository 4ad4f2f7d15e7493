import { codatError, json } from './codat-error.ts';
import { linkedConnections, startSync, type SimulatorContext } from './context.ts';
import { isDataType, SyncStatus, type DataType } from './data-types.ts';
import { ConnectionStatus, type StoredCompany, type StoredConnection } from './model.ts';
import { SourceType } from './platforms.ts';
import { connectionStatusAt, inProgress, syncStatusAt } from './sync-progress.ts';

/** A pull operation as `POST data/queue/{dataType}` answers it (the SDK's `PullOperation`). */
export interface PullOperation {
  id: string;
  companyId: string;
  connectionId: string;
  dataType: DataType;
  status: SyncStatus;
  requested: string;
  completed?: string;
  progress: number;
  isCompleted: boolean;
  isErrored: boolean;
}

/**
 * `POST /companies/{id}/data/queue/{dataType}[?connectionId=]` (the SDK's `refreshDataByDataType`): starts a
 * sync of that one type over the usual duration and answers 200 with its pull operation. Errors: 400 for a
 * type that is not one of Codat's, for a company with no linked connection, or while a sync of that type is
 * still running (Codat's `DatasetAlreadyInProgressException`; the docs give no status, the simulator says
 * 400), or when the `connectionId` named is not `Linked`; 404 for a `connectionId` the company does not have. A type in `unstartableTypes` is accepted (the
 * answer says `Queued`) but never starts.
 */
export function queueDataType(
  company: StoredCompany,
  dataType: string,
  url: URL,
  correlationId: string,
  context: SimulatorContext,
): Response {
  if (!isDataType(dataType)) {
    const message = `${JSON.stringify(dataType)} is not a data type.`;
    return codatError(400, message, correlationId, {
      validation: [{ itemId: 'dataType', message, validatorName: 'DataTypeValidator' }],
    });
  }
  const now = context.options.now();
  const connection = connectionFor(company, dataType, url.searchParams.get('connectionId'), context, now);
  if (connection === 'unknown') {
    return codatError(
      404,
      `Connection ${url.searchParams.get('connectionId') ?? ''} was not found.`,
      correlationId,
    );
  }
  if (connection === undefined) {
    return codatError(
      400,
      `Company ${company.id} has no linked connection to read ${dataType} from.`,
      correlationId,
    );
  }
  const linkStatus = connectionStatusAt(context.plan, connection, company.syncs, now);
  if (linkStatus !== ConnectionStatus.Linked) {
    // Codat: an Unlinked or Deauthorized connection keeps its data but reads nothing new until re-linked.
    return codatError(
      400,
      `Connection ${connection.id} is ${linkStatus}: re-link it to read ${dataType} from it.`,
      correlationId,
    );
  }
  const running = inProgress(context.plan, company.syncs, dataType, now);
  if (running) {
    return codatError(
      400,
      `DatasetAlreadyInProgressException: Cannot queue ${dataType} sync for ${company.id} as previous sync ${running.id} is still in progress`,
      correlationId,
    );
  }
  const requested = new Date(now).toISOString();
  const operation = { companyId: company.id, connectionId: connection.id, dataType, requested };
  if (context.settings.unstartableTypes.includes(dataType)) {
    // Accepted, as Codat accepts it for a connector that is offline; nothing will ever read it.
    return json(200, pullOperation({ ...operation, id: context.options.uuid() }, SyncStatus.Queued, now));
  }
  const sync = startSync(context, company, [dataType]);
  const status = syncStatusAt(context.plan, sync, dataType, now);
  return json(200, pullOperation({ ...operation, id: sync.id }, status, now));
}

function pullOperation(
  fields: Pick<PullOperation, 'id' | 'companyId' | 'connectionId' | 'dataType' | 'requested'>,
  status: SyncStatus,
  now: number,
): PullOperation {
  const isCompleted = status === SyncStatus.Complete;
  const isErrored = status === SyncStatus.FetchError || status === SyncStatus.AuthError;
  return {
    ...fields,
    status,
    ...((isCompleted || isErrored) && { completed: new Date(now).toISOString() }),
    progress: isCompleted ? 100 : 0,
    isCompleted,
    isErrored,
  };
}

/**
 * The connection to read `dataType` from: the one named, or the first linked one of the type's source
 * (`banking-*` types from a bank, `commerce-*` from a commerce platform, the rest from accounting), or else
 * the first linked one. `'unknown'` when the named one is not the company's.
 */
function connectionFor(
  company: StoredCompany,
  dataType: DataType,
  connectionId: string | null,
  context: SimulatorContext,
  now: number,
): StoredConnection | 'unknown' | undefined {
  if (connectionId !== null) {
    return company.connections.find((connection) => connection.id === connectionId) ?? 'unknown';
  }
  const linked = linkedConnections(context, company, now);
  const source = dataType.startsWith('banking-')
    ? SourceType.Banking
    : dataType.startsWith('commerce-')
      ? SourceType.Commerce
      : SourceType.Accounting;
  return linked.find((connection) => connection.sourceType === source) ?? linked[0];
}
