/*
 * What the journey keeps of the platform's records, as the backend adapter returns them (a subset of Codat's
 * Company, Connection and dataStatus). Statuses are open strings: the platform may add values.
 */

export interface ConnectionRecord {
  readonly id: string;
  readonly platformName: string;
  /** `PendingAuth | Linked | Unlinked | Deauthorized`, or a future value. */
  readonly status: string;
  readonly linkUrl?: string | undefined;
  readonly lastSync?: string | undefined;
  /** `Accounting | Banking | BankFeed | Commerce | Expense | Other`, or a future value. */
  readonly sourceType?: string | undefined;
  /** When the user first authorised it. */
  readonly created?: string | undefined;
}

export interface CompanyRecord {
  readonly id: string;
  readonly name: string;
  /** The company's hosted Link URL. */
  readonly redirect: string;
  readonly dataConnections?: readonly ConnectionRecord[] | undefined;
}

export interface DataStatusRecord {
  readonly dataType: string;
  /** Absent for a type never synced. */
  readonly currentStatus?: string | undefined;
  readonly lastSuccessfulSync?: string | undefined;
  /** The sync this reading belongs to: how a new sync is told from the last one. */
  readonly latestSyncId?: string | undefined;
}

/** The platform's dataStatus object, keyed by data type. */
export type DataStatusRecords = Readonly<Record<string, DataStatusRecord>>;

/** A pull operation of the platform's read history: one data type fetched once. */
export interface PullRecord {
  readonly id: string;
  readonly dataType: string;
  /** The same words as a data status: `Queued`, `Fetching`, … `Complete`, `FetchError`, … or a future value. */
  readonly status: string;
  /** When it was asked for (ISO 8601). */
  readonly requested: string;
  readonly completed?: string | undefined;
  /** The connection it fetched from. */
  readonly connectionId?: string | undefined;
  /** Why it failed, in the platform's words. */
  readonly errorMessage?: string | undefined;
  /** More about its status, in the platform's words (e.g. "Paused until …"). */
  readonly statusDescription?: string | undefined;
}
