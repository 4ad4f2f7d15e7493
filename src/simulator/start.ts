import { createServer } from 'node:http';
import { normaliseBasePath } from '../server/base-path.ts';
import { toNodeListener } from '../server/node.ts';
import { hostNameOf, isLoopbackName } from './host-check.ts';
import type { SimulatorOptions } from './options.ts';
import { createSimulator, type Simulator } from './simulator.ts';

/** Where and how to run a simulator over HTTP. */
export interface StartSimulatorOptions extends SimulatorOptions {
  /** Port to listen on; `0` picks a free one. Default `0`. */
  port?: number;
  /**
   * Interface to bind. Default `'127.0.0.1'` (loopback only: the simulator has no real security). Any other
   * address (`'0.0.0.0'`, `'::'`, `'192.168.1.5'`) makes `startSimulator` throw unless `exposeToNetwork`
   * is `true`.
   */
  host?: string;
  /**
   * Lets `host` be an address other machines can reach. Anyone on that network can then create, read and
   * delete companies with the (well-known) API key and drive the simulator through its unauthenticated
   * control API, so one warning line is printed with `console.warn`. The bound `host` itself is answered as a
   * `Host` (see `allowedHosts`) unless it is a wildcard (`0.0.0.0`, `::`): list the names or addresses
   * clients use in `allowedHosts`. Default `false`.
   */
  exposeToNetwork?: boolean;
}

/** A simulator listening on HTTP. */
export interface RunningSimulator {
  /** Origin plus `basePath`, e.g. `http://127.0.0.1:4010`: use it as the SDK's `serverURL`. */
  url: string;
  simulator: Simulator;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

/**
 * Runs a simulator on HTTP, on loopback unless told otherwise (see {@link StartSimulatorOptions.host}).
 * Throws before listening when `host` is not loopback and `exposeToNetwork` is not `true`.
 */
export async function startSimulator(options: StartSimulatorOptions = {}): Promise<RunningSimulator> {
  const { port = 0, host = '127.0.0.1', exposeToNetwork = false, ...simulatorOptions } = options;
  const exposed = exposedHost(host, exposeToNetwork);
  const simulator = createSimulator(
    exposed === undefined
      ? simulatorOptions
      : { ...simulatorOptions, allowedHosts: [...(simulatorOptions.allowedHosts ?? []), ...exposed] },
  );
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

/**
 * `undefined` when `host` is loopback; otherwise, when the caller opted in, the hosts to answer besides
 * `allowedHosts` (the bound one unless it is a wildcard), after one warning. Throws when they did not.
 */
function exposedHost(host: string, exposeToNetwork: boolean): string[] | undefined {
  const name = hostNameOf(host);
  if (name === undefined)
    throw new TypeError(`startSimulator: host ${JSON.stringify(host)} is not an address.`);
  if (isLoopbackName(name)) return undefined;
  if (!exposeToNetwork) {
    throw new Error(
      `startSimulator: host ${JSON.stringify(host)} would expose the simulator to the network, and it has no ` +
        'real security: anyone who reaches it can read and change every company and drive its control API. ' +
        "Bind '127.0.0.1' (the default), or pass exposeToNetwork: true if that is what you want.",
    );
  }
  console.warn(
    `Codat simulator: listening on ${host}, exposed to the network. It has no real security: anyone who can ` +
      'reach it can read and change every company and drive it through /_simulator.',
  );
  return name === '0.0.0.0' || name === '[::]' ? [] : [host];
}
