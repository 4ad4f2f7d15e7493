/** How one data type's sync is going, in the classes the journey cares about. */
export type SyncPhase = 'pending' | 'in-progress' | 'finished' | 'failed';

export interface DataTypeProgress {
  readonly dataType: string;
  /** The platform's `currentStatus`, or `null` when the type was never synced. */
  readonly status: string | null;
  readonly phase: SyncPhase;
}

/** One reading of the data status, reduced to what the user sees. Produced by `sync/`. */
export interface SyncSnapshot {
  readonly types: readonly DataTypeProgress[];
  /** Types in phase `finished`. */
  readonly finished: number;
  readonly total: number;
}

/** Where the sync stands as a whole. */
export type SyncOutcome = 'in-progress' | 'complete' | 'failed';

/**
 * How each data type stood when we asked for a new sync: a later reading that still matches it belongs to
 * the sync before, and is not news. Only types that had finished or failed are kept: a sync running when we
 * asked is newer than anything the user saw, so its readings count.
 */
export type SyncBaseline = Readonly<Record<string, TypeBaseline>>;

export interface TypeBaseline {
  readonly syncId?: string | undefined;
  readonly status?: string | undefined;
  readonly lastSuccess?: string | undefined;
}

/** What following the current sync has learned. Kept across reloads; cleared when the journey leaves `syncing`. */
export interface SyncWatch {
  /** Readings are judged against this; `null`: every reading counts (a company's first sync). */
  readonly baseline: SyncBaseline | null;
  /** When the first reading came (epoch ms). */
  readonly since: number | null;
  /** Required types that had not started, queued by us, and when. Queued once per watch. */
  readonly queued: { readonly types: readonly string[]; readonly at: number } | null;
}

export const emptyWatch: SyncWatch = { baseline: null, since: null, queued: null };
