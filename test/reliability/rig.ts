import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createOnboardHandler,
  toNodeListener,
  type FetchHandler,
  type OnboardHandlerOptions,
} from '../../src/server/index.ts';
import { createSimulator, type Simulator, type SimulatorOptions } from '../../src/simulator/index.ts';

/** Handler options for a test: every caller is allowed unless the test says otherwise. */
type HandlerOptions = Partial<OnboardHandlerOptions>;

/** Serves a fetch handler on 127.0.0.1 (a free port). */
export async function serve(
  handler: FetchHandler,
): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  const server = createServer(toNodeListener(handler));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** One exchange as a client sees it: everything that could carry a secret. */
export interface Exchange {
  status: number;
  headers: [string, string][];
  body: string;
}

/**
 * The reference backend under `/api` in front of a simulator on loopback, both in this process, with every
 * log line and every answer the tests read kept for leak checks. `platform` is a proxy in front of the
 * simulator so tests may watch (or break) each platform call.
 */
export interface Rig {
  url: string;
  apiKey: string;
  simulator: Simulator;
  /** The reference server's `node:http` server (to watch its sockets). */
  server: Server;
  /** Where the reference server reaches the platform (the recording proxy in front of the simulator). */
  platformUrl: string;
  /** Platform calls the reference server made, `METHOD /path?query`. */
  platformCalls: string[];
  logs: string[];
  exchanges: Exchange[];
  /** `fetch` to `/api{path}`, recorded. */
  call(path: string, init?: RequestInit): Promise<Exchange & { json: Record<string, unknown> | null }>;
  close(): Promise<void>;
}

export async function startRig(options: {
  apiKey: string;
  handler?: HandlerOptions;
  simulator?: SimulatorOptions;
}): Promise<Rig> {
  const simulator = createSimulator({ apiKey: options.apiKey, ...options.simulator });
  const platformCalls: string[] = [];
  const platform = await serve((request) => {
    const url = new URL(request.url);
    platformCalls.push(`${request.method} ${url.pathname}${url.search}`);
    return simulator.handle(request);
  });
  const logs: string[] = [];
  const exchanges: Exchange[] = [];
  const backend = await serve(
    createOnboardHandler({
      apiKey: options.apiKey,
      platformUrl: platform.url,
      basePath: '/api',
      authorize: 'allow-everyone',
      log: (line) => logs.push(line),
      ...options.handler,
    }),
  );
  return {
    url: backend.url,
    apiKey: options.apiKey,
    platformUrl: platform.url,
    server: backend.server,
    simulator,
    platformCalls,
    logs,
    exchanges,
    async call(path, init) {
      const response = await fetch(`${backend.url}/api${path}`, init);
      const body = await response.text();
      const exchange = { status: response.status, headers: [...response.headers], body };
      exchanges.push(exchange);
      let json: Record<string, unknown> | null = null;
      try {
        json = body === '' ? null : (JSON.parse(body) as Record<string, unknown>);
      } catch {
        json = null;
      }
      return { ...exchange, json };
    },
    async close() {
      await backend.close();
      await platform.close();
    },
  };
}

/** A JSON POST, as the widget's adapter sends it. */
export function postJson(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  };
}

/** Every form a key could leak in: as is, base64 (Basic auth), base64url, URL-encoded, the whole header. */
export function secretForms(apiKey: string): string[] {
  const b64 = Buffer.from(apiKey).toString('base64');
  return [apiKey, b64, Buffer.from(apiKey).toString('base64url'), encodeURIComponent(apiKey), `Basic ${b64}`];
}
