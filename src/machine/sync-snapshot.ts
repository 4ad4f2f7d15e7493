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
