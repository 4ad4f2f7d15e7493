import { codatError, json } from './codat-error.ts';
import { linkedConnections, sourceConnection, startSync, type SimulatorContext } from './context.ts';
import { isDataType, SyncStatus, type DataType } from './data-types.ts';
import { ConnectionStatus, type StoredCompany, type StoredConnection } from './model.ts';
import { pullOperation } from './history.ts';
import { connectionStatusAt, inProgress, readOf, readStateAt } from './sync-progress.ts';

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
      `DatasetAlreadyInProgressException: Cannot queue ${dataType} sync for ${company.id} as previous sync ${readOf(running, dataType).id} is still in progress`,
      correlationId,
    );
  }
  if (context.settings.unstartableTypes.includes(dataType)) {
    // Accepted, as Codat accepts it for a connector that is offline; nothing will ever read it.
    const read = { dataType, id: context.options.uuid(), connectionId: connection.id, requestedAt: now };
    company.unstartedReads.push(read);
    return json(200, pullOperation(company.id, read, now, { status: SyncStatus.Queued, progress: 0 }));
  }
  const sync = startSync(context, company, [dataType], connection);
  const [read] = sync.reads;
  if (!read) throw new Error('queueDataType: the sync reads nothing');
  const index = company.syncs.length - 1;
  return json(
    200,
    pullOperation(company.id, read, now, readStateAt(context.plan, company.syncs, index, dataType, now)),
  );
}

/**
 * The connection to read `dataType` from: the one named, else its {@link sourceConnection}. `'unknown'` when
 * the named one is not the company's.
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
  return sourceConnection(linkedConnections(context, company, now), dataType);
}
