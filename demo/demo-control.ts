import type { Simulator } from '../src/simulator/index.ts';

/** Demo-only helpers, next to the simulator: never part of the reference backend. */
export const DEMO_PATH = '/demo';

/**
 * `POST /demo/broken-company`: a company whose Xero connection was linked, synced and then deauthorised,
 * as when a user revokes access; the re-authorisation page starts from it. Answers `{id}`.
 */
export async function demoControl(request: Request, simulator: Simulator, apiKey: string): Promise<Response> {
  const url = new URL(request.url);
  if (request.method !== 'POST' || url.pathname !== `${DEMO_PATH}/broken-company`) {
    return Response.json({ error: 'Not found', code: 'not-found' }, { status: 404 });
  }
  const platform = new URL('/platform/', url);
  const created = await simulator.handle(
    new Request(new URL('companies', platform), {
      method: 'POST',
      headers: { Authorization: `Basic ${btoa(apiKey)}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Acme Trading Ltd' }),
    }),
  );
  const { id } = (await created.json()) as { id: string };
  // Authorise on the hosted Link page, as a user would, then revoke access.
  await simulator.handle(
    new Request(new URL(`link/company/${id}`, platform), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ platform: 'gbol', action: 'authorise' }),
      redirect: 'manual',
    }),
  );
  simulator.deauthorize(id);
  return Response.json({ id });
}
