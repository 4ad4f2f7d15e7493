import type { PullOperation } from './history-schema.ts';
import type { Company, Connection, DataStatuses } from './schemas.ts';

/** What the user asked to create. */
export interface CreateCompanyInput {
  readonly name: string;
  readonly description?: string;
  /** Codat tags (≤ 10). Integrators who ask for "groups" use tags. */
  readonly tags?: Readonly<Record<string, string>>;
}

export interface RequestOptions {
  readonly signal?: AbortSignal;
  /** The journey the request belongs to; the fetch backend sends it as the `Onboard-Journey-Id` header. */
  readonly journeyId?: string;
}

export interface CreateOptions extends RequestOptions {
  /** Same key, same company: the server replays the first answer instead of creating again. */
  readonly idempotencyKey: string;
}

/**
 * The integrator's backend, as the element sees it. `createFetchBackend` implements the REST contract;
 * any object with the required methods can be given to the element's `backend` property instead.
 * Methods reject with a {@link BackendError}.
 */
export interface OnboardBackend {
  createCompany(input: CreateCompanyInput, options: CreateOptions): Promise<Company>;
  getCompany(companyId: string, options?: RequestOptions): Promise<Company>;
  getDataStatus(companyId: string, options?: RequestOptions): Promise<DataStatuses>;
  refreshData(companyId: string, options?: RequestOptions): Promise<void>;
  /**
   * Queues a fetch of one data type (Codat's `POST /companies/{id}/data/queue/{dataType}`): for a type the
   * integrator requires that the platform never fetched by itself. Optional: without it, such a type is not
   * queued and the journey reports it as not started once the start bound passes.
   */
  queueDataType?(companyId: string, dataType: string, options?: RequestOptions): Promise<void>;
  /**
   * Disconnects one connection (Codat's `connections.unlink`): it becomes `Unlinked`; data already fetched
   * is kept, nothing new is fetched, and the user can reconnect later. Resolves with the connection as it is
   * now. Optional: without it the dashboard offers no "Disconnect".
   */
  disconnect?(companyId: string, connectionId: string, options?: RequestOptions): Promise<Connection>;
  /** The company's recent pull operations (Codat's "read history"), newest first. Optional: without it no history. */
  getSyncHistory?(companyId: string, options?: RequestOptions): Promise<PullOperation[]>;
  /**
   * Deletes the company and its data on the platform. Resolves once it is gone (a company the backend reports
   * as `company-not-found` counts: a retried delete whose first answer was lost finds nothing). Optional:
   * without it no "Delete".
   */
  deleteCompany?(companyId: string, options?: RequestOptions): Promise<void>;
  /**
   * Listens for the company's news, pushed by your backend (the reference server's `GET
   * /companies/{id}/events`, Server-Sent Events fed by Codat's webhooks), until `stop()`. While the stream is
   * open (`onOpen`) the journey reads the data status when news says it changed, instead of polling; when it
   * breaks or falls silent (`onLost`, it reconnects by itself) polling resumes. Optional: without it the
   * journey polls.
   */
  watchCompany?(companyId: string, handlers: CompanyWatchHandlers, options?: WatchOptions): CompanyWatch;
}

/** News about a company: a data type's read ended, or a connection changed. */
export type CompanyNews =
  | {
      readonly type: 'read-completed';
      readonly dataTypes: readonly { readonly dataType: string; readonly status?: string }[];
    }
  | { readonly type: 'connection-changed'; readonly connectionId: string; readonly status?: string };

export interface CompanyWatchHandlers {
  /**
   * The stream is open: news will come, until `onLost`. `live`: the backend has had news of this company
   * lately, so webhooks do reach it (else news may never come: keep polling until some does).
   */
  onOpen(state: { readonly live: boolean }): void;
  /** The stream broke or went silent; it is reopened by itself (then `onOpen` again), unless refused for good. */
  onLost(): void;
  onNews(news: CompanyNews): void;
}

export interface CompanyWatch {
  stop(): void;
}

/** Timers for a watch (the journey's clock, so tests control time). Default: the global ones. */
export interface WatchOptions {
  readonly journeyId?: string;
  readonly timers?: {
    setTimeout(fn: () => void, ms: number): unknown;
    clearTimeout(id: unknown): void;
  };
}
