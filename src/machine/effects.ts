import type { AbandonReason } from './events.ts';
import type { SyncSnapshot } from './sync-snapshot.ts';

/**
 * Events the element dispatches as `onboard-<event>` because of a transition, with their details
 * (the element adds `companyId`, and the full company to `company-created`). State changes are implied.
 */
export type EmitEffect = {
  [K in keyof EmitDetails]: { readonly type: 'emit'; readonly event: K; readonly detail: EmitDetails[K] };
}[keyof EmitDetails];

export interface EmitDetails {
  'company-created': Record<string, never>;
  'link-ready': { readonly linkUrl: string };
  linked: { readonly connectionId: string };
  cancel: { readonly reason: 'user-cancelled' | AbandonReason };
  'sync-progress': { readonly progress: SyncSnapshot };
  complete: Record<string, never>;
  error: { readonly code: string; readonly message: string; readonly retryable: boolean };
}

/** Work the shell must do. The machine only describes it; the element's controller runs it. */
export type JourneyEffect =
  | { readonly type: 'createCompany'; readonly name: string; readonly idempotencyKey: string }
  | { readonly type: 'loadCompany'; readonly companyId: string }
  /** Open hosted Link at `url` with `state` appended. Must run synchronously inside the user's click. */
  | { readonly type: 'openLink'; readonly url: string; readonly linkState: string }
  /** Ask the backend whether the company really has a Linked connection now. */
  | { readonly type: 'confirmLink'; readonly companyId: string; readonly connectionId: string | null }
  /** Follow the data status; `refresh` first queues a new sync of every type. */
  | { readonly type: 'startSync'; readonly companyId: string; readonly refresh: boolean }
  | { readonly type: 'stopSync' }
  | EmitEffect;
