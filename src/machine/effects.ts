import type { JourneyError } from './context.ts';
import type { AbandonReason } from './events.ts';
import type { LinkWindow } from './link-outcome.ts';
import type { CompanyRecord, ConnectionRecord } from './records.ts';
import type { SyncSnapshot } from './sync-snapshot.ts';

/** What the journey tells the outside world, by event name (the element dispatches them as `onboard-<name>`). */
export interface EmitDetails {
  'company-created': { readonly company: CompanyRecord };
  'link-ready': { readonly linkUrl: string };
  'link-opened': { readonly mode: LinkWindow };
  'popup-blocked': Record<string, never>;
  linked: { readonly connectionId: string };
  /** A source added from the dashboard ("Connect another account"), once confirmed Linked. */
  'connection-added': { readonly connection: ConnectionRecord };
  disconnected: { readonly connectionId: string };
  /** The company and its data were deleted at the user's request: the journey is over. */
  'company-deleted': Record<string, never>;
  cancel: { readonly reason: 'user-cancelled' | AbandonReason };
  'sync-progress': { readonly progress: SyncSnapshot };
  complete: Record<string, never>;
  error: { readonly error: JourneyError };
}

export type EmitEffect = {
  [K in keyof EmitDetails]: { readonly type: 'emit'; readonly event: K; readonly detail: EmitDetails[K] };
}[keyof EmitDetails];

/** Work the runtime must do. The machine only describes it. */
export type JourneyEffect =
  | { readonly type: 'createCompany'; readonly name: string; readonly idempotencyKey: string }
  /** Read the company, and its data status too for the dashboard. */
  | { readonly type: 'loadCompany'; readonly companyId: string; readonly withStatuses: boolean }
  /**
   * Open hosted Link at `url` with `linkState` appended. Must run synchronously inside the user's click. A
   * `null` url (a fresh one is on its way) opens a blank popup now, or waits to redirect; a url for a blank popup
   * already open sends that popup there.
   */
  | {
      readonly type: 'openLink';
      readonly window: LinkWindow;
      readonly url: string | null;
      readonly linkState: string;
    }
  /** Read the company again for a Link URL not yet used. */
  | { readonly type: 'fetchLinkUrl'; readonly companyId: string }
  /** Stop watching the Link popup (Link was left). */
  | { readonly type: 'closeLink' }
  /** Bring the Link popup in front of the page. */
  | { readonly type: 'focusLink' }
  /** This page is the Link popup: hand the callback to the page that opened it. */
  | { readonly type: 'handOffCallback' }
  /** Remove Link's callback parameters from the page URL. */
  | { readonly type: 'cleanCallbackUrl' }
  /** Read the company to see whether a connection is Linked now. */
  | { readonly type: 'checkLink'; readonly companyId: string }
  /**
   * Follow the data status; `baseline` first reads how it stands now (to tell the new sync from the last),
   * `refresh` then queues a new sync of every type.
   */
  | {
      readonly type: 'startSync';
      readonly companyId: string;
      readonly refresh: boolean;
      readonly baseline: boolean;
    }
  /** Queue a fetch of each of `types` (never fetched by the platform) before the next reading. */
  | { readonly type: 'queueDataTypes'; readonly companyId: string; readonly types: readonly string[] }
  | { readonly type: 'stopSync' }
  | EmitEffect;
