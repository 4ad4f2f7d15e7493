import { createServer } from 'node:http';
import {
  createOnboardHandler,
  toNodeListener,
  type FetchHandler,
  type OnboardHandlerOptions,
} from '../../src/server/index.ts';
import type { StartSimulatorOptions } from '../../src/simulator/index.ts';
import { API_KEY, startTestSimulator, type TestSimulator } from '../simulator/harness.ts';

export { API_KEY } from '../simulator/harness.ts';

/** The API key in every form it could leak in. */
export const SECRET_FORMS = [API_KEY, Buffer.from(API_KEY).toString('base64')];

/** Serves `handler` on 127.0.0.1 with a free port. */
export async function listen(handler: FetchHandler): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(toNodeListener(handler));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('not listening on TCP');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** A port nothing listens on: bind one, then free it. */
export async function deadUrl(): Promise<string> {
  const server = await listen(() => Promise.resolve(new Response(null)));
  await server.close();
  return server.url;
}

/** The reference backend under `/api`, in front of a simulator it reaches through the official SDK. */
export interface TestBackend {
  /** Origin of the backend; its routes are under `/api`. */
  url: string;
  platform: TestSimulator;
  /** Every line the handler logged. */
  logs: string[];
  /** Every response body the tests read through {@link call}, for leak checks. */
  bodies: string[];
  /** Calls `/api{path}`; returns the status, headers and parsed JSON body (`null` when empty). */
  call(
    path: string,
    init?: RequestInit,
  ): Promise<{ status: number; headers: Headers; body: Record<string, unknown> | null }>;
  /** Creates a company through the backend; fails the test unless that succeeds. */
  createCompany(body?: Record<string, unknown>): Promise<{ id: string; redirect: string; name: string }>;
  close(): Promise<void>;
}

export async function startBackend(
  options: { handler?: OnboardHandlerOptions; simulator?: StartSimulatorOptions } = {},
): Promise<TestBackend> {
  const platform = await startTestSimulator(options.simulator);
  const logs: string[] = [];
  const bodies: string[] = [];
  const handler = createOnboardHandler({
    apiKey: API_KEY,
    platformUrl: platform.url,
    basePath: '/api',
    log: (line) => logs.push(line),
    ...options.handler,
  });
  const server = await listen(handler);
  const call: TestBackend['call'] = async (path, init = {}) => {
    const response = await fetch(`${server.url}/api${path}`, init);
    const text = await response.text();
    bodies.push(text);
    return {
      status: response.status,
      headers: response.headers,
      body: text === '' ? null : (JSON.parse(text) as Record<string, unknown>),
    };
  };
  return {
    url: server.url,
    platform,
    logs,
    bodies,
    call,
    async createCompany(body = { name: 'Acme Ltd' }) {
      const response = await call('/companies', postJson(body));
      if (response.status !== 200)
        throw new Error(`create failed: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body as { id: string; redirect: string; name: string };
    },
    async close() {
      await server.close();
      await platform.close();
    },
  };
}

/** A JSON POST, as the element's backend adapter sends it. */
export function postJson(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  };
}
