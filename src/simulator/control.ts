import { fromOwnPageOrNone } from '../server/cross-site.ts';
import { codatError, json } from './codat-error.ts';
import { byMethod } from './dispatch.ts';
import { faultFromJson, type SimulatorFaults } from './faults.ts';
import { readBodyText } from './read-body.ts';
import { isSyncScenario, notAScenario, type SyncScenario } from './scenarios.ts';
import { settingsFromJson, type SimulatorSettings } from './settings.ts';
import type { SimulatorWebhooks } from './webhook-sender.ts';

/** The first path segment of the simulator's own control API (not part of Codat's). */
export const CONTROL_SEGMENT = '_simulator';

/** Largest control body read; a fault or settings object is a few hundred bytes. */
const MAX_BODY_BYTES = 16 * 1024;

/** What the control API drives: the simulator's faults and its companies' scenarios. */
export interface ControlTargets {
  readonly faults: SimulatorFaults;
  scenarioOf(companyId: string): SyncScenario | undefined;
  setScenario(companyId: string, scenario: SyncScenario): boolean;
  settings(): SimulatorSettings;
  configure(settings: Partial<SimulatorSettings>): SimulatorSettings;
  readonly webhooks: SimulatorWebhooks;
}

/**
 * The simulator's control API under `{basePath}/_simulator/`, for e2e tests and the demo, which drive the
 * simulator over HTTP:
 *
 * - `POST /_simulator/faults` with a JSON `FaultSpec` (`path` a string) → 201 and the fault as listed;
 *   400 if malformed.
 * - `GET /_simulator/faults` → `{ faults: ActiveFault[] }`.
 * - `DELETE /_simulator/faults` → 204, every fault removed.
 * - `POST /_simulator/companies/{id}/scenario` with `{ "scenario": "slow" }` → 200
 *   `{ companyId, scenario }`: the company's next syncs play that scenario (see `scenarios.ts`); 400 if it
 *   is not a scenario, 404 if there is no such company.
 * - `GET /_simulator/companies/{id}/scenario` → 200 `{ companyId, scenario }` (the default when the company
 *   chose none); 404 if there is no such company.
 * - `POST /_simulator/webhooks` with `{ "url": "http://127.0.0.1:5173/api/webhooks", "secret": "whsec_…" }` →
 *   201 `{ endpoints: [url…] }`: webhooks go there too from now on; 400 if malformed. `GET` → 200, the same;
 *   `DELETE` → 204, every endpoint removed.
 * - `POST /_simulator/settings` with some of `SimulatorSettings` (e.g. `{ "oneTimeLinkUrls": true,
 *   "unstartableTypes": ["purchaseOrders"], "syncOnRelink": true }`) → 200 and every setting now in force;
 *   400 naming the problem if a key is unknown or a value malformed. `GET /_simulator/settings` → 200, the
 *   settings. `reset()` restores the ones the simulator was created with.
 *
 * **Unauthenticated**: anyone who can reach the simulator can break it. The simulator is for loopback only
 * (`startSimulator` binds 127.0.0.1 by default); never expose it, or a server mounting it, to a network.
 * What it does refuse: requests a page of another site made the browser send (403, see `cross-site.ts`; a
 * test, a script or curl sends none of the headers that mark them), so a web page the developer visits
 * cannot drive it; and bodies over 16 KiB (413), refused without reading them whole. Faults never apply to
 * these routes.
 */
export async function handleControl(
  request: Request,
  segments: readonly string[],
  targets: ControlTargets,
  correlationId: string,
): Promise<Response> {
  // Every method, GET included: simpler than sorting them, and no other site's page needs the state.
  if (!fromOwnPageOrNone(request)) {
    return codatError(
      403,
      "The simulator's control API refuses requests sent by another site's page (cross-site request). " +
        "Drive it from a test, a script or curl, or from a page on the simulator's own origin.",
      correlationId,
    );
  }
  const notAllowed = (allow: string): Response =>
    codatError(405, `Method ${request.method} is not allowed here; use ${allow}.`, correlationId);
  const [, resource, companyId, leaf, ...extra] = segments;
  if (resource === 'faults' && companyId === undefined) {
    return byMethod(
      request,
      {
        GET: () => json(200, { faults: targets.faults.list() }),
        POST: () =>
          actOnJson(request, correlationId, 201, (body) => targets.faults.inject(faultFromJson(body))),
        DELETE: () => {
          targets.faults.clear();
          return new Response(null, { status: 204 });
        },
      },
      notAllowed,
    );
  }
  if (resource === 'webhooks' && companyId === undefined) {
    const endpoints = () => ({ endpoints: targets.webhooks.list() });
    return byMethod(
      request,
      {
        GET: () => json(200, endpoints()),
        POST: () =>
          actOnJson(request, correlationId, 201, (body) => {
            const { url, secret } = (body ?? {}) as { url?: unknown; secret?: unknown };
            if (typeof url !== 'string' || typeof secret !== 'string') {
              throw new TypeError('A webhook endpoint is {"url": "http…", "secret": "whsec_…"}.');
            }
            try {
              targets.webhooks.add({ url, secret });
            } catch (error) {
              throw new TypeError(error instanceof Error ? error.message : String(error));
            }
            return endpoints();
          }),
        DELETE: () => {
          targets.webhooks.clear();
          return new Response(null, { status: 204 });
        },
      },
      notAllowed,
    );
  }
  if (resource === 'settings' && companyId === undefined) {
    return byMethod(
      request,
      {
        GET: () => json(200, targets.settings()),
        POST: () =>
          actOnJson(request, correlationId, 200, (body) => targets.configure(settingsFromJson(body))),
      },
      notAllowed,
    );
  }
  if (resource === 'companies' && companyId !== undefined && leaf === 'scenario' && extra.length === 0) {
    const unknown = (): Response => codatError(404, `Company ${companyId} was not found.`, correlationId);
    return byMethod(
      request,
      {
        GET: () => {
          const scenario = targets.scenarioOf(companyId);
          return scenario === undefined ? unknown() : json(200, { companyId, scenario });
        },
        POST: async () => {
          const body = await readJson(request, correlationId);
          if (body instanceof Response) return body;
          const scenario = (body as { scenario?: unknown } | null)?.scenario;
          if (!isSyncScenario(scenario)) return codatError(400, notAScenario(scenario), correlationId);
          return targets.setScenario(companyId, scenario) ? json(200, { companyId, scenario }) : unknown();
        },
      },
      notAllowed,
    );
  }
  return codatError(
    404,
    'Not found: the control API has /_simulator/faults, /_simulator/settings, /_simulator/webhooks and /_simulator/companies/{id}/scenario.',
    correlationId,
  );
}

/**
 * Reads the JSON body, hands it to `act` and answers `status` with what `act` returns; a `TypeError` from
 * `act` (a malformed fault or setting) is a 400 naming the problem.
 */
async function actOnJson(
  request: Request,
  correlationId: string,
  status: number,
  act: (body: unknown) => unknown,
): Promise<Response> {
  const body = await readJson(request, correlationId);
  if (body instanceof Response) return body;
  try {
    return json(status, act(body));
  } catch (error) {
    if (error instanceof TypeError) return codatError(400, error.message, correlationId);
    throw error;
  }
}

/** The request's JSON body, or the error response to send when it is too large or not JSON. */
async function readJson(request: Request, correlationId: string): Promise<unknown> {
  const text = await readBodyText(request, MAX_BODY_BYTES, correlationId);
  if (text instanceof Response) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return codatError(400, 'The request body must be JSON.', correlationId);
  }
}
