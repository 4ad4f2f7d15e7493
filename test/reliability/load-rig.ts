/**
 * Many concurrent onboardings on loopback, each run by the journey runner the element runs
 * (`createJourneyRunner`), given Node ports instead of a browser's: the widget's own fetch adapter
 * (`createFetchBackend`), a journey store over an in-memory Web Storage, the system clock, an always-visible
 * page, and a Link port whose "popup" is a simulated user on the simulator's Link page. Behind them the
 * reference server (`createOnboardHandler`, timed per request) and the simulator, whose platform API fails at a
 * low rate through its own fault injection (500, 429 with `Retry-After: 1`, dropped connections before acting,
 * answers to creates dropped after the company was made, latency). The user submits the name, clicks Connect,
 * authorises on Link (its form, posted as a browser would), and presses "Try again" when a step fails.
 *
 * Used by `test/reliability/load.test.ts` (small) and `bench/load.ts` (`npm run bench:load`, full figures).
 */
import { randomUUID } from 'node:crypto';
import { createFetchBackend, type OnboardBackend } from '../../src/backend/index.ts';
import {
  createJourneyStore,
  createNonce,
  isAllowedLinkUrl,
  parseLinkCallback,
  type LinkPort,
} from '../../src/link/index.ts';
import type { JourneyError, JourneySnapshot, JourneyState } from '../../src/machine/index.ts';
import { createJourneyRunner, type JourneyRunner, type RunnerEvent } from '../../src/runtime/index.ts';
import { createOnboardHandler, type FetchHandler } from '../../src/server/index.ts';
import { createSimulator, SyncScenario, type FaultSpec, type Simulator } from '../../src/simulator/index.ts';
import { alwaysVisible, systemClock, type PollingOptions } from '../../src/sync/index.ts';
import { memoryStorage } from '../link/memory-storage.ts';
import { serve } from './rig.ts';

export const LOAD_API_KEY = 'load-rig-3b9f0c6e-91d4-key';

/** Link returns our `state` nonce, as the Codat Portal's redirect URL is told to. */
export const LINK_REDIRECT_TEMPLATE =
  '/link/finished?statusCode={statusCode}&companyId={companyId}&connectionId={connectionId}' +
  '&errorMessage={errorMessage}&state={state}';

export interface LoadOptions {
  /** Onboardings, all started at once. */
  journeys: number;
  /** Share of platform API calls that fail (0.04 = 4 %). */
  faultRate: number;
  /** The first N platform creates lose their answer after the company was made (drop-after), on top. */
  forcedCreateDrops: number;
  /** How long each first sync takes (the simulator's `fast` scenario). */
  syncMs: number;
  /** The whole run must finish within this; past it, unfinished journeys count as lost. */
  timeLimitMs: number;
  /** "Try again" presses a user makes per journey before giving up. */
  maxUserRetries: number;
  /** Seeds which platform calls fail and how. */
  seed: number;
}

export type FaultKind = '500' | '429' | 'drop-before' | 'drop-after (create)' | 'latency';

export interface Percentiles {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface LoadReport {
  options: LoadOptions;
  wallMs: number;
  timedOut: boolean;
  journeys: number;
  completed: number;
  /** Journeys that did not reach `complete`: where they stopped and why. */
  lost: { name: string; state: string; error: string | null }[];
  /** Companies on the platform, and names held by more than one. */
  companies: number;
  duplicateNames: string[];
  /** Journeys whose company is missing, misnamed, or has no Linked connection. */
  mismatched: string[];
  connections: number;
  server: {
    requests: number;
    all: Percentiles;
    byRoute: Record<string, Percentiles>;
    statuses: Record<string, number>;
    replayed: number;
    requestsPerSecond: number;
  };
  platform: { calls: number; faults: Record<FaultKind, number>; leftover: number };
  client: { adapterRequests: number; userRetries: number; relinks: number };
  journeysPerSecond: number;
}

/** A small, seedable PRNG (mulberry32): the same seed picks the same share of calls and kinds. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function percentiles(values: readonly number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number): number => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
  return { count: sorted.length, p50: at(50), p95: at(95), p99: at(99), max: sorted.at(-1) ?? 0 };
}

/** The route a request to the reference server is for, with ids folded. */
function routeOf(request: Request): string {
  const path = new URL(request.url).pathname.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/gi, '{id}');
  return `${request.method} ${path}`;
}

