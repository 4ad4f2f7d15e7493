import type { AbandonReason } from './events.ts';

/** Events the element dispatches as `onboard-<name>` because of a transition (state-change is implied). */
export type EmitEffect =
  | { readonly type: 'emit'; readonly event: 'company-created' }
  | { readonly type: 'emit'; readonly event: 'link-ready' }
  | { readonly type: 'emit'; readonly event: 'linked' }
  | {
      readonly type: 'emit';
      readonly event: 'cancel';
      readonly reason: 'user-cancelled' | AbandonReason;
    }
  | { readonly type: 'emit'; readonly event: 'sync-progress' }
  | { readonly type: 'emit'; readonly event: 'complete' }
  | { readonly type: 'emit'; readonly event: 'error' };

/** Work the shell must do. The machine only describes it; the element's controller runs it. */
export type JourneyEffect =
  | { readonly type: 'createCompany'; readonly name: string; readonly idempotencyKey: string }
  | { readonly type: 'loadCompany'; readonly companyId: string }
  /** Open hosted Link at `url` with `state` appended. Must run synchronously inside the user's click. */
  | { readonly type: 'openLink'; readonly url: string; readonly linkState: string }
  /** Ask the backend whether the company really has a Linked connection now. */
  | { readonly type: 'confirmLink'; readonly companyId: string; readonly connectionId: string | null }
  | { readonly type: 'startSync'; readonly companyId: string }
  | { readonly type: 'stopSync' }
  | EmitEffect;
