/**
 * One reference-server instance with all its state on Redis, as a fleet runs it: the onboard handler under
 * `/api` and, with push, Codat's webhooks at {@link WEBHOOK_PATH}, sharing one pub/sub. Used by the fleet's
 * server processes and the Redis tests, so they all run the same composition.
 */
import {
  createOnboardHandler,
  createRedisIdempotencyStore,
  createRedisPubSub,
  createRedisWebhookDedupe,
  createWebhookHandler,
  type FetchHandler,
  type RedisCommands,
  type RedisSubscriber,
} from '../../src/server/index.ts';

export const WEBHOOK_PATH = '/webhooks/codat';

export interface RedisInstanceOptions {
  readonly apiKey: string;
  readonly platformUrl: string;
  /** Commands (stores, publishing), and a connection of its own to listen on. */
  readonly redis: RedisCommands;
  readonly subscriber: RedisSubscriber;
  /** The webhook signing secret; `null`: no push (no webhooks, no event streams: browsers poll). */
  readonly webhookSecret: string | null;
}

export function redisInstance(options: RedisInstanceOptions): FetchHandler {
  const { redis, webhookSecret } = options;
  const pubsub = webhookSecret === null ? undefined : createRedisPubSub(redis, options.subscriber);
  const api = createOnboardHandler({
    apiKey: options.apiKey,
    platformUrl: options.platformUrl,
    basePath: '/api',
    authorize: 'allow-everyone',
    idempotencyStore: createRedisIdempotencyStore(redis),
    ...(pubsub === undefined ? {} : { pubsub }),
    log: () => undefined,
  });
  if (pubsub === undefined || webhookSecret === null) return api;
  const webhooks = createWebhookHandler({
    secret: webhookSecret,
    pubsub,
    dedupe: createRedisWebhookDedupe(redis),
    log: () => undefined,
  });
  return (request) => (new URL(request.url).pathname === WEBHOOK_PATH ? webhooks(request) : api(request));
}
