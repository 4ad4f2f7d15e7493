/**
 * A fleet on loopback: reference-server processes (`fleet-server.ts`) on one Redis behind a round-robin proxy,
 * the simulator (faults on) sending its signed webhooks through the proxy, and many concurrent onboardings, each
 * the element's journey runner with the widget's own fetch adapter, push client included (see `load-rig.ts`).
 * Mid-run, once half the journeys follow their sync, one server process is killed and another started.
 *
 * Counted as a browser sees it: data-status readings and requests per journey, each request's latency to its
 * answer's headers (queueing included), and the delay from the sync finishing on the platform to `complete`.
 * Server CPU is each process's own `process.cpuUsage()`, from listening to the end.
 *
 * Used by `test/redis/fleet-bench.test.ts` (small) and `bench/fleet.ts` (`npm run bench:fleet`, full figures).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createFetchBackend, type OnboardBackend } from '../../src/backend/index.ts';
import { createSimulator, SyncScenario, type Simulator } from '../../src/simulator/index.ts';
import { serve } from '../reliability/rig.ts';
import {
  faultyPlatform,
  Journey,
  LINK_REDIRECT_TEMPLATE,
  lostJourneys,
  percentiles,
  type FaultKind,
  type JourneyEnvironment,
  type Percentiles,
} from '../reliability/load-rig.ts';
import { WEBHOOK_SECRET } from '../server/webhook-signing.ts';
import { WEBHOOK_PATH } from './redis-instance.ts';
import { startRoundRobinProxy } from './round-robin-proxy.ts';

const API_KEY = 'fleet-rig-5e0c2b7d-key';
const SERVER_ENTRY = fileURLToPath(new URL('./fleet-server.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface FleetOptions {
  /** Reference-server processes behind the proxy. */
  servers: number;
  /** Onboardings, all started at once. */
  journeys: number;
  /** Webhooks to the fleet and event streams to the browsers; off: the servers offer no stream, browsers poll. */
  push: boolean;
  /** Kill one server process (SIGKILL) once half the journeys follow their sync, and start another. */
  kill: boolean;
  /** How long each first sync takes. */
  syncMs: number;
  /** Share of platform API calls that fail, and creates whose answer is lost after the company was made. */
  faultRate: number;
  forcedCreateDrops: number;
  /** "Try again" presses a user makes per journey before giving up. */
  maxUserRetries: number;
  /** Past it, unfinished journeys count as lost. */
  timeLimitMs: number;
  seed: number;
  /** The one Redis the fleet shares. */
  redisUrl: string;
  /**
   * Journeys per server process run (with a short sync) before the measured ones, so each process has compiled
   * its hot paths: server CPU is then measured from their end. Default 0: from each process listening.
   */
  warmUpJourneysPerServer?: number;
}

export interface FleetReport {
  options: FleetOptions;
  wallMs: number;
  timedOut: boolean;
  journeys: number;
  completed: number;
  lost: { name: string; state: string; error: string | null }[];
  /** Companies on the platform, and names held by more than one. */
  companies: number;
  duplicateNames: string[];
  /** Per journey: the runner's data-status readings, and the HTTP requests for them (retries included). */
  dataStatusReadings: Percentiles & { mean: number };
  dataStatusRequests: Percentiles & { mean: number };
  /** Per completed journey, from its sync finishing on the platform to `complete`, in ms. */
  syncToComplete: Percentiles;
  /** Per request as the client saw it, to its answer's headers, in ms, by route. */
  client: { all: Percentiles; byRoute: Record<string, Percentiles>; statuses: Record<string, number> };
  /**
   * CPU time of the server processes while serving the measured journeys (start-up, and warm-up when asked,
   * excluded), in ms, and per completed journey.
   */
  serverCpuMs: number;
  /** Of `serverCpuMs`, the time in the kernel (system calls: sockets, wake-ups). */
  serverSystemCpuMs: number;
  /** Garbage-collection pauses over the same time, all processes together, in ms. */
  serverGcMs: number;
  /** CPU time the warm-up journeys took, all processes together, in ms (0 without warm-up). */
  warmUpCpuMs: number;
  serverCpuMsPerJourney: number;
  killed: { atMs: number; restartedAfterMs: number } | null;
  webhooks: { attempts: number; failed: number };
  platform: { calls: number; faults: Record<FaultKind, number> };
}

/** A server process of the fleet, with its last CPU reading. */
interface ServerProcess {
  readonly child: ChildProcess;
  readonly port: number;
  /** Its CPU reading at listening (after warm-up, when asked), and the latest. */
  start: CpuReading;
  last: CpuReading;
}

