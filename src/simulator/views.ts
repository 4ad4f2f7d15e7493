import { type Company, type Connection, type StoredCompany, type StoredConnection } from './model.ts';
import type { LinkTarget } from './one-time-links.ts';
import { connectionStatusAt, lastCompleteSyncAt, type SyncPlan } from './sync-progress.ts';

/** How a read shows a company (see `viewOptionsOf` in `context.ts`). */
export interface ViewOptions {
  now: number;
  /** Unknown `description` and `lastSync` as `null` rather than left out (the `nullForMissing` setting). */
  nullForMissing: boolean;
  /** The Link URL to hand out for `target`: with a fresh one-time password when those are on. */
  linkUrl: (url: string, target: LinkTarget) => string;
}

/** The company as the Platform API returns it. */
export function companyView(company: StoredCompany, plan: SyncPlan, view: ViewOptions): Company {
  const lastSync = lastCompleteSyncAt(plan, company.syncs, view.now);
  const absent = view.nullForMissing ? null : undefined;
  const description = company.description ?? absent;
  const companyLastSync = lastSync ?? absent;
  return {
    id: company.id,
    name: company.name,
    ...(description !== undefined && { description }),
    redirect: view.linkUrl(company.redirect, { companyId: company.id }),
    created: company.created,
    ...(companyLastSync !== undefined && { lastSync: companyLastSync }),
    products: [],
    ...(company.tags !== undefined && { tags: { ...company.tags } }),
    dataConnections: company.connections.map((connection) =>
      connectionView(company, connection, plan, view, lastSync),
    ),
  };
}

/** One of the company's connections as the Platform API returns it (`PATCH …/connections/{id}`, lists). */
export function connectionView(
  company: StoredCompany,
  connection: StoredConnection,
  plan: SyncPlan,
  view: ViewOptions,
  companyLastSync: string | undefined = lastCompleteSyncAt(plan, company.syncs, view.now),
): Connection {
  const status = connectionStatusAt(plan, connection, company.syncs, view.now);
  // A revoked or unlinked connection keeps the time of its last sync: that is how a dashboard shows how
  // stale its data is. One never linked (`PendingAuth`) has none.
  const everLinked = connection.linkedAt !== undefined;
  const lastSync = (everLinked ? companyLastSync : undefined) ?? (view.nullForMissing ? null : undefined);
  return {
    id: connection.id,
    integrationId: connection.integrationId,
    integrationKey: connection.integrationKey,
    sourceId: connection.sourceId,
    sourceType: connection.sourceType,
    platformName: connection.platformName,
    linkUrl: view.linkUrl(connection.linkUrl, { companyId: company.id, connectionId: connection.id }),
    status,
    created: connection.created,
    ...(lastSync !== undefined && { lastSync }),
    dataConnectionErrors: [],
  };
}
