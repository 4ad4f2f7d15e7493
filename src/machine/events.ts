import type { JourneySnapshot } from './context.ts';
import type { LinkOutcome, LinkRequest } from './link-outcome.ts';
import type { MessageParams } from './messages.ts';
import type { CompanyRecord, ConnectionRecord, DataStatusRecords } from './records.ts';
import type { SyncBaseline, SyncOutcome, SyncSnapshot } from './sync-snapshot.ts';

/** A backend call that failed, as the runtime reports it. */
export interface StepFailure {
  readonly code: string;
  readonly params: MessageParams;
  /** With `field`, the user must change that input: the form is shown again, without "Try again". */
  readonly field?: string;
  readonly correlationId?: string;
}

/** Everything that can happen to a journey. Names follow `SUBJECT.VERB`. */
export type JourneyEvent =
  /**
   * The element was connected. `saved` is this instance's saved journey, `callback` the Link callback in the page
   * URL, `hasOpener` whether another window opened this one. `journeyId` names a new journey.
   */
  | {
      readonly type: 'JOURNEY.START';
      readonly journeyId: string;
      readonly companyId: string | null;
      readonly manage: boolean;
      readonly saved: JourneySnapshot | null;
      readonly callback: LinkOutcome | null;
      readonly hasOpener: boolean;
    }
  /** The user submitted the name form. `idempotencyKey` is fresh; the machine keeps the old one for the same name. */
  | { readonly type: 'NAME.SUBMIT'; readonly name: string; readonly idempotencyKey: string }
  | { readonly type: 'COMPANY.CREATED'; readonly company: CompanyRecord }
  | {
      readonly type: 'COMPANY.LOADED';
      readonly company: CompanyRecord;
      readonly statuses: DataStatusRecords | null;
    }
  /**
   * The user asked to open Link ("Connect", "Reconnect"); `connectionId` continues that (pending) connection
   * or re-authorises that (broken) one rather than letting the user choose their software; `adding` adds a
   * source ("Connect another account") at the company's own Link URL.
   */
  | ({ readonly type: 'LINK.OPEN'; readonly connectionId?: string; readonly adding?: boolean } & LinkRequest)
  /** The company read again for a Link URL not yet used (one-time Link URLs work once). */
  | { readonly type: 'LINK.URL_READY'; readonly company: CompanyRecord }
  /** Link opened (a popup showed, or the page is leaving for it). */
  | { readonly type: 'LINK.OPENED' }
  /** "Bring the window back": the Link popup is somewhere behind the page. */
  | { readonly type: 'LINK.FOCUS' }
  /** "Cancel" on the page while Link is open in its popup: the user gives up connecting for now. */
  | { readonly type: 'LINK.CANCEL' }
  | { readonly type: 'LINK.POPUP_BLOCKED' }
  /** The Link URL is not one we may open (scheme or origin). Nothing was opened. */
  | { readonly type: 'LINK.URL_REJECTED' }
  /** Leaving for Link would lose the journey: the browser refused to save it. */
  | { readonly type: 'LINK.STORAGE_FAILED' }
  | { readonly type: 'LINK.CALLBACK'; readonly outcome: LinkOutcome }
  /**
   * Link was left without a callback: the popup was closed, the host page vetoed the redirect, or the user came
   * back (reload, back button) while Link was open.
   */
  | { readonly type: 'LINK.ABANDONED'; readonly reason: AbandonReason }
  /** The company as read after Link said it linked: the machine decides whether a connection confirms it. */
  | { readonly type: 'LINK.CHECKED'; readonly company: CompanyRecord }
  /** The dashboard disconnected a connection; `connection` is as the platform answered (`Unlinked`). */
  | { readonly type: 'CONNECTION.DISCONNECTED'; readonly connection: ConnectionRecord }
  /** The dashboard deleted the company, at the user's typed request: the journey is over. */
  | { readonly type: 'COMPANY.DELETED' }
  /** "Refresh data" on the dashboard: queue a new sync and follow it. */
  | { readonly type: 'DATA.REFRESH' }
  /** The data status just before a new sync was asked for. */
  | { readonly type: 'SYNC.BASELINE'; readonly baseline: SyncBaseline }
  /**
   * A data-status reading, judged against the watch's baseline. `notStarted`: required types the platform has
   * never fetched. `at` is the clock's time; `startTimeoutMs` how long a queued type may take to start.
   */
  | {
      readonly type: 'SYNC.READING';
      readonly progress: SyncSnapshot;
      readonly outcome: SyncOutcome;
      readonly notStarted: readonly string[];
      readonly at: number;
      readonly startTimeoutMs: number;
    }
  /** The sync went on longer than the time limit. */
  | { readonly type: 'SYNC.TIMED_OUT' }
  /** An async step failed. */
  | { readonly type: 'STEP.FAILED'; readonly failure: StepFailure }
  /** "Try again". Carries a fresh Link request in case the step to retry is opening Link. */
  | ({ readonly type: 'RETRY' } & LinkRequest);

export type JourneyEventType = JourneyEvent['type'];

/** An event of one type. */
export type EventOf<T extends JourneyEventType> = Extract<JourneyEvent, { readonly type: T }>;

export type AbandonReason = 'popup-closed' | 'redirect-vetoed' | 'link-unfinished';