/**
 * The browser in hosted Link, as the page it returns to would see it: loads the Link page and, on the company
 * page, chooses Sandbox and Continues to its connection page, then Authorises there, posting each form where
 * its page says (so one-time Link URLs work too). Resolves to the redirect's query string, or `null` when
 * Link did not redirect.
 */
export async function authoriseOnLink(target: string, signal: AbortSignal): Promise<string | null> {
  let page = target;
  let html = await (await fetch(page, { signal })).text();
  if (html.includes('value="continue"')) {
    const next = await submitLinkForm(page, html, { platform: 'mqjo', action: 'continue' }, signal);
    if (next === null) return null;
    page = next;
    html = await (await fetch(page, { signal })).text();
  }
  const location = await submitLinkForm(page, html, { action: 'authorise' }, signal);
  return location === null ? null : new URL(location).search;
}

/** Posts the Link page's form to its action; resolves to the 303's target, or `null` without one. */
async function submitLinkForm(
  page: string,
  html: string,
  fields: Record<string, string>,
  signal: AbortSignal,
): Promise<string | null> {
  const action = /<form method="post" action="([^"]*)"/.exec(html)?.[1]?.replaceAll('&amp;', '&');
  if (action === undefined) return null;
  const answer = await fetch(new URL(action, page), {
    method: 'POST',
    body: new URLSearchParams(fields),
    redirect: 'manual',
    signal,
  });
  await answer.body?.cancel();
  const location = answer.headers.get('location');
  return answer.status === 303 && location !== null ? new URL(location, page).href : null;
}

/**
 * Hosted Link for a runner in Node: a "popup" always opens, and in it a simulated user authorises
 * (`authoriseOnLink`); the callback, or the window closing when Link went wrong, comes back through the
 * handlers the runner gave, as the browser's popup watch would deliver it. No page, so no callback in the URL,
 * no opener, no webview.
 */
export function simulatedLink(
  linkOrigins: readonly string[],
  user: (target: string, signal: AbortSignal) => Promise<string | null> = authoriseOnLink,
): LinkPort {
  const allows = (url: string): boolean => isAllowedLinkUrl(url, linkOrigins);
  return {
    allows,
    openPopup(url, _linkState, handlers) {
      if (url !== null && !allows(url)) return { status: 'rejected' };
      // Closing the popup (the runner's `stop`) ends the user's requests; nothing is reported after it.
      const closed = new AbortController();
      const visit = (target: string): void => {
        user(target, closed.signal).then(
          (search) => {
            if (closed.signal.aborted) return;
            if (search === null) handlers.onClosed();
            else handlers.onCallback(parseLinkCallback(search));
          },
          () => {
            if (!closed.signal.aborted) handlers.onClosed();
          },
        );
      };
      // A blank popup waits for `navigate`.
      if (url !== null) visit(url);
      return {
        status: 'opened',
        stop: () => closed.abort(),
        close: () => closed.abort(),
        navigate(next) {
          if (!allows(next)) return false;
          visit(next);
          return true;
        },
        focus: () => undefined, // a simulated user never loses the window
      };
    },
    redirect: () => false, // the rig asks for popups only
    callback: () => null,
    hasOpener: () => false,
    inWebview: () => false,
    returnUrl: () => 'http://127.0.0.1/signup',
    cleanCallbackUrl: () => undefined,
    handOff: () => undefined,
    onRestored: () => () => undefined,
  };
}

/** What every journey of a run shares. */
export interface JourneyEnvironment {
  linkOrigins: readonly string[];
  /** The runner's polling (its `timeoutMs` is cut to the run's deadline). */
  polling: PollingOptions;
  maxUserRetries: number;
  deadline: number;
}

