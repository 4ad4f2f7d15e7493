/**
 * A real Redis for tests: Debian's `redis-server` on a free loopback port, no persistence, started by the test
 * and stopped with this process. `npm test` finds it (installing Debian's package when missing, as root) and
 * says where in `REDIS_SERVER` (scripts/find-redis.mjs).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { createClient } from '@redis/client';

/** A client as `createClient()` makes it. */
export type Client = ReturnType<typeof newClient>;
const newClient = (url: string) => createClient({ url, socket: { reconnectStrategy: false } });

export interface TestRedis {
  readonly url: string;
  readonly port: number;
  /** A connected client; closed with the server. */
  client(): Promise<Client>;
  /** A connected client for listening (pub/sub takes a connection of its own); closed with the server. */
  subscriber(): Promise<Client>;
  /** Stops the server abruptly (as a crash would): clients see it go down. */
  kill(): Promise<void>;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export async function startRedis(): Promise<TestRedis> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.env['REDIS_SERVER'] ?? 'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.once('error', (error) =>
      reject(
        new Error(
          `redis-server did not start (${error.message}): install it with apt-get install redis-server`,
        ),
      ),
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${output}`)));
  });
  // It must not keep this process alive: it is killed when the process exits (see close()).
  child.stdout?.destroy();
  child.stderr?.destroy();
  child.unref();
  const clients: Client[] = [];
  const url = `redis://127.0.0.1:${port}`;
  const stop = async (signal: NodeJS.Signals): Promise<void> => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  };
  const connected = async (): Promise<Client> => {
    const client = newClient(url);
    client.on('error', () => undefined); // a test that kills the server sees failed commands instead
    await client.connect();
    clients.push(client);
    return client;
  };
  return {
    url,
    port,
    client: connected,
    subscriber: connected,
    kill: () => stop('SIGKILL'),
    async close() {
      // Clients go now; the server when this process exits: stopped while a client's socket lingers (node-redis
      // keeps one after a subscription), that socket would report the loss as an uncaught error.
      await Promise.allSettled(clients.map((client) => client.close()));
      process.once('exit', () => child.kill('SIGKILL'));
    },
  };
}
