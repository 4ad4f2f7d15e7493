import { fileURLToPath } from 'node:url';
import { createServer, type Connect } from 'vite';
import { createSimulator, type Simulator, type SimulatorOptions } from '../src/simulator/index.ts';
import { DEMO_WEBHOOK_SECRET, PLATFORM_PATH, WEBHOOKS_PATH, platformPlugin } from './platform-plugin.ts';

export interface DemoOptions {
  /** Port to listen on; `0` picks a free one. Default 5173 (the next free one if taken). */
  readonly port?: number;
  /** How long the simulated first sync takes. Default 4000 ms. */
  readonly syncDurationMs?: number;
  readonly simulator?: Omit<SimulatorOptions, 'basePath' | 'redirectUrlTemplate' | 'apiKey'>;
  /** Middleware in front of the reference backend at `/api` (under that prefix): tests inject faults here. */
  readonly beforeApi?: Connect.NextHandleFunction;
  /** Whether the simulator sends its webhooks to the backend, which pushes them to browsers. Default true. */
  readonly webhooks?: boolean;
}

export interface RunningDemo {
  /** The sign-up demo page. */
  readonly url: string;
  readonly simulator: Simulator;
  close(): Promise<void>;
}

const API_KEY = 'demo-api-key';

/**
 * Hosted Link sends the user back here. A relative template is resolved against the demo's origin; every
 * reserved parameter Codat fills is listed, and `{state}` round-trips the element's nonce.
 */
export const REDIRECT_TEMPLATE =
  '/callback.html?statusCode={statusCode}&errorMessage={errorMessage}&companyId={companyId}&connectionId={connectionId}' +
  '&platform={platform}&platformName={platformName}&sourceType={sourceType}&state={state}';

/** Starts the demo: one Vite dev server on 127.0.0.1 with the simulator and the reference backend mounted. */
export async function startDemo(options: DemoOptions = {}): Promise<RunningDemo> {
  const simulator = createSimulator({
    ...options.simulator,
    apiKey: API_KEY,
    basePath: PLATFORM_PATH,
    redirectUrlTemplate: REDIRECT_TEMPLATE,
    syncDurationMs: options.syncDurationMs ?? 4000,
  });
  const port = options.port ?? 5173;
  const server = await createServer({
    configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
    root: fileURLToPath(new URL('.', import.meta.url)),
    plugins: [platformPlugin(simulator, API_KEY, options.beforeApi)],
    server: { host: '127.0.0.1', port, strictPort: port === 0, hmr: false },
    logLevel: 'warn',
    clearScreen: false,
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (address === null || address === undefined || typeof address === 'string') {
    throw new Error('The demo server is not listening on TCP.');
  }
  const url = `http://127.0.0.1:${address.port}/`;
  if (options.webhooks ?? true) {
    simulator.webhooks.add({ url: new URL(WEBHOOKS_PATH, url).href, secret: DEMO_WEBHOOK_SECRET });
  }
  return {
    url,
    simulator,
    close: async () => {
      simulator.webhooks.clear();
      // Event streams never end by themselves: end them, or closing would wait for them.
      const http = server.httpServer;
      if (http !== null && 'closeAllConnections' in http) http.closeAllConnections();
      await server.close();
    },
  };
}
