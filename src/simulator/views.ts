import {
  ConnectionStatus,
  type Company,
  type Connection,
  type StoredCompany,
  type StoredConnection,
} from './model.ts';
import { connectionStatusAt, lastCompleteSyncAt, type SyncPlan } from './sync-progress.ts';

/** The company as the Platform API returns it at time `now`. */
export function companyView(company: StoredCompany, plan: SyncPlan, now: number): Company {
  const lastSync = lastCompleteSyncAt(plan, company.syncs, now);
  return {
    id: company.id,
    name: company.name,
    ...(company.description !== undefined && { description: company.description }),
    redirect: company.redirect,
    created: company.created,
    ...(lastSync !== undefined && { lastSync }),
    products: [],
    ...(company.tags !== undefined && { tags: { ...company.tags } }),
    dataConnections: company.connections.map((connection) =>
      connectionView(connection, connectionStatusAt(plan, connection, company.syncs, now), lastSync),
    ),
  };
}

function connectionView(
  connection: StoredConnection,
  status: ConnectionStatus,
  lastSync: string | undefined,
): Connection {
  return {
    id: connection.id,
    integrationId: connection.integrationId,
    integrationKey: connection.integrationKey,
    sourceId: connection.sourceId,
    sourceType: connection.sourceType,
    platformName: connection.platformName,
    linkUrl: connection.linkUrl,
    status,
    created: connection.created,
    // A revoked connection keeps the time of its last sync: that is how a dashboard shows how stale it is.
    ...(lastSync !== undefined &&
      (status === ConnectionStatus.Linked || status === ConnectionStatus.Deauthorized) && { lastSync }),
    dataConnectionErrors: [],
  };
}
