import type {
  AbandonReason,
  CompanyRecord,
  ConnectionRecord,
  JourneyState,
  LinkWindow,
  SyncSnapshot,
} from '../machine/index.ts';

/** Detail of every `onboard-*` event: the journey, and its company once there is one. */
export interface OnboardDetail {
  /** Names this journey across reloads; also sent to your backend as the `Onboard-Journey-Id` header. */
  readonly journeyId: string;
  readonly companyId: string | null;
}

export interface StateChangeDetail extends OnboardDetail {
  readonly state: JourneyState;
  readonly previous: JourneyState;
}
export interface CompanyCreatedDetail extends OnboardDetail {
  readonly companyId: string;
  readonly company: CompanyRecord;
}
export interface LinkReadyDetail extends OnboardDetail {
  readonly companyId: string;
  /** Where Link will open (without our `state`): the company's `redirect`, or a broken connection's `linkUrl`. */
  readonly linkUrl: string;
}
export interface LinkOpenedDetail extends OnboardDetail {
  readonly companyId: string;
  readonly mode: LinkWindow;
}
export interface BeforeRedirectDetail extends OnboardDetail {
  readonly companyId: string;
  /** Where the page is about to go. */
  readonly url: string;
}
export interface LinkedDetail extends OnboardDetail {
  readonly companyId: string;
  readonly connectionId: string;
}
export interface ConnectionAddedDetail extends OnboardDetail {
  readonly companyId: string;
  /** The new connection, Linked: its `platformName` and `sourceType` say what was added. */
  readonly connection: ConnectionRecord;
}
export interface DisconnectedDetail extends OnboardDetail {
  readonly companyId: string;
  /** The connection now `Unlinked`: its data is kept, nothing new is fetched; it can be reconnected. */
  readonly connectionId: string;
}
export interface CancelDetail extends OnboardDetail {
  readonly reason: 'user-cancelled' | AbandonReason;
}
export interface SyncProgressDetail extends OnboardDetail {
  readonly companyId: string;
  readonly progress: SyncSnapshot;
}
export interface ErrorDetail extends OnboardDetail {
  /** Stable code, e.g. `network-error`, `invalid-name`, `link-not-confirmed`, `sync-failed`. */
  readonly code: string;
  /** The sentence shown to the user. */
  readonly message: string;
  /** Whether "Try again" is offered. */
  readonly retryable: boolean;
  /** The platform's id for the failed request, when your backend passed it on: quote it to Codat's support. */
  readonly correlationId?: string;
}

/** Every event the element dispatches, by name. */
export interface OnboardEventMap {
  'onboard-state-change': CustomEvent<StateChangeDetail>;
  'onboard-company-created': CustomEvent<CompanyCreatedDetail>;
  'onboard-link-ready': CustomEvent<LinkReadyDetail>;
  'onboard-link-opened': CustomEvent<LinkOpenedDetail>;
  'onboard-popup-blocked': CustomEvent<OnboardDetail>;
  'onboard-before-redirect': CustomEvent<BeforeRedirectDetail>;
  'onboard-linked': CustomEvent<LinkedDetail>;
  'onboard-cancel': CustomEvent<CancelDetail>;
  'onboard-sync-progress': CustomEvent<SyncProgressDetail>;
  'onboard-complete': CustomEvent<OnboardDetail & { readonly companyId: string }>;
  'onboard-error': CustomEvent<ErrorDetail>;
  'onboard-connection-added': CustomEvent<ConnectionAddedDetail>;
  'onboard-disconnected': CustomEvent<DisconnectedDetail>;
  'onboard-company-deleted': CustomEvent<OnboardDetail & { readonly companyId: string }>;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merges our events into the DOM's map
  interface GlobalEventHandlersEventMap extends OnboardEventMap {}
}

export type DetailOf<K extends keyof OnboardEventMap> =
  OnboardEventMap[K] extends CustomEvent<infer D> ? D : never;

/**
 * Dispatches an `onboard-*` event that bubbles out of the shadow root.
 * Returns `false` when a cancelable event was cancelled.
 */
export function emit<K extends keyof OnboardEventMap>(
  target: EventTarget,
  name: K,
  detail: DetailOf<K>,
  { cancelable = false } = {},
): boolean {
  return target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable }));
}
