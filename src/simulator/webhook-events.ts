import { SyncStatus } from './data-types.ts';
import { ConnectionStatus, type StoredCompany } from './model.ts';
import { connectionStatusAt, readStateAt, type SyncPlan } from './sync-progress.ts';

/** A webhook the platform owes its endpoints: Codat's envelope, without the delivery's id. */
export interface DueEvent {
  readonly eventType: string;
  /** When it happened, in epoch ms. */
  readonly at: number;
  readonly payload: Record<string, unknown>;
}

/** What has been announced of one company: the reads whose end was told, and each connection's last status. */
export interface Announced {
  readonly reads: Set<string>;
  readonly statuses: Map<string, string>;
}

/** `read.completed` for one data type, or for all of a sync's (the two readings of Codat's docs). */
export type ReadCompletedPer = 'dataType' | 'sync';

const ENDINGS: ReadonlySet<string> = new Set([
  SyncStatus.Complete,
  SyncStatus.FetchError,
  SyncStatus.AuthError,
]);

/**
 * The connection events for a status change, as Codat's migration guide maps the legacy status changes: new →
 * `connection.created`, PendingAuth → Linked `connection.connected`, Linked → Unlinked or Deauthorized
 * `connection.disconnected`, back to Linked `connection.reconnected`. A connection created and linked between
 * two looks gets both of its first events.
 */
function connectionEventTypes(before: string | undefined, after: string): string[] {
  if (before === after) return [];
  if (before === undefined) {
    return after === ConnectionStatus.Linked
      ? ['connection.created', 'connection.connected']
      : ['connection.created'];
  }
  if (after === ConnectionStatus.Linked) {
    return [before === ConnectionStatus.PendingAuth ? 'connection.connected' : 'connection.reconnected'];
  }
  return before === ConnectionStatus.Linked ? ['connection.disconnected'] : [];
}

/**
 * The webhooks `company` owes by `now` that `announced` has not seen: a `read.completed` for each read that
 * ended (Complete, FetchError, AuthError; a read a newer sync replaced never completes), and a `connection.*`
 * event for each status change (created, connected, disconnected, reconnected). Marks them announced.
 */
export function dueEvents(
  plan: SyncPlan,
  company: StoredCompany,
  announced: Announced,
  now: number,
  per: ReadCompletedPer,
): DueEvent[] {
  const referenceCompany = {
    id: company.id,
    name: company.name,
    ...(company.description !== undefined && { description: company.description }),
    links: { portal: `https://app.codat.io/companies/${company.id}/summary` },
    ...(company.tags !== undefined && { tags: { ...company.tags } }),
  };
  const events: DueEvent[] = [];
  for (const connection of company.connections) {
    const status = connectionStatusAt(plan, connection, company.syncs, now);
    const eventTypes = connectionEventTypes(announced.statuses.get(connection.id), status);
    announced.statuses.set(connection.id, status);
    // Codat's `Connection`, which allows no other property (the simulator's `linkedAt` stays inside).
    const shown = {
      id: connection.id,
      integrationId: connection.integrationId,
      integrationKey: connection.integrationKey,
      sourceId: connection.sourceId,
      sourceType: connection.sourceType,
      platformName: connection.platformName,
      linkUrl: connection.linkUrl,
      status,
      created: connection.created,
      dataConnectionErrors: [],
    };
    for (const eventType of eventTypes) {
      events.push({ eventType, at: now, payload: { referenceCompany, connection: shown } });
    }
  }
  company.syncs.forEach((sync, index) => {
    const ended = sync.reads.flatMap((read) => {
      if (announced.reads.has(read.id)) return [];
      const state = readStateAt(plan, company.syncs, index, read.dataType, now);
      if (state.endedAt === undefined) return [];
      // A read a newer sync replaced never completes: nothing to tell, and nothing to wait for.
      if (!ENDINGS.has(state.status)) {
        announced.reads.add(read.id);
        return [];
      }
      return [{ read, status: state.status, at: state.endedAt }];
    });
    const entry = ({ read, status }: (typeof ended)[number]) => ({
      connectionId: read.connectionId,
      dataType: read.dataType,
      recordsModified: status === SyncStatus.Complete,
      status,
      issues: [],
    });
    const readCompleted = (items: typeof ended, at: number): DueEvent => ({
      eventType: 'read.completed',
      at,
      payload: {
        referenceCompany,
        modifiedFromDate: new Date(at).toISOString(),
        dataTypes: items.map(entry),
      },
    });
    if (per === 'dataType') {
      for (const item of ended) {
        announced.reads.add(item.read.id);
        events.push(readCompleted([item], item.at));
      }
      return;
    }
    // Per sync: once every read of the sync has ended, one message naming them all.
    const open = sync.reads.filter((read) => !announced.reads.has(read.id));
    if (ended.length === 0 || ended.length < open.length) return;
    for (const { read } of ended) announced.reads.add(read.id);
    events.push(readCompleted(ended, Math.max(...ended.map((item) => item.at))));
  });
  return events.sort((a, b) => a.at - b.at);
}
