import { Webhook } from 'standardwebhooks';
import type { StoredCompany } from './model.ts';
import type { SyncPlan } from './sync-progress.ts';
import { dueEvents, type Announced, type DueEvent, type ReadCompletedPer } from './webhook-events.ts';

/** Where the simulator sends webhooks: a URL and its signing secret (`whsec_…`), as set up in Codat's portal. */
export interface WebhookEndpoint {
  readonly url: string;
  readonly secret: string;
}

export interface WebhookSenderOptions {
  readonly endpoints: readonly WebhookEndpoint[];
  /**
   * Delays before each retry of a failed delivery, in ms. Default Svix's: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h,
   * 10 h (eight attempts over about 28 hours).
   */
  readonly retryScheduleMs: readonly number[];
  /** Share of messages delivered twice (0 to 1): Svix delivers at least once. Default 0. */
  readonly duplicateRate: number;
  /** `webhook-*` (Codat's docs) or `svix-*` headers. Default `webhook`. */
  readonly headerPrefix: 'webhook' | 'svix';
  readonly readCompletedPer: ReadCompletedPer;
  /** How often due events are looked for, in ms; `0`: never by itself (call `deliverDue`). Default 100. */
  readonly tickMs: number;
  /** A delivery not answered within this is a failure, in ms. Default 15000, as Svix. */
  readonly timeoutMs: number;
}

/** The simulator's webhooks: endpoints, and the deliveries it owes them. */
export interface SimulatorWebhooks {
  /** Sends webhooks to `endpoint` from now on (nothing that happened before). Throws a `TypeError` if malformed. */
  add(endpoint: WebhookEndpoint): void;
  /** The endpoints' URLs. */
  list(): readonly string[];
  /** Removes every endpoint and pending retry. */
  clear(): void;
  /** Drops pending retries and what was announced (the simulator's `reset`); the endpoints stay. */
  reset(): void;
  /** Sends what is due now; resolves once those deliveries (first attempts) are answered. */
  deliverDue(): Promise<void>;
  /** Every delivery attempt so far, for tests: the message id, event type, URL and HTTP status (0: no answer). */
  attempts(): readonly { id: string; eventType: string; url: string; status: number }[];
}

export const SVIX_RETRY_SCHEDULE_MS = [5, 300, 1800, 7200, 18000, 36000, 36000].map((s) => s * 1000);

/** Sends the simulator's webhooks as Codat does through Svix: signed, retried with backoff, perhaps twice. */
export function createWebhookSender(
  options: WebhookSenderOptions,
  world: {
    readonly companies: () => readonly StoredCompany[];
    readonly plan: SyncPlan;
    readonly now: () => number;
    readonly uuid: () => string;
    readonly random: () => number;
  },
): SimulatorWebhooks {
  const endpoints = new Map<string, Webhook>();
  const announced = new Map<string, Announced>();
  const retries = new Set<ReturnType<typeof setTimeout>>();
  const attempts: { id: string; eventType: string; url: string; status: number }[] = [];
  let ticker: ReturnType<typeof setInterval> | undefined;

  const announcedOf = (company: StoredCompany): Announced => {
    let seen = announced.get(company.id);
    if (seen === undefined) {
      seen = { reads: new Set(), statuses: new Map() };
      announced.set(company.id, seen);
    }
    return seen;
  };

  /** Everything due now, marked announced. */
  const collect = (): DueEvent[] =>
    world
      .companies()
      .flatMap((company) =>
        dueEvents(world.plan, company, announcedOf(company), world.now(), options.readCompletedPer),
      );

  async function attempt(
    url: string,
    webhook: Webhook,
    id: string,
    event: DueEvent,
    body: string,
    left: readonly number[],
  ) {
    // Signed at the wall clock's time, whatever the simulated one: the receiver checks it against its own.
    const sentAt = new Date();
    const prefix = options.headerPrefix;
    let status = 0;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [`${prefix}-id`]: id,
          [`${prefix}-timestamp`]: String(Math.floor(sentAt.getTime() / 1000)),
          [`${prefix}-signature`]: webhook.sign(id, sentAt, body),
        },
        body,
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      status = response.status;
      await response.body?.cancel();
    } catch {
      status = 0;
    }
    attempts.push({ id, eventType: event.eventType, url, status });
    if (attempts.length > 10_000) attempts.splice(0, attempts.length - 10_000);
    if (status >= 200 && status < 300) return;
    const [delay, ...rest] = left;
    if (delay === undefined || !endpoints.has(url)) return;
    const timer = setTimeout(() => {
      retries.delete(timer);
      void attempt(url, webhook, id, event, body, rest);
    }, delay);
    timer.unref?.();
    retries.add(timer);
  }

  async function deliver(events: readonly DueEvent[]): Promise<void> {
    const sends: Promise<void>[] = [];
    for (const event of events) {
      const id = `msg_${world.uuid().replaceAll('-', '')}`;
      const body = JSON.stringify({
        id: world.uuid(),
        eventType: event.eventType,
        generatedDate: new Date(event.at).toISOString(),
        payload: event.payload,
      });
      for (const [url, webhook] of endpoints) {
        sends.push(attempt(url, webhook, id, event, body, options.retryScheduleMs));
        if (world.random() < options.duplicateRate) sends.push(attempt(url, webhook, id, event, body, []));
      }
    }
    await Promise.all(sends);
  }

  const sender: SimulatorWebhooks = {
    add(endpoint) {
      if (!/^https?:\/\//.test(endpoint.url))
        throw new TypeError(`A webhook endpoint needs an http(s) URL, not ${endpoint.url}.`);
      const webhook = new Webhook(endpoint.secret); // throws for an empty or malformed secret
      // Only what happens from now on: mark everything so far as told.
      if (endpoints.size === 0) collect();
      endpoints.set(endpoint.url, webhook);
      if (ticker === undefined && options.tickMs > 0) {
        ticker = setInterval(() => void sender.deliverDue(), options.tickMs);
        ticker.unref?.();
      }
    },
    list: () => [...endpoints.keys()],
    reset() {
      announced.clear();
      for (const timer of retries) clearTimeout(timer);
      retries.clear();
    },
    clear() {
      endpoints.clear();
      sender.reset();
      clearInterval(ticker);
      ticker = undefined;
    },
    deliverDue: () => (endpoints.size === 0 ? Promise.resolve() : deliver(collect())),
    attempts: () => [...attempts],
  };
  for (const endpoint of options.endpoints) sender.add(endpoint);
  return sender;
}
