/**
 * How a company's syncs play out in the simulator. A scenario is chosen per company (`Simulator.setScenario`,
 * the control API, or {@link SCENARIO_TAG} when the `scenarioTag` option is on) or for every company (the
 * `scenario` option of `createSimulator`), and is read when a sync starts: when the company first links, on
 * every refresh (`POST /companies/{id}/data/all`) and queued type (`POST …/data/queue/{dataType}`), and on a
 * re-link only with the `syncOnRelink` option (as on Codat, a re-link starts no sync by default). A sync
 * keeps the scenario it started with; choosing another one changes the syncs that follow, not the one
 * running.
 *
 * Progress is derived from the clock at read time (`now`), as for every sync: no timer runs.
 */
export const SyncScenario = {
  /**
   * Today's behaviour: every type goes `Queued` → `Fetching` → `Mapping` → `Complete`, one after another,
   * the last finishing `syncDurationMs` (default 4 s) after the sync started.
   */
  Normal: 'normal',
  /** Like `normal`, but the whole sync takes `fastSyncDurationMs` (default 1 s). */
  Fast: 'fast',
  /**
   * Like `normal`, but the whole sync takes `slowSyncDurationMs` (default 30 s): long enough to see a
   * progress bar move, leave the page and come back.
   */
  Slow: 'slow',
  /**
   * One type (`failingDataType`, default `invoices`) ends in `FetchError` while the others complete, over
   * `syncDurationMs`. The failing type goes `Queued` → `Fetching` → `FetchError` (it never reaches
   * `Mapping`) at the moment it would have completed; it keeps reporting the last sync that did succeed for
   * it, if any. The connection stays `Linked`, and the company's `lastSync` does not move (not every type
   * completed).
   */
  FetchError: 'fetch-error',
  /**
   * One type (`failingDataType`, default `invoices`) ends in `AuthError` while the others complete, over
   * `syncDurationMs`; the failing type goes `Queued` → `Fetching` → `AuthError`. **At that moment the
   * company's linked connections become `Deauthorized`**, as on Codat, where an `AuthError` means the
   * platform refused the stored credentials and the company must re-link. The other types still complete,
   * so a client sees one failed type among good ones next to a broken connection. Re-linking repairs the
   * connection but starts no sync (unless `syncOnRelink`); the next refresh fails the same way while the
   * scenario stays `auth-error`.
   */
  AuthError: 'auth-error',
  /**
   * Every type stays `Queued` forever, as an on-premise connector that is switched off does. Nothing
   * completes, so `lastSync` does not move; a refresh queues a new sync that is stuck too.
   */
  StuckQueued: 'stuck-queued',
  /**
   * The first sync after linking completes like `normal`, then, at the moment it completes, the company's
   * linked connections become `Deauthorized` (as if the user revoked access right away), so a dashboard
   * that looks later sees the connection broken while `lastSync` shows the completed sync.
   *
   * **Once per selection**: re-authorising afterwards repairs the connection for good (later syncs, which
   * the integrator queues, behave like `normal`), so a reconnect journey can be tested end to end. Selecting the scenario again (even the
   * same one) re-arms it for the next sync. A refresh while the first sync runs replaces it, and the
   * connection breaks when the refreshed sync completes instead.
   */
  DeauthorizedAfterLink: 'deauthorized-after-link',
} as const;
export type SyncScenario = (typeof SyncScenario)[keyof typeof SyncScenario];

/** Every scenario, in the order the demo lists them. */
export const SYNC_SCENARIOS: readonly SyncScenario[] = Object.values(SyncScenario);

/**
 * With the simulator option `scenarioTag: true`, the company tag that chooses a company's scenario when it
 * is created: `tags: { simulatorScenario: 'slow' }`. Without it (the default) the tag does nothing, as on
 * Codat. Either way it is a plain Codat tag (the reference server passes tags through; it reserves only
 * `onboardIdempotencyKey`), so it is stored and returned like any other. Only its value at creation counts:
 * later changes go through `Simulator.setScenario` or the control API, which do not rewrite the tag. With
 * the option, a value that is not a scenario is refused with a 400 naming the valid ones, so a typo shows
 * at once rather than silently running `normal` (the real platform would accept any value).
 */
export const SCENARIO_TAG = 'simulatorScenario';

export function isSyncScenario(value: unknown): value is SyncScenario {
  return typeof value === 'string' && (SYNC_SCENARIOS as readonly string[]).includes(value);
}

/** The message for a value that is not a scenario. */
export function notAScenario(value: unknown): string {
  return `${JSON.stringify(value) ?? String(value)} is not a simulator scenario; use one of ${SYNC_SCENARIOS.join(', ')}.`;
}
