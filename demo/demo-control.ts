import { fromOwnPageOrNone } from '../src/server/cross-site.ts';
import type { Simulator } from '../src/simulator/index.ts';
import { isSyncScenario, notAScenario, SyncScenario } from '../src/simulator/scenarios.ts';

/** Demo-only helpers, next to the simulator: never part of the reference backend. */
export const DEMO_PATH = '/demo';

/** How long `linked-company` waits for the company's first sync before giving up. */
const FIRST_SYNC_LIMIT_MS = 15_000;
/** How often `linked-company` looks whether the first sync has finished. */
const FIRST_SYNC_CHECK_MS = 50;

/**
 * Demo-only endpoints (all `POST`):
 *
 * - `/demo/broken-company`: a company whose Xero connection was linked, synced and then deauthorised, as when
 *   a user revokes access; the re-authorisation page starts from it. Answers `{id}`.
 * - `/demo/linked-company`, body optional `{"scenario": "…"}`: a company linked to Xero whose first sync has
 *   completed (played as `fast`, waited for here), so the dashboard has something to show. Its later syncs
 *   (refresh, re-link) play `scenario`, or the simulator's default. Answers `{id}`; 400 for a bad body, 504 if
 *   the first sync did not finish within 15 s.
 * - `/demo/deauthorize/{id}`: revokes the company's linked connections (`Simulator.deauthorize`). Answers
 *   204; 404 if there is no such company.
 *
 * Requests another site's page made the browser send are refused with 403 (see `cross-site.ts`).
 * `platform` is the simulator's URL as the browser reaches it (`http://127.0.0.1:5173/platform`): the
 * companies made here keep Link URLs under it. It is given, not read from the request, whose Host is the
 * caller's to choose.
 */
export async function demoControl(
  request: Request,
  simulator: Simulator,
  apiKey: string,
  platform: string,
): Promise<Response> {
  if (!fromOwnPageOrNone(request)) {
    return Response.json(
      {
        error: "The demo's controls refuse requests sent by another site's page.",
        code: 'cross-site-request',
      },
      { status: 403 },
    );
  }
  const url = new URL(request.url);
  if (request.method === 'POST' && url.pathname === `${DEMO_PATH}/linked-company`) {
    return linkedCompany(request, simulator, apiKey, platform);
  }
  const revoke = new RegExp(`^${DEMO_PATH}/deauthorize/([\\w-]+)$`).exec(url.pathname);
  if (request.method === 'POST' && revoke?.[1] !== undefined) {
    return simulator.deauthorize(revoke[1])
      ? new Response(null, { status: 204 })
      : Response.json({ error: 'That company does not exist.', code: 'not-found' }, { status: 404 });
  }
  if (request.method !== 'POST' || url.pathname !== `${DEMO_PATH}/broken-company`) {
    return Response.json({ error: 'Not found', code: 'not-found' }, { status: 404 });
  }
  const created = await simulator.handle(
    new Request(`${platform}/companies`, {
      method: 'POST',
      headers: { Authorization: `Basic ${btoa(apiKey)}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Acme Trading Ltd' }),
    }),
  );
  const { id } = (await created.json()) as { id: string };
  // Authorise on the hosted Link page, as a user would, then revoke access.
  await simulator.handle(
    new Request(`${platform}/link/company/${id}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ platform: 'gbol', action: 'authorise' }),
      redirect: 'manual',
    }),
  );
  simulator.deauthorize(id);
  return Response.json({ id });
}

/** `POST /demo/linked-company`: see {@link demoControl}. */
async function linkedCompany(
  request: Request,
  simulator: Simulator,
  apiKey: string,
  platform: string,
): Promise<Response> {
  const text = await request.text();
  let later: unknown;
  try {
    later = text.trim() === '' ? undefined : (JSON.parse(text) as { scenario?: unknown } | null)?.scenario;
  } catch {
    return Response.json({ error: 'The body must be JSON.', code: 'bad-request' }, { status: 400 });
  }
  if (later !== undefined && !isSyncScenario(later)) {
    return Response.json({ error: notAScenario(later), code: 'bad-request' }, { status: 400 });
  }
  const created = await simulator.handle(
    new Request(`${platform}/companies`, {
      method: 'POST',
      headers: { Authorization: `Basic ${btoa(apiKey)}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Acme Trading Ltd' }),
    }),
  );
  const { id } = (await created.json()) as { id: string };
  // The first sync plays `fast` (the quickest to complete); what follows plays the scenario asked for.
  const next = later ?? simulator.scenarioOf(id) ?? SyncScenario.Normal;
  simulator.setScenario(id, SyncScenario.Fast);
  // Authorise on the hosted Link page, as a user would: the simulator starts the first sync.
  await simulator.handle(
    new Request(`${platform}/link/company/${id}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ platform: 'gbol', action: 'authorise' }),
      redirect: 'manual',
    }),
  );
  // Sync progress follows the simulator's clock (real time in the demo): wait until every type completed.
  const synced = (): boolean => simulator.listCompanies().find((c) => c.id === id)?.lastSync !== undefined;
  const deadline = Date.now() + FIRST_SYNC_LIMIT_MS;
  while (!synced() && Date.now() < deadline && !request.signal.aborted) {
    await new Promise((resolve) => setTimeout(resolve, FIRST_SYNC_CHECK_MS));
  }
  simulator.setScenario(id, next);
  if (!synced()) {
    return Response.json(
      { error: 'The first sync did not finish in time.', code: 'sync-timeout', id },
      { status: 504 },
    );
  }
  return Response.json({ id });
}
