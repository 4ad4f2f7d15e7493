import type { OnboardBackend } from '../backend/index.ts';
import type { JourneyStore, LinkPort } from '../link/index.ts';
import type { EmitDetails, JourneyState, LinkOpenMode } from '../machine/index.ts';
import type { Clock, PollingOptions, Visibility } from '../sync/index.ts';

/** What the journey is asked to do; read afresh whenever it is needed (attributes may change). */
export interface JourneyConfig {
  /** Key of this instance's saved journey (two journeys on one page need two keys). */
  readonly key: string;
  /** An existing company: load it, never create one. */
  readonly companyId: string | null;
  readonly intent: 'connect' | 'reconnect' | 'manage';
  readonly linkMode: LinkOpenMode;
  /** Data types that must finish syncing; empty means every type the platform reports. */
  readonly requiredDataTypes: readonly string[];
  readonly polling: PollingOptions;
  /**
   * How long a required type the platform never fetched may take to start once we queued it, in ms, before
   * the journey stops with a retryable `sync-not-started` error. Default: {@link DEFAULT_START_TIMEOUT_MS}.
   */
  readonly startTimeoutMs?: number;
}

/** One minute: a queued fetch normally starts within seconds; on-premise connectors can take longer. */
export const DEFAULT_START_TIMEOUT_MS = 60_000;

/** Every event of a journey, by name: the machine's, plus state changes. */
export interface RunnerEventDetails extends EmitDetails {
  'state-change': { readonly state: JourneyState; readonly previous: JourneyState };
}

/** What every event also carries: the journey's id, and its company once there is one. */
export interface JourneyIds {
  readonly journeyId: string;
  readonly companyId: string | null;
}

export type RunnerEvent = {
  [K in keyof RunnerEventDetails]: { readonly type: K; readonly detail: RunnerEventDetails[K] & JourneyIds };
}[keyof RunnerEventDetails];

/** Everything the runner touches in the world, injected: a browser, Node, a test or a load rig each give theirs. */
export interface JourneyPorts {
  readonly config: () => JourneyConfig;
  /** The integrator's backend; read per call (the element's `backend` property may be swapped). */
  readonly backend: () => OnboardBackend;
  readonly link: LinkPort;
  readonly store: JourneyStore;
  readonly visibility: Visibility;
  readonly clock: Clock;
  /** A number in [0, 1), like `Math.random` (polling jitter). */
  readonly random: () => number;
  /** A fresh unguessable token (idempotency keys, Link nonces, journey ids). */
  readonly nonce: () => string;
  /** Told of every event, in order. */
  readonly events: (event: RunnerEvent) => void;
  /** Asked just before the page leaves for Link; `false` vetoes the navigation. */
  readonly allowRedirect: (url: string, ids: JourneyIds) => boolean;
  /**
   * Loads what follows a sync. Default: imports it when a journey first follows one (a separate chunk in the
   * browser). Tests give the module itself, so following starts without waiting for a module load.
   */
  readonly loadSyncFollower?: () => Promise<typeof import('./follow-sync.ts')>;
}
