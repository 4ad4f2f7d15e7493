import { randomUUID } from 'node:crypto';
import { SVIX_RETRY_SCHEDULE_MS, type WebhookSenderOptions } from './webhook-sender.ts';
import { normaliseBasePath } from '../server/base-path.ts';
import { DataType, DEFAULT_DATA_TYPES } from './data-types.ts';
import { isSyncScenario, notAScenario, SyncScenario } from './scenarios.ts';
import { resolveSettings, type SimulatorSettings } from './settings.ts';

/**
 * How to build a simulator. Every option has a default, so `createSimulator()` just works. The settings a
 * running simulator can change are documented on {@link SimulatorSettings}.
 */
export interface SimulatorOptions extends Partial<SimulatorSettings> {
  /** The API key clients must send as `Authorization: Basic base64(apiKey)`. Default `'sim-api-key'`. */
  apiKey?: string;
  /** Path prefix of every route, e.g. `'/platform'` when mounted inside the demo. Default `''`. */
  basePath?: string;
  /**
   * Host names, besides loopback ones, the simulator answers to, with any port: e.g. `['sim.test']` when a
   * container reaches it as `http://sim.test:4010`. A request whose `Host` header names any other host gets
   * a 403, so a web page that points its own name at the simulator's address (DNS rebinding) can neither read
   * nor drive it. Loopback names are always answered (`localhost`, `*.localhost`, `127.x.x.x`, `[::1]`), and
   * so is a request with no `Host` header (built in-process for `Simulator.handle`). Each entry must be a host
   * name alone, without scheme or port (`'sim.test'`, `'192.168.1.5'`, `'::1'`); creating the simulator
   * throws a `TypeError` otherwise. Default `[]`.
   */
  allowedHosts?: readonly string[];
  /**
   * Where hosted Link sends the user when they finish: a Codat-style template with `{param}` placeholders.
   * A relative template (`/?statusCode={statusCode}&state={state}`) is resolved against the origin of the
   * request. Default: the simulator's own "Link finished" page, `{basePath}/link/finished?…`.
   */
  redirectUrlTemplate?: string;
  /**
   * How long a sync takes from `Queued` until every data type has finished, in ms, in every scenario but
   * `fast` and `slow`. Default `4000`.
   */
  syncDurationMs?: number;
  /**
   * The scenario of every company that has not chosen one (by `setScenario`, the control API or, with
   * `scenarioTag`, a tag).
   * Default `'normal'`. Throws a `TypeError` when it is not a {@link SyncScenario}.
   */
  scenario?: SyncScenario;
  /**
   * Whether the company tag `simulatorScenario` (`SCENARIO_TAG` in `scenarios.ts`) chooses a company's scenario at
   * creation, and a value that is not a scenario is refused with a 400. Default `false`: the tag is a plain
   * tag, stored and returned and nothing more, as on Codat, so no caller of an integrator's backend that
   * passes tags through can steer the simulator unless the test or demo asked for it.
   */
  scenarioTag?: boolean;
  /** How long a sync takes in the `fast` scenario, in ms. Default `1000`. */
  fastSyncDurationMs?: number;
  /** How long a sync takes in the `slow` scenario, in ms. Default `30000`. */
  slowSyncDurationMs?: number;
  /**
   * The type that fails in the `fetch-error` and `auth-error` scenarios. Default `'invoices'`; when the
   * company does not sync it (see `dataTypes`), the last of `dataTypes` fails instead.
   */
  failingDataType?: DataType;
  /** The clock, in epoch ms. Sync progress is computed from it at read time; no timers run. Default `Date.now`. */
  now?: () => number;
  /** The data types a linked company syncs. Default: company, chartOfAccounts, invoices, bills, customers, suppliers. */
  dataTypes?: readonly DataType[];
  /**
   * Data types enabled but never fetched: reported as `{dataType}` alone once a company is linked, as the
   * platform does, until a `POST data/queue/{dataType}` starts one (a refresh does not read them; a type listed
   * here and in `dataTypes` counts as never synced). The official SDK's schema rejects such entries. Default
   * `['purchaseOrders']`, so every client meets one; pass `[]` for none.
   */
  neverSyncedTypes?: readonly DataType[];
  /** Makes ids for companies, connections and syncs. Default `crypto.randomUUID`. */
  uuid?: () => string;
  /**
   * Webhooks, signed and delivered as Codat does through Svix (see `webhook-sender.ts`): endpoints to send to
   * from the start (more over the control API), retries, duplicates, headers, and the reading of
   * `read.completed` (one message per data type, as Codat's migration guide says, or one per sync).
   */
  webhooks?: Partial<WebhookSenderOptions>;
  /**
   * Waits `ms` for a `latency` fault (or a fault's `latencyMs`); pass an instant one in tests. Default: a
   * timer that ends early when `signal` (the request's) aborts: the client has gone, so no timer is left
   * running for nobody.
   */
  delay?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export type ResolvedSimulatorOptions = Required<Omit<SimulatorOptions, 'webhooks'>> & {
  webhooks: WebhookSenderOptions;
};

export const DEFAULT_SIMULATOR_API_KEY = 'sim-api-key';

/** Where the built-in "Link finished" page lives, relative to `basePath`. */
export const LINK_FINISHED_PATH = '/link/finished';

export function resolveSimulatorOptions(options: SimulatorOptions = {}): ResolvedSimulatorOptions {
  const basePath = normaliseBasePath(options.basePath ?? '');
  return {
    apiKey: options.apiKey ?? DEFAULT_SIMULATOR_API_KEY,
    basePath,
    allowedHosts: options.allowedHosts ?? [],
    redirectUrlTemplate:
      options.redirectUrlTemplate ??
      `${basePath}${LINK_FINISHED_PATH}?statusCode={statusCode}&errorMessage={errorMessage}` +
        '&platformName={platformName}&companyId={companyId}&connectionId={connectionId}',
    syncDurationMs: Math.max(0, options.syncDurationMs ?? 4000),
    scenario: checkedScenario(options.scenario ?? SyncScenario.Normal),
    scenarioTag: options.scenarioTag ?? false,
    fastSyncDurationMs: Math.max(0, options.fastSyncDurationMs ?? 1000),
    slowSyncDurationMs: Math.max(0, options.slowSyncDurationMs ?? 30_000),
    failingDataType: options.failingDataType ?? DataType.Invoices,
    now: options.now ?? Date.now,
    dataTypes: options.dataTypes ?? DEFAULT_DATA_TYPES,
    neverSyncedTypes: options.neverSyncedTypes ?? [DataType.PurchaseOrders],
    ...resolveSettings(options),
    uuid: options.uuid ?? randomUUID,
    webhooks: {
      endpoints: [],
      retryScheduleMs: SVIX_RETRY_SCHEDULE_MS,
      duplicateRate: 0,
      headerPrefix: 'webhook',
      readCompletedPer: 'dataType',
      tickMs: 100,
      timeoutMs: 15_000,
      ...options.webhooks,
    },
    delay: options.delay ?? abortableDelay,
  };
}

function checkedScenario(scenario: unknown): SyncScenario {
  if (!isSyncScenario(scenario)) throw new TypeError(notAScenario(scenario));
  return scenario;
}

function abortableDelay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    if (signal.aborted) done();
    else signal.addEventListener('abort', done, { once: true });
  });
}
