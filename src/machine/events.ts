import type { CompanySummary, JourneySnapshot } from './context.ts';
import type { LinkOutcome } from './link-outcome.ts';
import type { SyncSnapshot } from './sync-snapshot.ts';

/** Everything that can happen to a journey. Names follow `SUBJECT.VERB`. */
export type JourneyEvent =
  /** An existing company was given (`company-id`): load it instead of creating one. */
  | { readonly type: 'COMPANY.LOAD'; readonly companyId: string; readonly manage: boolean }
  /** "Refresh data" on the dashboard: queue a new sync and follow it. */
  | { readonly type: 'DATA.REFRESH' }
  /** The user submitted the name form. `idempotencyKey` is fresh; the machine keeps the old one for the same name. */
  | { readonly type: 'NAME.SUBMIT'; readonly name: string; readonly idempotencyKey: string }
  | { readonly type: 'COMPANY.CREATED'; readonly company: CompanySummary }
  | { readonly type: 'COMPANY.LOADED'; readonly company: CompanySummary }
  /** The user asked to open Link; `linkState` is a fresh nonce for the callback. */
  | { readonly type: 'LINK.OPEN'; readonly linkState: string }
  | { readonly type: 'LINK.CALLBACK'; readonly outcome: LinkOutcome }
  /**
   * Link was left without a callback: the popup was closed, the host page vetoed the redirect, or the page
   * was reloaded (or the user came back) while Link was open.
   */
  | { readonly type: 'LINK.ABANDONED'; readonly reason: AbandonReason }
  /**
   * The page was reloaded or came back from Link: continue the saved journey where it was. A journey saved
   * in `linking` expects `LINK.CALLBACK` or `LINK.ABANDONED` next.
   */
  | { readonly type: 'JOURNEY.RESUME'; readonly snapshot: JourneySnapshot }
  | { readonly type: 'LINK.CONFIRMED'; readonly connectionId: string }
  | { readonly type: 'LINK.NOT_CONFIRMED' }
  | { readonly type: 'SYNC.PROGRESS'; readonly progress: SyncSnapshot }
  | { readonly type: 'SYNC.DONE'; readonly progress: SyncSnapshot }
  | { readonly type: 'SYNC.FAILED'; readonly progress: SyncSnapshot }
  /**
   * An async step failed. With `field`, the user must change that input (the form is shown again); otherwise
   * "Try again" is offered, even where repeating at once would fail the same way (after a 401 the user may
   * sign in again elsewhere, then try).
   */
  | {
      readonly type: 'STEP.FAILED';
      readonly code: string;
      readonly message: string;
      readonly field?: string;
    }
  /** "Try again". `linkState` is a fresh nonce in case the step to retry is opening Link. */
  | { readonly type: 'RETRY'; readonly linkState: string };

export type JourneyEventType = JourneyEvent['type'];

export type AbandonReason = 'popup-closed' | 'redirect-vetoed' | 'link-unfinished';
