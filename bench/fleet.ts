/**
 * `npm run bench:fleet`: the reference server as a fleet (`test/redis/fleet-rig.ts`): server processes on one
 * Redis (Debian's redis-server, started here) behind a round-robin proxy on loopback, the simulator failing a
 * share of platform calls and sending its signed webhooks through the proxy, and many concurrent onboardings,
 * each the element's own journey runner, fetch adapter and push client.
 *
 * Four runs:
 *   1. push on,  3 processes, one killed and restarted mid-run: journeys lost, duplicates, requests, delay;
 *   2. push off, 3 processes, one killed and restarted mid-run: the same journeys, by polling;
 *   3. push on,  1 process  } server CPU per journey, 1 process against 3, after 30 warm-up journeys per
 *   4. push on,  3 processes }   process (compiling the hot paths is a cost per process, not per journey);
 *                                 nothing killed (a restart's start-up is not the journeys' work either)
 * Exits 1 when a journey is lost or a company duplicated.
 *
 * Knobs (environment): JOURNEYS (default 500), SYNC_MS (120000), SERVERS (3), FAULT_RATE (0.04),
 * FORCED_CREATE_DROPS (5), RETRIES (5 "Try again" presses), SEED (random), RUNS (default `1,2,3,4`),
 * WARM_UP (30 journeys per process before runs 3 and 4), FLEET_CPU_PROF (a directory: each server process
 * writes a V8 CPU profile there when it stops).
 */
import { findRedis } from '../scripts/find-redis.mjs';
import { formatFleetReport, runFleet, type FleetOptions, type FleetReport } from '../test/redis/fleet-rig.ts';
import { startRedis } from '../test/redis/redis-server.ts';

const number = (name: string, fallback: number): number => {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number ≥ 0, not ${raw}`);
  return value;
};

process.env['REDIS_SERVER'] = findRedis();
const redis = await startRedis();
const servers = Math.max(2, Math.round(number('SERVERS', 3)));
const base: Omit<FleetOptions, 'servers' | 'push' | 'kill'> = {
  journeys: Math.max(1, Math.round(number('JOURNEYS', 500))),
  syncMs: number('SYNC_MS', 120_000),
  faultRate: Math.min(1, number('FAULT_RATE', 0.04)),
  forcedCreateDrops: Math.round(number('FORCED_CREATE_DROPS', 5)),
  maxUserRetries: Math.round(number('RETRIES', 5)),
  timeLimitMs: number('SYNC_MS', 120_000) + 240_000,
  seed: Math.round(number('SEED', Math.floor(Math.random() * 1_000_000))),
  redisUrl: redis.url,
};
const warmUpJourneysPerServer = Math.round(number('WARM_UP', 30));
const runs = new Set((process.env['RUNS'] ?? '1,2,3,4').split(',').map((run) => run.trim()));

console.log(
  `bench:fleet — ${base.journeys} concurrent journeys, a ${base.syncMs / 1000}-second sync, ` +
    `${(base.faultRate * 100).toFixed(1)} % platform faults, on 127.0.0.1 (${redis.url})\n`,
);
const reports = new Map<string, FleetReport>();
const run = async (
  id: string,
  title: string,
  options: Pick<FleetOptions, 'servers' | 'push' | 'kill' | 'warmUpJourneysPerServer'>,
) => {
  if (!runs.has(id)) return;
  console.log(`── run ${id}: ${title}`);
  const report = await runFleet({ ...base, ...options });
  console.log(`${formatFleetReport(report)}\n`);
  reports.set(id, report);
};
try {
  await run('1', `push on, ${servers} processes, one killed mid-run`, { servers, push: true, kill: true });
  await run('2', `push off, ${servers} processes, one killed mid-run`, { servers, push: false, kill: true });
  await run('3', 'push on, 1 process (CPU per journey)', {
    servers: 1,
    push: true,
    kill: false,
    warmUpJourneysPerServer,
  });
  await run('4', `push on, ${servers} processes (CPU per journey)`, {
    servers,
    push: true,
    kill: false,
    warmUpJourneysPerServer,
  });
} finally {
  await redis.close();
}

// The summary, against the targets.
const lines: string[] = [];
const target = (label: string, measured: string, met: boolean): void => {
  lines.push(`  ${met ? 'met ' : 'MISS'}  ${label.padEnd(58)} ${measured}`);
};
for (const [id, report] of reports) {
  target(
    `run ${id}: journeys lost, duplicate companies (target 0, 0)`,
    `${report.lost.length}, ${report.duplicateNames.length}`,
    report.lost.length === 0 && report.duplicateNames.length === 0 && report.companies === report.journeys,
  );
}
const pushed = reports.get('1');
const polled = reports.get('2');
if (pushed !== undefined) {
  const reads = pushed.dataStatusReadings;
  target(
    'push: data-status readings per browser (target ≤ 3)',
    `median ${reads.p50}, p99 ${reads.p99}, max ${reads.max}`,
    reads.p50 <= 3,
  );
  target(
    'push: sync end → complete, median (target ≤ 0.5 s)',
    `${(pushed.syncToComplete.p50 / 1000).toFixed(2)} s (p99 ${(pushed.syncToComplete.p99 / 1000).toFixed(2)} s)`,
    pushed.syncToComplete.p50 <= 500,
  );
}
if (polled !== undefined) {
  lines.push(
    `        push off: data-status readings per browser              median ${polled.dataStatusReadings.p50}, ` +
      `p99 ${polled.dataStatusReadings.p99}; sync end → complete median ${(polled.syncToComplete.p50 / 1000).toFixed(2)} s`,
  );
}
const one = reports.get('3');
const three = reports.get('4');
if (one !== undefined && three !== undefined) {
  const ratio = three.serverCpuMsPerJourney / one.serverCpuMsPerJourney;
  target(
    `server CPU per journey, ${servers} processes ÷ 1 (target within 15 %)`,
    `${three.serverCpuMsPerJourney.toFixed(1)} ms ÷ ${one.serverCpuMsPerJourney.toFixed(1)} ms = ${ratio.toFixed(2)}`,
    Math.abs(ratio - 1) <= 0.15,
  );
  lines.push(
    `        warm-up (${warmUpJourneysPerServer} journeys per process): ${(one.warmUpCpuMs / 1000).toFixed(2)} s on 1 process, ` +
      `${(three.warmUpCpuMs / 1000).toFixed(2)} s on ${servers}`,
  );
}
console.log(`summary (seed ${base.seed}):\n${lines.join('\n')}`);
const broken = [...reports.values()].some(
  (report) =>
    report.lost.length > 0 || report.duplicateNames.length > 0 || report.companies !== report.journeys,
);
if (broken) {
  console.error(`\nFAILED: journeys lost or companies duplicated (replay with SEED=${base.seed})`);
  process.exitCode = 1;
}
