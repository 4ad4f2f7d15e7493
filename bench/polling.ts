/**
 * `npm run bench:polling`: how kind the widget's data-status polling is, measured against the simulator
 * through the reference server and the widget's own fetch adapter, with `startPolling` and
 * `summarizeDataStatus` exactly as the element runs them (in Node, under virtual time, so long syncs take
 * milliseconds). Real syncs are never exactly as long as announced, so each run's sync lasts its nominal length
 * ±10 %, polling starts up to 1 s after the sync began, and delays are jittered: runs differ, and the figures
 * are medians over RUNS runs (default 61).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFetchBackend } from '../src/backend/index.ts';
import { createOnboardHandler, toNodeListener } from '../src/server/index.ts';
import { startSimulator } from '../src/simulator/index.ts';
import { startPolling, summarizeDataStatus, type Poller, type PollingOptions } from '../src/sync/index.ts';
import { VirtualTime } from './virtual-time.ts';

const RUNS = Number(process.env['RUNS'] ?? 61);
const SYNCS_S = (process.env['SYNCS'] ?? '5,30,120').split(',').map(Number);
const OURS: PollingOptions = {}; // the poller's defaults, which the element's attributes default to
const FIXED_1S: PollingOptions = { initialDelayMs: 1000, factor: 1, maxDelayMs: 1000, jitter: 0 };

// The poller pauses while `document.visibilityState` is hidden; Node has no document, so give it one.
const page = Object.assign(new EventTarget(), { visibilityState: 'visible' });
(globalThis as { document?: unknown }).document = page;
const setHidden = (hidden: boolean): void => {
  page.visibilityState = hidden ? 'hidden' : 'visible';
  page.dispatchEvent(new Event('visibilitychange'));
};

// The element's timers (polling delays, request timeouts) run on virtual time; Node's HTTP client does not.
const time = new VirtualTime(/src\/(sync|backend)\//);
const API_KEY = 'bench-key';

let requests = 0;
let inFlight = 0;
/** Counts every request the widget's adapter sends, and how many are still open. */
const counted: typeof fetch = async (input, init) => {
  requests += 1;
  inFlight += 1;
  try {
    return await fetch(input, init);
  } finally {
    inFlight -= 1;
  }
};

/** Simulator (first sync lasting `syncMs`) + reference server on loopback, and the widget's adapter. */
async function environment(syncMs: number) {
  const platform = await startSimulator({ apiKey: API_KEY, now: () => time.now, syncDurationMs: syncMs });
  const server = createServer(
    toNodeListener(createOnboardHandler({ apiKey: API_KEY, platformUrl: platform.url, log: () => {} })),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const backend = createFetchBackend({
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    fetch: counted,
  });

  /** A company linked now: its first sync starts at the current virtual time. */
  const linkedCompany = async (): Promise<string> => {
    const company = await backend.createCompany(
      { name: 'Bench Ltd' },
      { idempotencyKey: crypto.randomUUID() },
    );
    await fetch(`${platform.url}/link/company/${company.id}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ platform: 'mqjo', action: 'authorise' }),
      redirect: 'manual',
    });
    return company.id;
  };
  const close = async (): Promise<void> => {
    server.closeAllConnections();
    server.close();
    await platform.close();
  };
  return { backend, linkedCompany, close };
}
type Environment = Awaited<ReturnType<typeof environment>>;

interface Run {
  requests: number;
  /** From the sync finishing on the platform to the poller seeing it complete. */
  delayMs: number;
}

/** Follows one sync to the end with the given polling options. */
async function follow(env: Environment, syncMs: number, options: PollingOptions): Promise<Run> {
  const { backend } = env;
  const companyId = await env.linkedCompany();
  const startedAt = time.now;
  // The element starts polling after the return from Link, the callback and the confirmation: up to 1 s later.
  time.advanceTo(startedAt + Math.random() * 1000);
  const pollingFrom = time.now;
  requests = 0;
  let completeAt: number | null = null;
  let ticking = false;
  const poller: Poller = startPolling(
    {
      tick: async (signal) => {
        ticking = true;
        try {
          const statuses = await backend.getDataStatus(companyId, { signal });
          const { outcome } = summarizeDataStatus(statuses);
          if (outcome !== 'in-progress') completeAt = time.now;
          return outcome === 'in-progress';
        } finally {
          ticking = false;
        }
      },
      onError: (error) => {
        throw error;
      },
      onTimeout: () => {
        throw new Error('sync-timeout in a benchmark run');
      },
    },
    options,
  );
  await time.settle(() => !ticking && inFlight === 0);
  while (completeAt === null) {
    if (!time.fireNext()) throw new Error('polling stopped before the sync completed');
    await time.settle(() => !ticking && inFlight === 0);
  }
  poller.stop();
  // Measured from when the element could first have seen it: the sync's end, or the start of polling if later.
  return { requests, delayMs: completeAt - Math.max(startedAt + syncMs, pollingFrom) };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

/** Requests made while the tab is hidden for a minute mid-sync, and how soon one goes after it returns. */
async function hiddenTab(env: Environment): Promise<{ whileHidden: number; afterReturn: number }> {
  const { backend } = env;
  const companyId = await env.linkedCompany();
  let ticking = false;
  const poller = startPolling({
    tick: async (signal) => {
      ticking = true;
      try {
        await backend.getDataStatus(companyId, { signal });
        return true;
      } finally {
        ticking = false;
      }
    },
    onError: () => {},
    onTimeout: () => {},
  });
  await time.settle(() => !ticking && inFlight === 0);
  setHidden(true);
  const before = requests;
  const until = time.now + 60_000;
  while (time.fireNext(until)) await time.settle(() => !ticking && inFlight === 0);
  time.advanceTo(until);
  const whileHidden = requests - before;
  setHidden(false);
  await time.settle(() => !ticking && inFlight === 0);
  const afterReturn = requests - before - whileHidden;
  poller.stop();
  return { whileHidden, afterReturn };
}

/** Timers and requests left behind after the element is removed (the poller stopped) mid-request. */
async function afterRemoval(env: Environment): Promise<{ timers: number; requests: number }> {
  const { backend } = env;
  const companyId = await env.linkedCompany();
  const timersBefore = time.pending;
  let signalSeen: AbortSignal | undefined;
  const poller = startPolling({
    tick: (signal) => {
      signalSeen = signal;
      return backend.getDataStatus(companyId, { signal }).then(() => true);
    },
    onError: () => {},
    onTimeout: () => {},
  });
  poller.stop(); // removed while the first request is in flight
  await time.settle(() => inFlight === 0);
  const leftRequests = signalSeen?.aborted === false ? 1 : 0;
  return { timers: time.pending - timersBefore, requests: leftRequests + inFlight };
}

time.install();
try {
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
} finally {
  time.uninstall();
}
