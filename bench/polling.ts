/**
 * `npm run bench:polling`: how kind the widget's data-status polling is, measured against the simulator
 * through the reference server and the widget's own fetch adapter. Each run is a whole journey driven by the
 * journey runner the element runs (`createJourneyRunner`: create, Link, confirm, follow the sync), in Node on a
 * virtual-time clock, so long syncs take milliseconds. Real syncs are never exactly as long as announced, so
 * each run's sync lasts its nominal length ±10 %, the user comes back from Link up to 1 s after authorising,
 * and delays are jittered: runs differ, and the figures are medians over RUNS runs (default 61).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFetchBackend, type OnboardBackend } from '../src/backend/index.ts';
import { createJourneyStore, createNonce } from '../src/link/index.ts';
import type { JourneyState } from '../src/machine/index.ts';
import * as followSyncModule from '../src/runtime/follow-sync.ts';
import { createJourneyRunner, type JourneyRunner } from '../src/runtime/index.ts';
import { createOnboardHandler, toNodeListener } from '../src/server/index.ts';
import { startSimulator } from '../src/simulator/index.ts';
import type { PollingOptions, Visibility } from '../src/sync/index.ts';
import { fakeVisibility } from '../test/sync/manual-clock.ts';
import { memoryStorage } from '../test/link/memory-storage.ts';
import { authoriseOnLink, simulatedLink } from '../test/reliability/load-rig.ts';
import { VirtualTime } from './virtual-time.ts';

const RUNS = Number(process.env['RUNS'] ?? 61);
const SYNCS_S = (process.env['SYNCS'] ?? '5,30,120').split(',').map(Number);
const OURS: PollingOptions = {}; // the poller's defaults, which the element's attributes default to
const FIXED_1S: PollingOptions = { initialDelayMs: 1000, factor: 1, maxDelayMs: 1000, jitter: 0 };

const time = new VirtualTime();
const API_KEY = 'bench-key';

let requests = 0;
let inFlight = 0;
/** Told of every request the adapter sends, once it is on its way. */
let onRequest: (url: string) => void = () => undefined;
/** Counts every request the widget's adapter sends, and how many are still open. */
const counted: typeof fetch = async (input, init) => {
  requests += 1;
  inFlight += 1;
  try {
    const response = fetch(input, init);
    onRequest(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    return await response;
  } finally {
    inFlight -= 1;
  }
};

/** Simulator (first sync lasting `syncMs`, on virtual time) + reference server on loopback, and the adapter. */
async function environment(syncMs: number) {
  const platform = await startSimulator({
    apiKey: API_KEY,
    now: () => time.now(),
    syncDurationMs: syncMs,
    // Link returns our `state` nonce, as the Codat Portal's redirect URL is told to.
    redirectUrlTemplate:
      '/link/finished?statusCode={statusCode}&companyId={companyId}&connectionId={connectionId}&state={state}',
  });
  const server = createServer(
    toNodeListener(
      createOnboardHandler({
        apiKey: API_KEY,
        platformUrl: platform.url,
        authorize: 'allow-everyone',
        log: () => {},
      }),
    ),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const backend = createFetchBackend({
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    fetch: counted,
  });
  const close = async (): Promise<void> => {
    server.closeAllConnections();
    server.close();
    await platform.close();
  };
  return { backend, linkOrigins: [platform.url], close };
}
type Environment = Awaited<ReturnType<typeof environment>>;

/** A journey run by the real runner on virtual time, and what the benchmark reads of it. */
interface Journey {
  runner: JourneyRunner;
  state: () => JourneyState;
  /** No backend call in flight (its answer read and handled included). */
  quiet: () => boolean;
  /** Virtual times: Link authorised (the sync starts), polling started, the sync seen complete. */
  authorisedAt: number | null;
  pollingFrom: number | null;
  completeAt: number | null;
  /** The signal of the last data-status reading. */
  statusSignal: AbortSignal | undefined;
}

/** Starts a journey with the element's ports, but Node's: the user types a name and connects when ready. */
function startJourney(env: Environment, polling: PollingOptions, visibility: Visibility): Journey {
  let calls = 0;
  const track = <T>(call: Promise<T>): Promise<T> => {
    calls += 1;
    return call.finally(() => (calls -= 1));
  };
  const journey: Journey = {
    runner: undefined as unknown as JourneyRunner, // set just below
    state: () => journey.runner.getSnapshot().state,
    quiet: () => calls === 0,
    authorisedAt: null,
    pollingFrom: null,
    completeAt: null,
    statusSignal: undefined,
  };
  // Wrapped only to see when a call is done: the adapter's answer is parsed after its request closed.
  const backend: OnboardBackend = {
    createCompany: (input, options) => track(env.backend.createCompany(input, options)),
    getCompany: (companyId, options) => track(env.backend.getCompany(companyId, options)),
    getDataStatus: (companyId, options) => {
      journey.statusSignal = options?.signal;
      return track(env.backend.getDataStatus(companyId, options));
    },
    refreshData: (companyId, options) => track(env.backend.refreshData(companyId, options)),
  };
  const link = simulatedLink(env.linkOrigins, async (target, signal) => {
    const search = await authoriseOnLink(target, signal);
    journey.authorisedAt = time.now();
    // Back from Link, the callback read, the link confirmed: the element polls up to 1 s after the sync began.
    time.advanceTo(journey.authorisedAt + Math.random() * 1000);
    return search;
  });
  const storage = memoryStorage();
  journey.runner = createJourneyRunner({
    config: () => ({
      key: 'bench',
      companyId: null,
      intent: 'connect',
      linkMode: 'popup',
      requiredDataTypes: [],
      polling,
    }),
    backend: () => backend,
    link,
    store: createJourneyStore(
      () => storage,
      () => time.now(),
    ),
    visibility,
    clock: time.clock,
    random: Math.random,
    nonce: createNonce,
    events: (event) => {
      if (event.type !== 'state-change') return;
      if (event.detail.state === 'syncing') {
        journey.pollingFrom = time.now();
        requests = 0; // told before the first reading goes: count polling requests only
      }
      if (event.detail.state === 'complete') journey.completeAt = time.now();
    },
    allowRedirect: () => true,
    // Loaded once up front: the benchmark measures polling, not a module load on virtual time.
    loadSyncFollower: () => Promise.resolve(followSyncModule),
  });
  let last = journey.state();
  journey.runner.subscribe(({ state }) => {
    if (state === 'ready' && last !== 'ready') journey.runner.send({ type: 'LINK.OPEN' });
    last = state;
  });
  journey.runner.start();
  journey.runner.send({ type: 'NAME.SUBMIT', name: 'Bench Ltd' });
  return journey;
}

/** Waits for the journey to be syncing (or done) with its first reading handled; fails if it went wrong. */
async function syncing(journey: Journey): Promise<void> {
  await time.settle(() => journey.quiet() && ['syncing', 'complete', 'error'].includes(journey.state()));
  const { state, context } = journey.runner.getSnapshot();
  if (state === 'error') throw new Error(`the journey failed: ${context.error?.code ?? '?'}`);
}

interface Run {
  requests: number;
  /** From the sync finishing on the platform to the journey seeing it complete. */
  delayMs: number;
}

/** Follows one journey's sync to the end with the given polling options. */
async function follow(env: Environment, syncMs: number, polling: PollingOptions): Promise<Run> {
  const journey = startJourney(env, polling, fakeVisibility().visibility);
  await syncing(journey);
  while (journey.state() === 'syncing') {
    if (!time.fireNext()) throw new Error('polling stopped before the sync completed');
    await time.settle(journey.quiet);
  }
  journey.runner.stop();
  const { authorisedAt, pollingFrom, completeAt } = journey;
  if (authorisedAt === null || pollingFrom === null || completeAt === null) {
    throw new Error(`the journey ended in ${journey.state()}, not complete`);
  }
  // Measured from when the element could first have seen it: the sync's end, or the start of polling if later.
  return { requests, delayMs: completeAt - Math.max(authorisedAt + syncMs, pollingFrom) };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

/** Requests made while the tab is hidden for a minute mid-sync, and how soon one goes after it returns. */
async function hiddenTab(env: Environment): Promise<{ whileHidden: number; afterReturn: number }> {
  const page = fakeVisibility();
  const journey = startJourney(env, OURS, page.visibility);
  await syncing(journey);
  await page.set('hidden');
  const before = requests;
  const until = time.now() + 60_000;
  while (time.fireNext(until)) await time.settle(journey.quiet);
  time.advanceTo(until);
  const whileHidden = requests - before;
  await page.set('visible');
  await time.settle(journey.quiet);
  const afterReturn = requests - before - whileHidden;
  journey.runner.stop();
  return { whileHidden, afterReturn };
}

/** Timers and requests left behind after the element is removed (the runner stopped) mid-request. */
async function afterRemoval(env: Environment): Promise<{ timers: number; requests: number }> {
  const timersBefore = time.pending;
  let journey: Journey | undefined;
  onRequest = (url) => {
    // Removed while the first data-status request is on its way.
    if (url.endsWith('/data-status')) journey?.runner.stop();
  };
  try {
    journey = startJourney(env, OURS, fakeVisibility().visibility);
    await time.settle(() => journey?.statusSignal !== undefined && journey.quiet());
  } finally {
    onRequest = () => undefined;
  }
  const leftRequests = journey.statusSignal?.aborted === false ? 1 : 0;
  return { timers: time.pending - timersBefore, requests: leftRequests + inFlight };
}

console.log(
  `company-onboard polling benchmark: ${RUNS} runs per row, medians (virtual time, loopback HTTP)\n`,
);
console.log('sync   strategy        requests   delay to complete (median)   requests vs fixed 1 s');
for (const seconds of SYNCS_S) {
  const rows: Record<string, { requests: number[]; delays: number[] }> = {};
  for (const [name, options] of [
    ['element default', OURS],
    ['fixed 1 s', FIXED_1S],
  ] as const) {
    rows[name] = { requests: [], delays: [] };
    for (let i = 0; i < RUNS; i += 1) {
      const syncMs = Math.round(seconds * 1000 * (0.9 + Math.random() * 0.2));
      const env = await environment(syncMs); // the sync length is a simulator option
      const run = await follow(env, syncMs, options);
      await env.close();
      rows[name].requests.push(run.requests);
      rows[name].delays.push(run.delayMs);
      if (process.env['VERBOSE']) console.log(name, syncMs, run.requests, run.delayMs);
    }
  }
  const fixed = median(rows['fixed 1 s']?.requests ?? []);
  for (const [name, row] of Object.entries(rows)) {
    const req = median(row.requests);
    console.log(
      `${`${seconds} s`.padEnd(6)} ${name.padEnd(15)} ${String(req).padStart(8)}   ${`${(median(row.delays) / 1000).toFixed(2)} s`.padStart(26)}   ${`${((req / fixed) * 100).toFixed(0)} %`.padStart(21)}`,
    );
  }
}
const env = await environment(120_000);
const hidden = await hiddenTab(env);
console.log(
  `\nhidden tab for 60 s mid-sync: ${hidden.whileHidden} requests while hidden, ${hidden.afterReturn} at once on return`,
);
const removal = await afterRemoval(env);
console.log(`removed mid-request: ${removal.timers} timers and ${removal.requests} requests left behind`);
await env.close();
