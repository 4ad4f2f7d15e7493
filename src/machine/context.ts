import type { LinkWindow } from './link-outcome.ts';
import type { ErrorCode, MessageParams, NoticeCode } from './messages.ts';
import type { CompanyRecord, DataStatusRecords } from './records.ts';
import type { JourneyState, RetryableStep } from './states.ts';
import { emptyWatch, type SyncSnapshot, type SyncWatch } from './sync-snapshot.ts';

/** A failure as the user sees it: a stable code, what its message needs, and where "Try again" goes. */
export interface JourneyError {
  /** Stable, documented code: an {@link ErrorCode}, or a code of the integrator's backend (e.g. `invalid-name`). */
  readonly code: ErrorCode | (string & {});
  readonly params: MessageParams;
  /** The step that failed; `null` when trying again makes no sense (the user must change something). */
  readonly step: RetryableStep | null;
  /** Name of the input field the error is about, when there is one. */
  readonly field?: string;
  /** The platform's id for the failed request, when the backend passed it on: quote it to support. */
  readonly correlationId?: string;
}

export type LinkUrlState = 'fresh' | 'used' | 'awaited';

/** The journey's data. Everything here survives errors, retries and reloads. */
export interface JourneyContext {
  /** Names this journey in every event and every backend request, across reloads, for tracing. */
  readonly journeyId: string;
  /** The name the user typed (kept through every error). */
  readonly companyName: string;
  /** Sent with the create request; reused by every retry of the same name so a company is created once. */
  readonly idempotencyKey: string | null;
  /** Known as soon as a company exists or is given; `company` follows once it is fetched. */
  readonly companyId: string | null;
  /** The company as the backend last returned it. */
  readonly company: CompanyRecord | null;
  /** The data status as last read for the dashboard. */
  readonly statuses: DataStatusRecords | null;
  /** Nonce appended to the Link URL as `state`; the callback must return it. Cleared when Link closes. */
  readonly linkState: string | null;
  /** How Link is open, while it is. Saved, so a callback page can tell a popup from a return. */
  readonly linkMode: LinkWindow | null;
  /** While Link is open in a popup: whether a blocked popup falls back to a redirect (`link-mode="auto"`). */
  readonly redirectIfBlocked: boolean;
  /**
   * The Link URL in `company`: `fresh` (never opened), `used` (opened: with one-time Link URLs it works once,
   * so the next opening asks the backend for the company again first) or `awaited` (asked for; Link opens when
   * it comes). Every company record that arrives brings a fresh one.
   */
  readonly linkUrl: LinkUrlState;
  /** While Link is open: the connection being continued (a pending one the user picked), else `null`. */
  readonly linkTarget: string | null;
  /**
   * While Link is open: the user is adding a source ("Connect another account") at the company's own Link
   * URL, and only a connection that was not authorised before confirms it.
   */
  readonly adding: boolean;
  readonly connectionId: string | null;
  readonly error: JourneyError | null;
  /** A non-error notice for the user, e.g. that they cancelled in Link. */
  readonly notice: NoticeCode | null;
  /** A refresh was asked for and no data-status reading has come back since (so it may not have gone through). */
  readonly refreshing: boolean;
  /** The dashboard (`intent="manage"`): where the journey rests between refreshes and reconnects. */
  readonly home: 'overview' | null;
  /** The latest data-status reading while syncing (and after). */
  readonly progress: SyncSnapshot | null;
  /** What following the current sync has learned (which readings are news, what we queued). */
  readonly watch: SyncWatch;
  /** This page is the Link popup and has handed the callback to the page that opened it. */
  readonly handedOff: boolean;
}

export const initialContext: JourneyContext = {
  journeyId: '',
  companyName: '',
  idempotencyKey: null,
  companyId: null,
  company: null,
  statuses: null,
  linkState: null,
  linkMode: null,
  redirectIfBlocked: false,
  linkUrl: 'fresh',
  linkTarget: null,
  adding: false,
  connectionId: null,
  error: null,
  notice: null,
  refreshing: false,
  home: null,
  progress: null,
  watch: emptyWatch,
  handedOff: false,
};

/** A journey at rest: where it is and what it knows. Saved across reloads by the runtime. */
export interface JourneySnapshot {
  readonly state: JourneyState;
  readonly context: JourneyContext;
}
