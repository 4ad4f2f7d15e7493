import type { Company, DataStatuses } from './schemas.ts';

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
 * any object with these four methods can be given to the element's `backend` property instead.
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
}
