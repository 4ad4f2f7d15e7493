import type { DataType, SyncStatus } from './data-types.ts';
import type { SourceType } from './platforms.ts';
import type { SyncScenario } from './scenarios.ts';

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
  sourceType: SourceType;
  platformName: string;
  /** With one-time Link URLs on, carries `?otp=…` (a new one at every read). */
  linkUrl: string;
  status: ConnectionStatus;
  created: string;
  /** `null` (spec: nullable) instead of absent under the `nullForMissing` option. */
  lastSync?: string | null;
  dataConnectionErrors: [];
}

/** A company as `GET /companies/{id}` returns it. */
export interface Company {
  id: string;
  name: string;
  /** `null` (spec: nullable) instead of absent under the `nullForMissing` option. */
  description?: string | null;
  /** With one-time Link URLs on, carries `?link.otp=…` (a new one at every read). */
  redirect: string;
  created: string;
  /** `null` (spec: nullable) instead of absent under the `nullForMissing` option. */
  lastSync?: string | null;
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

/** One data type a sync reads: its pull operation (Codat's dataset) and the connection it reads from. */
export interface SyncRead {
  dataType: DataType;
  /** The pull operation's id: the data status's `latestSyncId` for the type, an entry of `data/history`. */
  id: string;
  connectionId: string;
}

/**
 * A sync of some data types, started at `startedAt` (epoch ms): every configured type (first link, refresh) or
 * one (`POST data/queue/{dataType}`). Progress is derived from the clock (see `sync-progress.ts`); what it
 * does is fixed when it starts.
 */
export interface Sync {
  /** The types it reads, in the order they finish. */
  dataTypes: readonly DataType[];
  /** One pull operation per type, in the order of `dataTypes`. */
  reads: readonly SyncRead[];
  startedAt: number;
  /** The company's scenario when the sync started. */
  scenario: SyncScenario;
  /** From `startedAt` until the last type finishes (or would, for `stuck-queued`), in ms. */
  durationMs: number;
  /** `deauthorized-after-link`: the company's connections become `Deauthorized` when this sync completes. */
  deauthorizesAtEnd: boolean;
}

/** A pull operation accepted for a type that never starts (`unstartableTypes`), requested at `requestedAt`. */
export interface UnstartedRead extends SyncRead {
  requestedAt: number;
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
  /** In the order they started. */
  syncs: Sync[];
  /** Types queued while in `unstartableTypes`: pull operations that stay `Queued`, in the order asked. */
  unstartedReads: UnstartedRead[];
  /** The scenario chosen for this company (tag, `setScenario`, control API); none: the simulator's default. */
  scenario?: SyncScenario;
  /**
   * How many syncs the company had when its scenario was last chosen: a `deauthorized-after-link` that has
   * broken the connection since then does not break it again (see {@link SyncScenario}).
   */
  scenarioChosenAtSync: number;
}

/**
 * A connection as stored. `status` is what was last set (by linking or `Simulator.deauthorize`); a scenario
 * may have deauthorised it since, which `connectionStatusAt` in `sync-progress.ts` works out from the clock.
 */
export type StoredConnection = Omit<Connection, 'lastSync' | 'dataConnectionErrors'> & {
  /**
   * When it was last linked (epoch ms): only syncs started since then can deauthorise it. Absent while it
   * has never been linked (`PendingAuth`).
   */
  linkedAt?: number;
};
