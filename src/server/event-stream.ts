import { ApiError, ErrorCode } from './api-error.ts';
import { companyChannel } from './company-events.ts';
import type { PubSub } from './pubsub.ts';

/** News on a company's channel this recent says webhooks reach this server for it: the browser may rely on them. */
export const LIVE_WITHIN_MS = 10 * 60_000;

export interface EventStreamOptions {
  /** Ends the stream: the request's signal (the browser went away). */
  readonly signal: AbortSignal;
  /** How often a `ping` event proves the stream alive, in ms (the browser falls back to polling without them). */
  readonly heartbeatMs: number;
}

/**
 * The longest a stream waits to subscribe before answering 503 `events-unavailable`: a pub/sub that is down may
 * hang rather than fail (a Redis client queueing commands while it reconnects), and the browser polls meanwhile.
 */
export const SUBSCRIBE_TIMEOUT_MS = 5_000;

/** `promise`, or a rejection after `ms`. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

const encoder = new TextEncoder();
const frame = (event: string, data: string): Uint8Array =>
  encoder.encode(`event: ${event}\ndata: ${data}\n\n`);

/**
 * One company's news as Server-Sent Events: `ready` once subscribed (news published from then on arrives),
 * with `{"live": true}` when the company had news in the last {@link LIVE_WITHIN_MS} (proof that webhooks reach
 * us for it: its link, say), each message of the company's channel as a `company` event (see `CompanyEvent`),
 * and a `ping` every `heartbeatMs`. Ends, unsubscribing, when the request is aborted or the reader cancels.
 */
export async function companyEventStream(
  pubsub: PubSub,
  companyId: string,
  { signal, heartbeatMs }: EventStreamOptions,
): Promise<Response> {
  const channel = companyChannel(companyId);
  let stream: ReadableStreamDefaultController<Uint8Array> | undefined;
  const send = (event: string, data: string): void => stream?.enqueue(frame(event, data));
  const subscribing = pubsub.subscribe(channel, (message) => send('company', message));
  let unsubscribe: () => Promise<void>;
  try {
    unsubscribe = await within(subscribing, SUBSCRIBE_TIMEOUT_MS);
  } catch {
    // Subscribed after we gave up: leave again.
    subscribing
      .then(
        (late) => late(),
        () => undefined,
      )
      .catch(() => undefined);
    throw new ApiError(
      503,
      ErrorCode.EventsUnavailable,
      'News of this company cannot be streamed now: poll.',
      {
        headers: { 'retry-after': '5' },
      },
    );
  }
  const last = await within(pubsub.lastPublished(channel), SUBSCRIBE_TIMEOUT_MS).catch(() => undefined);
  const live = last !== undefined && Date.now() - last < LIVE_WITHIN_MS;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  /** Ends it once, from either side: the browser went (`abort`) or the reader cancelled. */
  const end = (): void => {
    if (stream === undefined) return;
    const ending = stream;
    stream = undefined;
    clearInterval(heartbeat);
    signal.removeEventListener('abort', end);
    void unsubscribe();
    try {
      ending.close();
    } catch {
      // cancelled by the reader: already closed
    }
  };
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      stream = controller;
      if (signal.aborted) return end();
      signal.addEventListener('abort', end);
      // `retry`: how long EventSource waits before reconnecting by itself.
      controller.enqueue(encoder.encode('retry: 5000\n\n'));
      send('ready', JSON.stringify({ live }));
      heartbeat = setInterval(() => send('ping', '{}'), heartbeatMs);
    },
    cancel: end,
  });
  return new Response(body, {
    status: 200,
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      // Proxies such as nginx would otherwise hold the events back in a buffer.
      'x-accel-buffering': 'no',
    },
  });
}
