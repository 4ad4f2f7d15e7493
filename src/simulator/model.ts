import type { DataType, SyncStatus } from './data-types.ts';

/** A connection's authorisation state, as the Platform API reports it. */
export const ConnectionStatus = {
  PendingAuth: 'PendingAuth',
  Linked: 'Linked',
  Unlinked: 'Unlinked',
  Deauthorized: 'Deauthorized',
} as const;
export type ConnectionStatus = (typeof ConnectionStatus)[keyof typeof ConnectionStatus];

/** A data connection as `GET /companies/{id}/connections` returns it. */
export interface Connection {
  id: string;
  integrationId: string;
  integrationKey: string;
  sourceId: string;
  sourceType: 'Accounting';
  platformName: string;
  linkUrl: string;
  status: ConnectionStatus;
  created: string;
  lastSync?: string;
  dataConnectionErrors: [];
}

/** A company as `GET /companies/{id}` returns it. */
export interface Company {
  id: string;
  name: string;
  description?: string;
  redirect: string;
  created: string;
  lastSync?: string;
  products: string[];
  tags?: Record<string, string>;
  dataConnections: Connection[];
}

/** One entry of `GET /companies/{id}/dataStatus`. A type never synced carries only `dataType`. */
export interface DataStatus {
  dataType: DataType;
  currentStatus?: SyncStatus;
  lastSuccessfulSync?: string;
  latestSyncId?: string;
  latestSuccessfulSyncId?: string;
}

/** A sync of all configured data types, started at `startedAt` (epoch ms). Progress is derived from the clock. */
export interface Sync {
  id: string;
  startedAt: number;
}

/** What the store keeps per company; the API shapes are computed from it at read time. */
export interface StoredCompany {
  id: string;
  name: string;
  description?: string;
  tags?: Record<string, string>;
  redirect: string;
  created: string;
  connections: StoredConnection[];
  /** In the order they started; the last one is the current sync. */
  syncs: Sync[];
}

export type StoredConnection = Omit<Connection, 'lastSync' | 'dataConnectionErrors'>;
