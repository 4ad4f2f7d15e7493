import { routeSegments } from '../server/base-path.ts';
import { handleApi } from './api.ts';
import { codatError } from './codat-error.ts';
import {
  companyScenario,
  linkedConnections,
  syncPlanOf,
  viewOptionsOf,
  type SimulatorContext,
} from './context.ts';
import { CONTROL_SEGMENT, handleControl } from './control.ts';
import { applyFault, FaultRegistry, type SimulatorFaults } from './faults.ts';
import { allowedHostSet, isAllowedHost, refusedHostMessage } from './host-check.ts';
import { handleLink } from './link.ts';
import { ConnectionStatus, type Company } from './model.ts';
import { OneTimeLinks } from './one-time-links.ts';
import { resolveSimulatorOptions, type SimulatorOptions } from './options.ts';
import { RateLimitCounter } from './rate-limit.ts';
import { isSyncScenario, notAScenario, type SyncScenario } from './scenarios.ts';
import { resolveSettings, type SimulatorSettings } from './settings.ts';
import { Store } from './store.ts';
import { createWebhookSender, type SimulatorWebhooks } from './webhook-sender.ts';
import { companyView } from './views.ts';

/** An in-memory Codat Platform API plus hosted Link, as one framework-neutral request handler. */
export interface Simulator {
  /**
   * Answers one request: the Platform API under `{basePath}/companies`, hosted Link under `{basePath}/link`,
   * the control API under `{basePath}/_simulator` (see `control.ts`). A dropped connection (fault injection)
   * is answered with `Response.error()`, which `toNodeListener` turns into a destroyed socket. A request
   * whose `Host` header is neither a loopback name nor in `allowedHosts` gets a 403 on every route.
   */
  handle(request: Request): Promise<Response>;
  /**
   * Fault injection for the requests that follow: dropped connections (before or after acting), error
   * statuses (500, 429 with `Retry-After`…) and latency. Also over HTTP: `POST {basePath}/_simulator/faults`.
   */
  readonly faults: SimulatorFaults;
  /** Every company as the API would return it now, in creation order (for tests and the demo). */
  listCompanies(): readonly Company[];
  /** Marks the company's linked connections `Deauthorized`, as when a user revokes access. False if unknown. */
  deauthorize(companyId: string): boolean;
  /**
   * Chooses how the company's syncs play out from the next one on (its first link, a refresh or queued type;
   * a running sync keeps its scenario): see {@link SyncScenario}. False if the company is unknown; throws a
   * `TypeError` if `scenario` is not a scenario. Also at creation with the tag `simulatorScenario` (with the
   * `scenarioTag` option), and over HTTP: `POST {basePath}/_simulator/companies/{id}/scenario` with
   * `{"scenario": "slow"}`.
   */
  setScenario(companyId: string, scenario: SyncScenario): boolean;
  /** The scenario the company's next sync will play (the simulator's default if it chose none); `undefined` if unknown. */
  scenarioOf(companyId: string): SyncScenario | undefined;
  /** The settings in force now (see {@link SimulatorSettings}). */
  settings(): SimulatorSettings;
  /**
   * Changes some settings from now on (e.g. `{ oneTimeLinkUrls: true }`) and returns them all. Also over HTTP:
   * `POST {basePath}/_simulator/settings`.
   */
  configure(settings: Partial<SimulatorSettings>): SimulatorSettings;
  /**
   * Webhooks to the endpoints given in the `webhooks` option and added here or over HTTP (`POST
   * {basePath}/_simulator/webhooks` with `{url, secret}`): `connection.*` and `read.completed`, signed.
   */
  readonly webhooks: SimulatorWebhooks;
  /**
   * Forgets every company, every injected fault, one-time Link URL and pending webhook delivery, and restores
   * the settings it was created with. Webhook endpoints stay (`webhooks.clear()` removes them).
   */
  reset(): void;
}

/**
 * A new simulator with no companies. Throws a `TypeError` for a malformed option (a `scenario` that is not
 * one, an `allowedHosts` entry that is not a host name).
 */
