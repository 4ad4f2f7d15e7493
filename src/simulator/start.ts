import { createServer } from 'node:http';
import { normaliseBasePath } from '../server/base-path.ts';
import { toNodeListener } from '../server/node.ts';
import type { SimulatorOptions } from './options.ts';
import { createSimulator, type Simulator } from './simulator.ts';

/** Where and how to run a simulator over HTTP. */
export interface StartSimulatorOptions extends SimulatorOptions {
  /** Port to listen on; `0` picks a free one. Default `0`. */
  port?: number;
  /** Interface to bind. Default `'127.0.0.1'` (loopback only: the simulator has no real security). */
  host?: string;
}

/** A simulator listening on HTTP. */
export interface RunningSimulator {
  /** Origin plus `basePath`, e.g. `http://127.0.0.1:4010`: use it as the SDK's `serverURL`. */
  url: string;
  simulator: Simulator;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

export async function startSimulator(options: StartSimulatorOptions = {}): Promise<RunningSimulator> {
  const { port = 0, host = '127.0.0.1', ...simulatorOptions } = options;
  const simulator = createSimulator(simulatorOptions);
  const server = createServer(toNodeListener((request) => simulator.handle(request)));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string')
    throw new Error('The simulator is not listening on TCP.');
  const hostForUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${hostForUrl}:${address.port}${normaliseBasePath(simulatorOptions.basePath ?? '')}`,
    simulator,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets (the SDK's fetch keeps them) would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}
