import type { AddressInfo } from 'node:net';
import type { Connect, Plugin, ViteDevServer } from 'vite';
import {
  createMemoryPubSub,
  createOnboardHandler,
  createWebhookHandler,
  mountAt,
  toNodeListener,
  type FetchHandler,
} from '../src/server/index.ts';
import type { Simulator } from '../src/simulator/index.ts';
import { DEMO_PATH, demoControl } from './demo-control.ts';

/** Where the demo mounts its two servers on the Vite dev server. */
export const API_PATH = '/api';
export const PLATFORM_PATH = '/platform';
/** Where the integrator's backend takes Codat's webhooks (the simulator's, here). */
export const WEBHOOKS_PATH = '/webhooks/codat';
/** The demo's webhook signing secret: the simulator signs with it, the backend checks it. */
export const DEMO_WEBHOOK_SECRET = `whsec_${Buffer.from('company-onboard demo webhooks!!!').toString('base64')}`;

/**
 * Mounts the platform simulator at `/platform` and the reference backend at `/api` on Vite's dev server,
 * so one origin serves the page, the integrator's backend and "Codat".
 */
export function platformPlugin(
  simulator: Simulator,
  apiKey: string,
  beforeApi?: Connect.NextHandleFunction,
): Plugin {
  return {
    name: 'company-onboard:platform',
    configureServer(server) {
      // The backend reaches the simulator over real HTTP through the official SDK. Its URL comes from the
      // address the server listens on, never from a request's Host header, which would let the first
      // caller point the API key at a host of their choosing. It is known once listening, so read lazily.
      let platformUrl: string | undefined;
      const platform = (): string => (platformUrl ??= `${listeningOrigin(server)}${PLATFORM_PATH}`);
      let api: FetchHandler | undefined;
      // Webhooks in, news out: what the webhook handler publishes, each company's event stream sends.
      const pubsub = createMemoryPubSub();
      const backend: FetchHandler = (request) => {
        api ??= createOnboardHandler({
          apiKey,
          platformUrl: platform(),
          basePath: API_PATH,
          pubsub,
          // The demo has no users, so everyone may do everything. Never do this in production: pass a hook
          // that checks the signed-in user owns the company.
          authorize: 'allow-everyone',
        });
        return api(request);
      };
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
        mountAt(WEBHOOKS_PATH, toNodeListener(createWebhookHandler({ secret: DEMO_WEBHOOK_SECRET, pubsub }))),
      );
      server.middlewares.use(
        mountAt(
          DEMO_PATH,
          toNodeListener((request) => demoControl(request, simulator, apiKey, platform())),
        ),
      );
      // One origin for the whole demo: Link URLs, the callback and the saved journey all live on the listening
      // address, so a page opened as `localhost` is sent there (it would otherwise refuse its own Link URLs). Pages
      // only: the API, the platform and the demo's controls above answer (or refuse) whatever the Host.
      server.middlewares.use((req, res, next) => {
        const canonical = listeningOrigin(server);
        if ((req.method === 'GET' || req.method === 'HEAD') && `http://${req.headers.host}` !== canonical) {
          res.writeHead(307, { location: `${canonical}${req.url ?? '/'}` }).end();
          return;
        }
        next();
      });
    },
  };
}

/** `http://{address}:{port}` of the listening dev server; a wildcard address is reached on loopback. */
function listeningOrigin(server: ViteDevServer): string {
  const address = server.httpServer?.address();
  if (address === null || address === undefined || typeof address === 'string') {
    throw new Error('The demo server is not listening on TCP.');
  }
  return `http://${hostOf(address)}:${address.port}`;
}

function hostOf({ address, family }: AddressInfo): string {
  if (address === '0.0.0.0') return '127.0.0.1';
  if (family !== 'IPv6') return address;
  return address === '::' ? '[::1]' : `[${address}]`;
}
