/**
 * Many concurrent onboardings on loopback, each driven the way `<company-onboard>` drives one, minus the DOM:
 * the pure machine (`transition`), the widget's own fetch adapter (`createFetchBackend`), the callback parser,
 * the poller and the status summary, all from `src/`. Behind them the reference server (`createOnboardHandler`,
 * timed per request) and the simulator, whose platform API fails at a low rate through its own fault injection
 * (500, 429 with `Retry-After: 1`, dropped connections before acting, answers to creates dropped after the
 * company was made, latency). A simulated user submits the name, clicks Connect, authorises on the
 * simulator's Link page (its form, posted as a browser would), and presses "Try again" when a step fails.
 *
 * Used by `test/reliability/load.test.ts` (small) and `bench/load.ts` (`npm run bench:load`, full figures).
 */
import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { createFetchBackend } from '../../src/backend/index.ts';
import type { OnboardBackend } from '../../src/backend/index.ts';
import { failureEvent } from '../../src/element/failure.ts';
import { createNonce, isAllowedLinkUrl, parseLinkCallback, withLinkState } from '../../src/link/index.ts';
import {
  initialContext,
  transition,
  type JourneyEffect,
  type JourneyEvent,
  type JourneySnapshot,
} from '../../src/machine/index.ts';
import { createOnboardHandler, type FetchHandler } from '../../src/server/index.ts';
import { createSimulator, SyncScenario, type FaultSpec } from '../../src/simulator/index.ts';
import { startPolling, summarizeDataStatus, type Poller } from '../../src/sync/index.ts';
import { serve } from './rig.ts';

export const LOAD_API_KEY = 'load-rig-3b9f0c6e-91d4-key';

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

/** The poller pauses while `document` is hidden; Node has none, so lend it an always-visible one. */
function lendDocument(): () => void {
  const holder = globalThis as { document?: unknown };
  if (holder.document !== undefined) return () => undefined;
  const page = Object.assign(new EventTarget(), { visibilityState: 'visible' });
  setMaxListeners(0, page); // one listener per poller, hundreds of pollers
  holder.document = page;
  return () => {
    delete holder.document;
  };
}

interface Environment {
  backend: OnboardBackend;
  linkOrigins: readonly string[];
  syncMs: number;
  maxUserRetries: number;
  deadline: number;
  stopped: AbortSignal;
}

/** One onboarding: the element's controller without the element, plus a user who keeps going. */
class Journey {
  snapshot: JourneySnapshot = { state: 'idle', context: initialContext };
  userRetries = 0;
  relinks = 0;
  private poller: Poller | null = null;
  private inflight: AbortController | null = null;
  private settle: () => void = () => undefined;
  readonly finished: Promise<void>;

  constructor(
    readonly name: string,
    private readonly env: Environment,
  ) {
    this.finished = new Promise((resolve) => {
      this.settle = resolve;
    });
    env.stopped.addEventListener('abort', () => this.stop(), { once: true });
  }

  start(): void {
    this.send({ type: 'NAME.SUBMIT', name: this.name, idempotencyKey: createNonce() });
  }

  private stop(): void {
    this.inflight?.abort();
    this.poller?.stop();
    this.settle();
  }

  private send(event: JourneyEvent): void {
    if (this.env.stopped.aborted) return;
    const previous = this.snapshot;
    const { effects, ...next } = transition(previous, event);
    if (next.state === previous.state && next.context === previous.context) return;
    this.snapshot = next;
    for (const effect of effects) this.run(effect);
    if (next.state !== previous.state) this.user();
  }

  /** What the person in front of the widget does in each resting state. */
  private user(): void {
    const { state, context } = this.snapshot;
    if (state === 'complete') return this.stop();
    if (state === 'ready') {
      if (context.notice !== null) this.relinks += 1; // back from a Link left unfinished: connect again
      if (this.relinks > this.env.maxUserRetries) return this.stop();
      queueMicrotask(() => this.send({ type: 'LINK.OPEN', linkState: createNonce() }));
      return;
    }
    if (state === 'error') {
      if (context.error?.step === null || this.userRetries >= this.env.maxUserRetries) return this.stop();
      this.userRetries += 1;
      queueMicrotask(() => this.send({ type: 'RETRY', linkState: createNonce() }));
    }
  }

  private run(effect: JourneyEffect): void {
    const { backend } = this.env;
    switch (effect.type) {
      case 'createCompany':
        return this.call(
          (signal) =>
            backend.createCompany({ name: effect.name }, { idempotencyKey: effect.idempotencyKey, signal }),
          (company) => ({
            type: 'COMPANY.CREATED',
            company: { id: company.id, name: company.name, redirect: company.redirect },
          }),
        );
      case 'loadCompany':
        return this.call(
          (signal) => backend.getCompany(effect.companyId, { signal }),
          (company) => ({
            type: 'COMPANY.LOADED',
            company: { id: company.id, name: company.name, redirect: company.redirect },
          }),
        );
      case 'confirmLink':
        return this.call(
          (signal) => backend.getCompany(effect.companyId, { signal }),
          (company) => {
            const linked = (company.dataConnections ?? []).find(
              (c) => c.status === 'Linked' && (effect.connectionId === null || c.id === effect.connectionId),
            );
            return linked
              ? { type: 'LINK.CONFIRMED', connectionId: linked.id }
              : { type: 'LINK.NOT_CONFIRMED' };
          },
        );
      case 'openLink':
        void this.link(effect.url, effect.linkState);
        return;
      case 'startSync':
        return this.startSync(effect.companyId, effect.refresh);
      case 'stopSync':
        this.poller?.stop();
        this.poller = null;
        return;
      case 'emit':
        return;
    }
  }