/** An error as one line of the report: its code, what its message would say, and the platform's id. */
function describeError({ code, params, correlationId }: JourneyError): string {
  const details = Object.entries(params).map(([name, value]) => `${name}=${JSON.stringify(value)}`);
  if (correlationId !== undefined) details.push(`correlationId=${correlationId}`);
  return details.length === 0 ? code : `${code} (${details.join(', ')})`;
}

/** The journeys that did not reach `complete`: where they stopped, and why. */
export function lostJourneys(
  journeys: readonly Journey[],
): { name: string; state: string; error: string | null }[] {
  return journeys
    .filter((j) => j.snapshot.state !== 'complete')
    .map((j) => ({
      name: j.name,
      state: j.snapshot.state,
      error: j.snapshot.context.error && describeError(j.snapshot.context.error),
    }));
}

/** One onboarding: the real runner with Node ports, and a user who keeps going. */
export class Journey {
  userRetries = 0;
  /** Link left unfinished (a `cancel` event) and opened again. */
  relinks = 0;
  /** When it reached `complete` (epoch ms). */
  completedAt: number | null = null;
  readonly runner: JourneyRunner;
  readonly finished: Promise<void>;
  private settle: () => void = () => undefined;

  constructor(
    readonly name: string,
    private readonly env: JourneyEnvironment,
    backend: OnboardBackend,
  ) {
    this.finished = new Promise((resolve) => {
      this.settle = resolve;
    });
    const storage = memoryStorage(); // its own, as each tab has
    this.runner = createJourneyRunner({
      config: () => ({
        key: 'load',
        companyId: null,
        intent: 'connect',
        linkMode: 'popup',
        requiredDataTypes: [],
        polling: { ...env.polling, timeoutMs: Math.max(0, env.deadline - Date.now()) },
      }),
      backend: () => backend,
      link: simulatedLink(env.linkOrigins),
      store: createJourneyStore(() => storage),
      visibility: alwaysVisible,
      clock: systemClock,
      random: Math.random,
      nonce: createNonce,
      // The rig reports what the runner told: each `cancel` is a Link the user will open again.
      events: (event: RunnerEvent) => {
        if (event.type === 'cancel') this.relinks += 1;
      },
      allowRedirect: () => true,
    });
  }

  get snapshot(): JourneySnapshot {
    return this.runner.getSnapshot();
  }

  start(): void {
    let last: JourneyState = this.snapshot.state;
    this.runner.subscribe(({ state }) => {
      if (state !== last) this.user();
      last = state;
    });
    this.runner.start();
    this.runner.send({ type: 'NAME.SUBMIT', name: this.name });
  }

  stop(): void {
    this.runner.stop();
    this.settle();
  }

  /** What the person in front of the widget does on reaching each resting state. */
  private user(): void {
    const { state, context } = this.snapshot;
    switch (state) {
      case 'complete':
        this.completedAt = Date.now();
        return this.stop();
      case 'idle': // the form again (the journey started over): type the name again
        return this.runner.send({ type: 'NAME.SUBMIT', name: this.name });
      case 'ready': // fresh, or back from a Link left unfinished: connect (again)
        return this.relinks > this.env.maxUserRetries ? this.stop() : this.runner.send({ type: 'LINK.OPEN' });
      case 'error':
        if (context.error?.step == null || this.userRetries >= this.env.maxUserRetries) return this.stop();
        this.userRetries += 1;
        return this.runner.send({ type: 'RETRY' });
      default:
        return;
    }
  }
}

/**
 * The simulator's API on loopback, failing a share of its platform calls through its own fault injection: 500,
 * 429 with `Retry-After: 1`, dropped connections before acting, latency, and for creates answers dropped after
 * the company was made (the first `forcedCreateDrops` always).
 */
