import type { Connect, Plugin } from 'vite';
import { createOnboardHandler, mountAt, toNodeListener, type FetchHandler } from '../src/server/index.ts';
import type { Simulator } from '../src/simulator/index.ts';
import { DEMO_PATH, demoControl } from './demo-control.ts';

/** Where the demo mounts its two servers on the Vite dev server. */
export const API_PATH = '/api';
export const PLATFORM_PATH = '/platform';

/**
 * Mounts the platform simulator at `/platform` and the reference backend at `/api` on Vite's dev server,
 * so one origin serves the page, the integrator's backend and "Codat".
 */
export function platformPlugin(
  simulator: Simulator,
  apiKey: string,
  beforeApi?: Connect.NextHandleFunction,
): Plugin {
  let api: FetchHandler | null = null;
  // The backend reaches the simulator over real HTTP through the official SDK; its URL is only known once
  // the server listens, so the handler is made on the first request, from that request's own origin.
  const backend: FetchHandler = (request) => {
    api ??= createOnboardHandler({
      apiKey,
      platformUrl: new URL(PLATFORM_PATH, request.url).href,
      basePath: API_PATH,
    });
    return api(request);
  };
  return {
    name: 'company-onboard:platform',
    configureServer(server) {
      server.middlewares.use(
        mountAt(
          PLATFORM_PATH,
          toNodeListener((request) => simulator.handle(request)),
        ),
      );
      // Tests put a fault proxy here: between the browser and the integrator's backend, on the same origin.
      if (beforeApi !== undefined) server.middlewares.use(API_PATH, beforeApi);
      server.middlewares.use(mountAt(API_PATH, toNodeListener(backend)));
      server.middlewares.use(
        mountAt(
          DEMO_PATH,
          toNodeListener((request) => demoControl(request, simulator, apiKey)),
        ),
      );
    },
  };
}
