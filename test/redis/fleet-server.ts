/**
 * One reference-server process of the fleet (`fleet-rig.ts` starts several): the onboard handler under `/api`
 * and, with push on, Codat's webhooks (`redis-instance.ts`), every store on the one Redis. Configured by the
 * environment (FLEET_REDIS_URL, FLEET_PLATFORM_URL, FLEET_API_KEY, FLEET_WEBHOOK_SECRET, FLEET_PUSH=1|0).
 *
 * Talks to its parent over IPC: `{ready, port}` once listening, and `{cpu, system, gcMs}` (its own CPU time, and the
 * system part, in µs, from `process.cpuUsage()`; its GC pauses in ms) whenever asked with `'cpu'`.
 */
import { createServer } from 'node:http';
import { PerformanceObserver } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import { createClient } from '@redis/client';
import { toNodeListener } from '../../src/server/index.ts';
import { redisInstance } from './redis-instance.ts';

const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`fleet-server: ${name} is not set`);
  return value;
};

const redis = createClient({ url: env('FLEET_REDIS_URL') });
const subscriber = redis.duplicate();
for (const client of [redis, subscriber]) client.on('error', () => undefined); // commands fail instead
await Promise.all([redis.connect(), subscriber.connect()]);

const handler = redisInstance({
  apiKey: env('FLEET_API_KEY'),
  platformUrl: env('FLEET_PLATFORM_URL'),
  redis,
  subscriber,
  webhookSecret: env('FLEET_PUSH') === '1' ? env('FLEET_WEBHOOK_SECRET') : null,
});

const server = createServer(toNodeListener(handler));
server.listen(0, '127.0.0.1', () => {
  process.send?.({ ready: true, port: (server.address() as AddressInfo).port });
});
/** Time spent in garbage collection pauses (ms): to see what of the CPU is the heap's upkeep. */
let gcMs = 0;
new PerformanceObserver((entries) => {
  for (const entry of entries.getEntries()) gcMs += entry.duration;
}).observe({ entryTypes: ['gc'] });

process.on('message', (message) => {
  if (message === 'cpu') {
    const { user, system } = process.cpuUsage();
    process.send?.({ cpu: user + system, system, gcMs });
  }
});
// Stopped: exit normally, so a CPU profile asked for (FLEET_CPU_PROF) is written.
process.on('SIGTERM', () => process.exit(0));
// The parent went away: so does this process.
process.on('disconnect', () => process.exit(0));