export function faultyPlatform(
  simulator: Simulator,
  options: Pick<LoadOptions, 'faultRate' | 'forcedCreateDrops' | 'seed'>,
): { handle: FetchHandler; calls(): number; faults: Record<FaultKind, number> } {
  const next = random(options.seed);
  const faults: Record<FaultKind, number> = {
    '500': 0,
    '429': 0,
    'drop-before': 0,
    'drop-after (create)': 0,
    latency: 0,
  };
  let calls = 0;
  let forcedLeft = options.forcedCreateDrops;
  const handle: FetchHandler = (request) => {
    const path = new URL(request.url).pathname;
    if (path.startsWith('/companies')) {
      calls += 1;
      const create = request.method === 'POST' && path === '/companies';
      let fault: [FaultKind, Omit<FaultSpec, 'path' | 'method'>] | undefined;
      if (create && forcedLeft > 0) {
        forcedLeft -= 1;
        fault = ['drop-after (create)', { kind: 'drop-after' }];
      } else if (next() < options.faultRate) {
        const kinds: [FaultKind, Omit<FaultSpec, 'path' | 'method'>][] = [
          ['500', { kind: 'status', status: 500 }],
          ['429', { kind: 'status', status: 429, retryAfterSeconds: 1 }],
          ['drop-before', { kind: 'drop-before' }],
          ['latency', { kind: 'latency', latencyMs: Math.round(50 + next() * 250) }],
          ...(create
            ? [['drop-after (create)', { kind: 'drop-after' }] as [FaultKind, Omit<FaultSpec, 'path'>]]
            : []),
        ];
        fault = kinds[Math.floor(next() * kinds.length)];
      }
      if (fault !== undefined) {
        faults[fault[0]] += 1;
        // Injected for exactly this request: `handle` takes it before its first await.
        simulator.faults.inject({ method: request.method, path, ...fault[1] });
      }
    }
    return simulator.handle(request);
  };
  return { handle, calls: () => calls, faults };
}

export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  const simulator = createSimulator({
    apiKey: LOAD_API_KEY,
    scenario: SyncScenario.Fast,
    fastSyncDurationMs: options.syncMs,
    redirectUrlTemplate: LINK_REDIRECT_TEMPLATE,
  });

  const faulty = faultyPlatform(simulator, options);
  const platform = await serve(faulty.handle);

  // The reference server, every request timed.
  const latencies = new Map<string, number[]>();
  const statuses: Record<string, number> = {};
  let replayed = 0;
  const handler = createOnboardHandler({
    apiKey: LOAD_API_KEY,
    platformUrl: platform.url,
    basePath: '/api',
    authorize: 'allow-everyone',
    log: () => undefined,
  });
  const timed: FetchHandler = async (request) => {
    const started = performance.now();
    const route = routeOf(request);
    try {
      const response = await handler(request);
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
      if (response.headers.get('idempotent-replayed') === 'true') replayed += 1;
      return response;
    } finally {
      const list = latencies.get(route) ?? [];
      list.push(performance.now() - started);
      latencies.set(route, list);
    }
  };
  const server = await serve(timed);

  let adapterRequests = 0;
  const counting: typeof fetch = (input, init) => {
    adapterRequests += 1;
    return fetch(input, init);
  };
  const started = performance.now();
  const backend = createFetchBackend({ baseUrl: `${server.url}/api`, fetch: counting });
  const env: JourneyEnvironment = {
    linkOrigins: [platform.url],
    // The element's polling, scaled to a short sync: first reading at once, then syncMs/5 ×1.5 up to syncMs.
    polling: { initialDelayMs: Math.max(50, options.syncMs / 5), maxDelayMs: Math.max(200, options.syncMs) },
    maxUserRetries: options.maxUserRetries,
    deadline: Date.now() + options.timeLimitMs,
  };
  const run = randomUUID().slice(0, 8);
  const journeys = Array.from(
    { length: options.journeys },
    (_, i) => new Journey(`Load ${run} ${String(i + 1).padStart(4, '0')} Ltd`, env, backend),
  );
  let timedOut = false;
  const stopAll = (): void => journeys.forEach((journey) => journey.stop());
  const limit = setTimeout(() => {
    timedOut = true;
    stopAll();
  }, options.timeLimitMs);
  try {
    for (const journey of journeys) journey.start();
    await Promise.all(journeys.map((journey) => journey.finished));
  } finally {
    clearTimeout(limit);
    stopAll();
    await server.close();
    await platform.close();
  }
  const wallMs = performance.now() - started;

  // What the platform holds: exactly one company per journey, under the name typed, linked.
  const companies = simulator.listCompanies();
  const byName = new Map<string, number>();
  for (const company of companies) byName.set(company.name, (byName.get(company.name) ?? 0) + 1);
  const mismatched = journeys.flatMap((journey) => {
    const id = journey.snapshot.context.companyId;
    const company = companies.find((c) => c.id === id);
    const linked = company?.dataConnections?.some((c) => c.status === 'Linked') ?? false;
    return company?.name === journey.name && linked ? [] : [journey.name];
  });
  const completed = journeys.filter((j) => j.snapshot.state === 'complete');
  const all = [...latencies.values()].flat();
  const requests = all.length;
  return {
    options,
    wallMs,
    timedOut,
    journeys: journeys.length,
    completed: completed.length,
    lost: lostJourneys(journeys),
    companies: companies.length,
    duplicateNames: [...byName].filter(([, count]) => count > 1).map(([name]) => name),
    mismatched,
    connections: companies.reduce((sum, c) => sum + (c.dataConnections?.length ?? 0), 0),
    server: {
      requests,
      all: percentiles(all),
      byRoute: Object.fromEntries([...latencies].sort().map(([route, list]) => [route, percentiles(list)])),
      statuses,
      replayed,
      requestsPerSecond: requests / (wallMs / 1000),
    },
    platform: { calls: faulty.calls(), faults: faulty.faults, leftover: simulator.faults.list().length },
    client: {
      adapterRequests,
      userRetries: journeys.reduce((sum, j) => sum + j.userRetries, 0),
      relinks: journeys.reduce((sum, j) => sum + j.relinks, 0),
    },
    journeysPerSecond: completed.length / (wallMs / 1000),
  };
}