  /** One backend call; its answer becomes the next event (as the controller does). */
  private call<T>(work: (signal: AbortSignal) => Promise<T>, done: (value: T) => JourneyEvent): void {
    this.inflight?.abort();
    const controller = new AbortController();
    this.inflight = controller;
    work(controller.signal).then(
      (value) => {
        if (!controller.signal.aborted) this.send(done(value));
      },
      (error: unknown) => {
        const failed = failureEvent(error);
        if (!controller.signal.aborted && failed !== null) this.send(failed);
      },
    );
  }

  /** The browser in hosted Link: load the page, choose Sandbox, Authorise, follow nothing but the redirect. */
  private async link(url: string, linkState: string): Promise<void> {
    if (!isAllowedLinkUrl(url, this.env.linkOrigins)) {
      this.send({ type: 'STEP.FAILED', code: 'link-url-rejected', message: url });
      return;
    }
    const target = withLinkState(url, linkState);
    try {
      const page = await fetch(target, { signal: this.env.stopped });
      await page.text();
      const answer = await fetch(target, {
        method: 'POST',
        body: new URLSearchParams({ platform: 'mqjo', action: 'authorise' }),
        redirect: 'manual',
        signal: this.env.stopped,
      });
      await answer.body?.cancel();
      const location = answer.headers.get('location');
      if (answer.status !== 303 || location === null) {
        this.send({ type: 'LINK.ABANDONED', reason: 'link-unfinished' });
        return;
      }
      this.send({ type: 'LINK.CALLBACK', outcome: parseLinkCallback(new URL(location).search) });
    } catch {
      this.send({ type: 'LINK.ABANDONED', reason: 'popup-closed' });
    }
  }

  /** The element's polling, scaled to a short sync: first reading at once, then 200 ms ×1.5 up to 1 s. */
  private startSync(companyId: string, refresh: boolean): void {
    this.poller?.stop();
    const { backend } = this.env;
    let queueRefresh = refresh;
    this.poller = startPolling(
      {
        tick: async (signal) => {
          if (queueRefresh) {
            await backend.refreshData(companyId, { signal });
            queueRefresh = false;
          }
          const statuses = await backend.getDataStatus(companyId, { signal });
          if (signal.aborted) return false;
          const { outcome, ...progress } = summarizeDataStatus(statuses);
          if (outcome === 'complete') this.send({ type: 'SYNC.DONE', progress });
          else if (outcome === 'failed') this.send({ type: 'SYNC.FAILED', progress });
          else this.send({ type: 'SYNC.PROGRESS', progress });
          return outcome === 'in-progress';
        },
        onError: (error) => {
          const failed = failureEvent(error);
          if (failed !== null) this.send(failed);
        },
        onTimeout: () => this.send({ type: 'STEP.FAILED', code: 'sync-timeout', message: 'timed out' }),
      },
      {
        initialDelayMs: Math.max(50, this.env.syncMs / 5),
        maxDelayMs: Math.max(200, this.env.syncMs),
        timeoutMs: Math.max(0, this.env.deadline - Date.now()),
      },
    );
  }
}

export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  const restoreDocument = lendDocument();
  const next = random(options.seed);
  const simulator = createSimulator({
    apiKey: LOAD_API_KEY,
    scenario: SyncScenario.Fast,
    fastSyncDurationMs: options.syncMs,
    // Link returns our `state` nonce, as the Codat Portal's redirect URL is told to.
    redirectUrlTemplate:
      '/link/finished?statusCode={statusCode}&companyId={companyId}&connectionId={connectionId}' +
      '&errorMessage={errorMessage}&state={state}',
  });

  // The platform, failing a share of its API calls through the simulator's own fault injection.
  const faults: Record<FaultKind, number> = {
    '500': 0,
    '429': 0,
    'drop-before': 0,
    'drop-after (create)': 0,
    latency: 0,
  };
  let platformCalls = 0;
  let forcedLeft = options.forcedCreateDrops;
  const platform = await serve((request) => {
    const path = new URL(request.url).pathname;
    if (path.startsWith('/companies')) {
      platformCalls += 1;
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
  });

  // The reference server, every request timed.
  const latencies = new Map<string, number[]>();
  const statuses: Record<string, number> = {};
  let replayed = 0;
  const handler = createOnboardHandler({
    apiKey: LOAD_API_KEY,
    platformUrl: platform.url,
    basePath: '/api',
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
  const stop = new AbortController();
  setMaxListeners(0, stop.signal); // every journey listens
  const started = performance.now();
  const env: Environment = {
    backend: createFetchBackend({ baseUrl: `${server.url}/api`, fetch: counting }),
    linkOrigins: [platform.url],
    syncMs: options.syncMs,
    maxUserRetries: options.maxUserRetries,
    deadline: Date.now() + options.timeLimitMs,
    stopped: stop.signal,
  };
  const run = randomUUID().slice(0, 8);
  const journeys = Array.from(
    { length: options.journeys },
    (_, i) => new Journey(`Load ${run} ${String(i + 1).padStart(4, '0')} Ltd`, env),
  );
  let timedOut = false;
  const limit = setTimeout(() => {
    timedOut = true;
    stop.abort();
  }, options.timeLimitMs);
  try {
    for (const journey of journeys) journey.start();
    await Promise.all(journeys.map((journey) => journey.finished));
  } finally {
    clearTimeout(limit);
    stop.abort();
    await server.close();
    await platform.close();
    restoreDocument();
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
    lost: journeys
      .filter((j) => j.snapshot.state !== 'complete')
      .map((j) => ({
        name: j.name,
        state: j.snapshot.state,
        error:
          j.snapshot.context.error && `${j.snapshot.context.error.code}: ${j.snapshot.context.error.message}`,
      })),
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
    platform: { calls: platformCalls, faults, leftover: simulator.faults.list().length },
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