export function createSimulator(options?: SimulatorOptions): Simulator {
  const resolved = resolveSimulatorOptions(options);
  const allowedHosts = allowedHostSet(resolved.allowedHosts);
  const context: SimulatorContext = {
    options: resolved,
    settings: resolveSettings(resolved),
    store: new Store(),
    plan: syncPlanOf(resolved),
    clientId: resolved.uuid(),
    links: new OneTimeLinks(),
    rateLimit: new RateLimitCounter(),
  };
  const faults = new FaultRegistry(resolved.uuid);
  const webhooks = createWebhookSender(resolved.webhooks, {
    companies: () => context.store.all(),
    plan: context.plan,
    now: resolved.now,
    uuid: resolved.uuid,
    random: Math.random,
  });

  const serve = async (request: Request, segments: string[]): Promise<Response> =>
    segments[0] === 'link' ? handleLink(request, segments, context) : handleApi(request, segments, context);

  /** Every API answer, faults included, carries the rate-limit headers. */
  const withApiHeaders = (response: Response): Response => {
    if (response.type === 'error') return response;
    const now = resolved.now();
    const active = context.store
      .all()
      .filter((company) => linkedConnections(context, company, now).length > 0).length;
    const headers = new Headers(response.headers);
    for (const [name, value] of Object.entries(context.rateLimit.count(now, active))) {
      headers.set(name, value);
    }
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };

  const simulator: Simulator = {
    faults,
    webhooks,
    async handle(request) {
      if (!isAllowedHost(request, allowedHosts)) {
        return codatError(403, refusedHostMessage(request.headers.get('host') ?? ''), resolved.uuid());
      }
      try {
        const { pathname } = new URL(request.url);
        const segments = routeSegments(pathname, resolved.basePath);
        if (segments === null) return codatError(404, 'Not found.', resolved.uuid());
        if (segments[0] === CONTROL_SEGMENT) {
          return await handleControl(request, segments, simulator, resolved.uuid());
        }
        const below = pathname.slice(resolved.basePath.length).replace(/\/+$/, '') || '/';
        const decorate = segments[0] === 'link' ? (response: Response) => response : withApiHeaders;
        const fault = faults.take(request.method, below);
        if (fault === undefined) return decorate(await serve(request, segments));
        return decorate(
          await applyFault(fault, request, {
            serve: () => serve(request, segments),
            delay: resolved.delay,
            error: (status, message, headers) => codatError(status, message, resolved.uuid(), { headers }),
          }),
        );
      } catch {
        // A bug in the simulator should look like a platform 500, not kill the host server.
        return withApiHeaders(
          codatError(500, 'The simulator failed to handle the request.', resolved.uuid()),
        );
      }
    },
    listCompanies() {
      const view = viewOptionsOf(context);
      return context.store.all().map((company) => companyView(company, context.plan, view));
    },
    deauthorize(companyId) {
      const company = context.store.get(companyId);
      if (!company) return false;
      for (const connection of company.connections) {
        if (connection.status === ConnectionStatus.Linked) connection.status = ConnectionStatus.Deauthorized;
      }
      return true;
    },
    setScenario(companyId, scenario) {
      if (!isSyncScenario(scenario)) throw new TypeError(notAScenario(scenario));
      const company = context.store.get(companyId);
      if (!company) return false;
      company.scenario = scenario;
      company.scenarioChosenAtSync = company.syncs.length;
      return true;
    },
    scenarioOf(companyId) {
      const company = context.store.get(companyId);
      return company && companyScenario(context, company);
    },
    settings() {
      return { ...context.settings };
    },
    configure(settings) {
      context.settings = { ...context.settings, ...settings };
      return { ...context.settings };
    },
    reset() {
      context.store.clear();
      faults.clear();
      context.links.clear();
      context.rateLimit.clear();
      context.settings = resolveSettings(resolved);
      webhooks.reset();
    },
  };
  return simulator;
}
