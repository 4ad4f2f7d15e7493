import type { JourneyState, RetryableStep } from './states.ts';
import type { SyncSnapshot } from './sync-snapshot.ts';

/** What the machine knows about the company; a subset of the platform's Company. */
export interface CompanySummary {
  readonly id: string;
  readonly name: string;
  /** The company's hosted Link URL. */
  readonly redirect: string;
  /** A connection that needs the user to authorise again; Link then opens on its own `linkUrl`. */
  readonly broken?: BrokenConnection;
}

/** A connection that is not `Linked`, and why. */
export interface BrokenConnection {
  readonly id: string;
  readonly platformName: string;
  /** `Deauthorized`, `PendingAuth`, `Unlinked` (or a future value). */
  readonly status: string;
  /** Where to re-authorise this connection; the company's `redirect` when absent. */
  readonly linkUrl?: string;
}

/** A failure as the user sees it: a stable code, a readable message and where "Try again" goes. */
export interface JourneyError {
  /** Stable, documented code, e.g. `network-error`, `link-not-confirmed`, `sync-failed`. */
  readonly code: string;
  readonly message: string;
  /** The step that failed; `null` when trying again makes no sense (the user must change something). */
  readonly step: RetryableStep | null;
  /** Name of the input field the error is about, when there is one. */
  readonly field?: string;
}

/** The journey's data. Everything here survives errors and retries. */
export interface JourneyContext {
  /** The name the user typed (kept through every error). */
  readonly companyName: string;
  /** Sent with the create request; reused by every retry of the same name so a company is created once. */
  readonly idempotencyKey: string | null;
  /** Known as soon as a company exists or is given; `company` follows once it is fetched. */
  readonly companyId: string | null;
  readonly company: CompanySummary | null;
  /** Nonce appended to the Link URL as `state`; the callback must return it. */
  readonly linkState: string | null;
  readonly connectionId: string | null;
  readonly error: JourneyError | null;
  /** A non-error notice for the user, e.g. "You cancelled in Link". */
  readonly notice: string | null;
  /** A refresh was asked for and no data-status reading has come back since (so it may not have gone through). */
  readonly refreshing: boolean;
  /** The dashboard (`intent="manage"`): where the journey rests between refreshes and reconnects. */
  readonly home: 'overview' | null;
  /** The latest data-status reading while syncing (and after). */
  readonly progress: SyncSnapshot | null;
}

export const initialContext: JourneyContext = {
  companyName: '',
  idempotencyKey: null,
  companyId: null,
  company: null,
  linkState: null,
  connectionId: null,
  error: null,
  notice: null,
  refreshing: false,
  home: null,
  progress: null,
};

/** A journey at rest: where it is and what it knows. Saved across reloads by the element. */
export interface JourneySnapshot {
  readonly state: JourneyState;
  readonly context: JourneyContext;
}