/** The report as a few readable lines. */
export function formatReport(report: LoadReport): string {
  const ms = (n: number): string => `${n.toFixed(1)} ms`;
  const row = (label: string, p: Percentiles): string =>
    `  ${label.padEnd(36)} ${String(p.count).padStart(6)}  p50 ${ms(p.p50).padStart(9)}  p95 ${ms(p.p95).padStart(9)}  p99 ${ms(p.p99).padStart(9)}  max ${ms(p.max).padStart(9)}`;
  const faults = Object.entries(report.platform.faults)
    .map(([kind, count]) => `${kind} ${count}`)
    .join(', ');
  const faultTotal = Object.values(report.platform.faults).reduce((a, b) => a + b, 0);
  const o = report.options;
  return [
    `journeys             ${report.journeys} concurrent (seed ${o.seed}, sync ${o.syncMs} ms, fault rate ${(o.faultRate * 100).toFixed(1)} % + ${o.forcedCreateDrops} forced create drops, limit ${o.timeLimitMs / 1000} s)`,
    `completed            ${report.completed} / ${report.journeys}   lost ${report.lost.length}${report.timedOut ? '   (TIME LIMIT REACHED)' : ''}`,
    `companies            ${report.companies} on the platform, duplicate names ${report.duplicateNames.length}, journeys without their own linked company ${report.mismatched.length}, connections ${report.connections}`,
    `platform calls       ${report.platform.calls}, faults injected ${faultTotal} (${((faultTotal / Math.max(1, report.platform.calls)) * 100).toFixed(1)} %): ${faults}`,
    `recovery             adapter requests ${report.client.adapterRequests} (retries included), "Try again" presses ${report.client.userRetries}, Link reopened ${report.client.relinks}, idempotent replays ${report.server.replayed}`,
    `server statuses      ${Object.entries(report.server.statuses)
      .map(([status, count]) => `${status}×${count}`)
      .join('  ')}`,
    `server latency (measured in the reference handler):`,
    row('all requests', report.server.all),
    ...Object.entries(report.server.byRoute).map(([route, p]) => row(route, p)),
    `throughput           ${report.server.requestsPerSecond.toFixed(1)} requests/s, ${report.journeysPerSecond.toFixed(1)} journeys/s`,
    `wall time            ${(report.wallMs / 1000).toFixed(2)} s`,
    ...report.lost
      .slice(0, 10)
      .map((l) => `  lost: ${l.name} in ${l.state}${l.error ? ` (${l.error})` : ''}`),
  ].join('\n');
}