async function startServer(options: FleetOptions, platformUrl: string): Promise<ServerProcess> {
  const child = fork(SERVER_ENTRY, [], {
    cwd: ROOT,
    // FLEET_CPU_PROF=<dir>: each process writes a V8 CPU profile there when it stops.
    execArgv: [
      '--import',
      'tsx',
      ...(process.env['FLEET_CPU_PROF']
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env['FLEET_CPU_PROF']}`]
        : []),
    ],
    env: {
      ...process.env,
      FLEET_REDIS_URL: options.redisUrl,
      FLEET_PLATFORM_URL: platformUrl,
      FLEET_API_KEY: API_KEY,
      FLEET_WEBHOOK_SECRET: WEBHOOK_SECRET,
      FLEET_PUSH: options.push ? '1' : '0',
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`a fleet server exited (${code}) before listening`)));
    child.on('message', (message: { ready?: boolean; port?: number }) => {
      if (message.ready === true && typeof message.port === 'number') resolve(message.port);
    });
  });
  const start = await cpuOf(child);
  const server: ServerProcess = { child, port, start, last: start };
  child.on('message', (message: Partial<CpuReading>) => {
    const reading = readingOf(message);
    if (reading !== null) server.last = reading;
  });
  return server;
}

/** A process's CPU time and its system part (µs), and its GC pauses (ms), so far. */
interface CpuReading {
  cpu: number;
  system: number;
  gcMs: number;
}

const readingOf = ({ cpu, system, gcMs }: Partial<CpuReading>): CpuReading | null =>
  typeof cpu === 'number' && typeof system === 'number' && typeof gcMs === 'number'
    ? { cpu, system, gcMs }
    : null;

/** The process's CPU reading, asked over IPC. */
function cpuOf(child: ChildProcess): Promise<CpuReading> {
  return new Promise((resolve) => {
    const listener = (message: Partial<CpuReading>): void => {
      const reading = readingOf(message);
      if (reading === null) return;
      child.off('message', listener);
      resolve(reading);
    };
    child.on('message', listener);
    child.send('cpu');
  });
}

const stopServer = async ({ child }: ServerProcess, signal: NodeJS.Signals): Promise<void> => {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
};

/** The route a request is for, ids folded. */
const routeOf = (method: string, url: string): string =>
  `${method} ${new URL(url).pathname.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/gi, '{id}')}`;

const withMean = (values: readonly number[]): Percentiles & { mean: number } => ({
  ...percentiles(values),
  mean: values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length),
});

/**
 * Runs `warmUpJourneysPerServer` journeys per process through the fleet (1-second syncs), then takes each
 * process's CPU time as its start. Returns the CPU the warm-up took (µs).
 */
async function warmUp(
  options: FleetOptions,
  servers: readonly ServerProcess[],
  env: JourneyEnvironment,
  {
    backend,
    simulator,
    name,
  }: { backend: OnboardBackend; simulator: Simulator; name: (i: number) => string },
): Promise<number> {
  const count = (options.warmUpJourneysPerServer ?? 0) * servers.length;
  if (count === 0) return 0;
  const journeys = Array.from({ length: count }, (_, i) => new Journey(name(i), env, backend));
  for (const journey of journeys) {
    let fast = false;
    journey.runner.subscribe(({ context }) => {
      if (fast || context.companyId === null) return;
      fast = simulator.setScenario(context.companyId, SyncScenario.Fast);
    });
    journey.start();
  }
  await Promise.all(journeys.map((journey) => journey.finished));
  let used = 0;
  for (const server of servers) {
    const now = await cpuOf(server.child);
    used += now.cpu - server.start.cpu;
    server.start = now;
  }
  return used;
}

export async function runFleet(options: FleetOptions): Promise<FleetReport> {
  const simulator = createSimulator({
    apiKey: API_KEY,
    scenario: SyncScenario.Slow,
    slowSyncDurationMs: options.syncMs,
    fastSyncDurationMs: 500, // the warm-up's
    redirectUrlTemplate: LINK_REDIRECT_TEMPLATE,
  });
  const faulty = faultyPlatform(simulator, options);
  const platform = await serve(faulty.handle);
  const servers = await Promise.all(
    Array.from({ length: options.servers }, () => startServer(options, platform.url)),
  );
  const proxy = await startRoundRobinProxy(servers.map((server) => server.port));
  if (options.push) simulator.webhooks.add({ url: `${proxy.url}${WEBHOOK_PATH}`, secret: WEBHOOK_SECRET });
  const sampling = setInterval(
    () => servers.forEach((server) => server.child.send('cpu', () => undefined)),
    250,
  );

  // Every request as the browser sees it.
  const latencies = new Map<string, number[]>();
  const statuses: Record<string, number> = {};
  const perJourney = new Map<Journey, { readings: number; requests: number }>();
  const backendFor = (counts: { readings: number; requests: number }): OnboardBackend => {
    const timed: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      const route = routeOf(request.method, request.url);
      if (route.endsWith('/data-status')) counts.requests += 1;
      const started = performance.now();
      try {
        const response = await fetch(request);
        statuses[response.status] = (statuses[response.status] ?? 0) + 1;
        return response;
      } finally {
        const list = latencies.get(route) ?? [];
        list.push(performance.now() - started);
        latencies.set(route, list);
      }
    };
    const backend = createFetchBackend({ baseUrl: `${proxy.url}/api`, fetch: timed });
    return {
      ...backend,
      getDataStatus: (companyId, requestOptions) => {
        counts.readings += 1;
        return backend.getDataStatus(companyId, requestOptions);
      },
    };
  };

  const env = {
    linkOrigins: [platform.url],
    polling: {}, // the element's own pace
    maxUserRetries: options.maxUserRetries,
    deadline: Date.now() + options.timeLimitMs,
  };
  const run = randomUUID().slice(0, 8);
  const warmUpCpuUs = await warmUp(options, servers, env, {
    backend: createFetchBackend({ baseUrl: `${proxy.url}/api` }),
    simulator,
    name: (i) => `Warm-up ${run} ${i + 1} Ltd`,
  });
  const started = performance.now();
  const journeys = Array.from({ length: options.journeys }, (_, i) => {
    const counts = { readings: 0, requests: 0 };
    const journey = new Journey(
      `Fleet ${run} ${String(i + 1).padStart(4, '0')} Ltd`,
      env,
      backendFor(counts),
    );
    perJourney.set(journey, counts);
    return journey;
  });

  // Once half the journeys follow their sync (or are done), one process dies and another takes its place.
  let killed: FleetReport['killed'] = null;
  const retired: ServerProcess[] = [];
  let dying: Promise<void> = Promise.resolve();
  const watchForKill = setInterval(() => {
    const following = journeys.filter((j) => ['syncing', 'complete'].includes(j.snapshot.state)).length;
    if (!options.kill || killed !== null || following < journeys.length / 2) return;
    clearInterval(watchForKill);
    const victim = servers[0];
    if (victim === undefined) return;
    const atMs = performance.now() - started;
    killed = { atMs, restartedAfterMs: 0 };
    const record = killed;
    dying = (async () => {
      servers.splice(0, 1);
      proxy.setUpstreams(servers.map((server) => server.port));
      await stopServer(victim, 'SIGKILL');
      const replacement = await startServer(options, platform.url);
      servers.push(replacement);
      proxy.setUpstreams(servers.map((server) => server.port));
      record.restartedAfterMs = performance.now() - started - atMs;
    })();
    retired.push(victim); // its CPU until its last reading counts
  }, 50);

  let timedOut = false;
  const stopAll = (): void => journeys.forEach((journey) => journey.stop());
  const limit = setTimeout(() => {
    timedOut = true;
    stopAll();
  }, options.timeLimitMs);
  let serverCpuUs = 0;
  let serverSystemUs = 0;
  let serverGcMs = 0;
  try {
    for (const journey of journeys) journey.start();
    await Promise.all(journeys.map((journey) => journey.finished));
    await dying;
  } finally {
    clearTimeout(limit);
    clearInterval(watchForKill);
    clearInterval(sampling);
    stopAll();
    for (const server of servers) server.last = await cpuOf(server.child);
    for (const { start, last } of [...servers, ...retired]) {
      serverCpuUs += last.cpu - start.cpu;
      serverSystemUs += last.system - start.system;
      serverGcMs += last.gcMs - start.gcMs;
    }
    await Promise.all(servers.map((server) => stopServer(server, 'SIGTERM')));
    await proxy.close();
    simulator.webhooks.clear();
    await platform.close();
  }
  const wallMs = performance.now() - started;

  const everyCompany = simulator.listCompanies();
  const companies = everyCompany.filter((company) => !company.name.startsWith('Warm-up'));
  const byName = new Map<string, number>();
  for (const company of everyCompany) byName.set(company.name, (byName.get(company.name) ?? 0) + 1);
  const completed = journeys.filter((j) => j.snapshot.state === 'complete');
  const delays = completed.flatMap((journey) => {
    const lastSync = companies.find((c) => c.id === journey.snapshot.context.companyId)?.lastSync;
    return typeof lastSync === 'string' && journey.completedAt !== null
      ? [journey.completedAt - Date.parse(lastSync)]
      : [];
  });
  const counts = [...perJourney.values()];
  const attempts = simulator.webhooks.attempts();
  return {
    options,
    wallMs,
    timedOut,
    journeys: journeys.length,
    completed: completed.length,
    lost: lostJourneys(journeys),
    companies: companies.length,
    duplicateNames: [...byName].filter(([, count]) => count > 1).map(([name]) => name),
    dataStatusReadings: withMean(counts.map((c) => c.readings)),
    dataStatusRequests: withMean(counts.map((c) => c.requests)),
    syncToComplete: percentiles(delays),
    client: {
      all: percentiles([...latencies.values()].flat()),
      byRoute: Object.fromEntries([...latencies].sort().map(([route, list]) => [route, percentiles(list)])),
      statuses,
    },
    serverCpuMs: serverCpuUs / 1000,
    serverSystemCpuMs: serverSystemUs / 1000,
    serverGcMs,
    warmUpCpuMs: warmUpCpuUs / 1000,
    serverCpuMsPerJourney: serverCpuUs / 1000 / Math.max(1, completed.length),
    killed,
    webhooks: {
      attempts: attempts.length,
      failed: attempts.filter((a) => a.status < 200 || a.status > 299).length,
    },
    platform: { calls: faulty.calls(), faults: faulty.faults },
  };
}

/** The report as a few readable lines. */
export function formatFleetReport(report: FleetReport): string {
  const ms = (n: number): string => `${n.toFixed(0)} ms`;
  const row = (label: string, p: Percentiles): string =>
    `  ${label.padEnd(40)} ${String(p.count).padStart(6)}  p50 ${ms(p.p50).padStart(8)}  p95 ${ms(p.p95).padStart(8)}  p99 ${ms(p.p99).padStart(8)}  max ${ms(p.max).padStart(8)}`;
  const per = (p: Percentiles & { mean: number }): string =>
    `median ${p.p50}, mean ${p.mean.toFixed(2)}, p99 ${p.p99}, max ${p.max}`;
  const o = report.options;
  const faults = Object.values(report.platform.faults).reduce((a, b) => a + b, 0);
  return [
    `fleet                ${o.servers} server process${o.servers === 1 ? '' : 'es'}, push ${o.push ? 'on' : 'off'}, ${o.journeys} concurrent journeys, sync ${o.syncMs / 1000} s, seed ${o.seed}`,
    `completed            ${report.completed} / ${report.journeys}   lost ${report.lost.length}${report.timedOut ? '   (TIME LIMIT REACHED)' : ''}`,
    `companies            ${report.companies} on the platform, duplicates ${report.duplicateNames.length}`,
    `killed               ${report.killed === null ? 'none' : `one process at ${(report.killed.atMs / 1000).toFixed(1)} s, its replacement listening ${(report.killed.restartedAfterMs / 1000).toFixed(1)} s later`}`,
    `platform faults      ${faults} of ${report.platform.calls} calls: ${Object.entries(
      report.platform.faults,
    )
      .map(([kind, count]) => `${kind} ${count}`)
      .join(', ')}`,
    `webhooks             ${report.webhooks.attempts} deliveries, ${report.webhooks.failed} failed (retried)`,
    `data-status reads    per journey: ${per(report.dataStatusReadings)}`,
    `  HTTP requests      per journey (retries included): ${per(report.dataStatusRequests)}`,
    `sync end → complete  median ${ms(report.syncToComplete.p50)}, p99 ${ms(report.syncToComplete.p99)}, max ${ms(report.syncToComplete.max)}`,
    `client latency (to the answer's headers, queueing included), statuses ${Object.entries(
      report.client.statuses,
    )
      .map(([status, count]) => `${status}×${count}`)
      .join(' ')}:`,
    row('all requests', report.client.all),
    ...Object.entries(report.client.byRoute).map(([route, p]) => row(route, p)),
    `server CPU           ${(report.serverCpuMs / 1000).toFixed(2)} s (${((report.serverCpuMs - report.serverSystemCpuMs) / 1000).toFixed(2)} user, ${(report.serverSystemCpuMs / 1000).toFixed(2)} system, ${(report.serverGcMs / 1000).toFixed(2)} in GC pauses), ${report.serverCpuMsPerJourney.toFixed(1)} ms per completed journey${o.warmUpJourneysPerServer ? ` (after ${o.warmUpJourneysPerServer} warm-up journeys per process, which took ${(report.warmUpCpuMs / 1000).toFixed(2)} s)` : ' (from each process listening)'}`,
    `wall time            ${(report.wallMs / 1000).toFixed(1)} s`,
    ...report.lost
      .slice(0, 10)
      .map((l) => `  lost: ${l.name} in ${l.state}${l.error ? ` (${l.error})` : ''}`),
  ].join('\n');
}
