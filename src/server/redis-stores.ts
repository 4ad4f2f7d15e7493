/**
 * The reference server's shared state on Redis, for a fleet: the idempotency store (atomic claim, settle and
 * takeover, each one Lua script), the webhook dedupe and the pub/sub that carries company news between
 * instances. Any client with node-redis's `sendCommand` works (`createClient()` of `redis` or
 * `@redis/client`); for ioredis pass `{ sendCommand: (args) => redis.call(...args) }`.
 */
import { LAST_PUBLISHED_TTL_MS, type PubSub } from './pubsub.ts';
import type { WebhookDedupe } from './webhook-dedupe.ts';
import { type ClaimResult, type IdempotencyRecord, type IdempotencyStore } from './idempotency.ts';

/** The one Redis call the stores make: a command as its words, e.g. `['SET', 'k', 'v', 'NX']`. */
export interface RedisCommands {
  sendCommand(args: readonly string[]): Promise<unknown>;
}

/** A connection that can listen (node-redis: a `duplicate()` of the client, connected, used for nothing else). */
export interface RedisSubscriber {
  subscribe(channel: string, listener: (message: string) => void): Promise<unknown>;
  unsubscribe(channel: string, listener: (message: string) => void): Promise<unknown>;
}

const DAY_MS = 24 * 3_600_000;

/**
 * KEYS[1] the key; ARGV: the in-flight record, its fingerprint, staleBefore, ttl ms. Returns `claimed`,
 * `took-over`, or the record that stays (see `IdempotencyStore.claim`).
 */
const CLAIM = `
local current = redis.call('GET', KEYS[1])
if current then
  local record = cjson.decode(current)
  local over = record.state == 'failed'
    or (record.state == 'in-flight' and tonumber(record.startedAt) < tonumber(ARGV[3]))
  if record.fingerprint ~= ARGV[2] or not over then return current end
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[4])
  return 'took-over'
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[4])
return 'claimed'`;

/** KEYS[1] the key; ARGV: the attempt, the final record, ttl ms. 1 when written, 0 when not its claim. */
const SETTLE = `
local current = redis.call('GET', KEYS[1])
if not current then return 0 end
local record = cjson.decode(current)
if record.state ~= 'in-flight' or record.attempt ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
return 1`;

export interface RedisStoreOptions {
  /** Prefix of every key. Default `company-onboard:`. */
  readonly prefix?: string;
  /** How long a record is kept after its last write, in ms. Default a day. */
  readonly ttlMs?: number;
}

/**
 * An {@link IdempotencyStore} on Redis, shared by every instance and `durable` (a missing key was never
 * tried: first creates cost one platform call). Each operation is one script, so atomic.
 */
export function createRedisIdempotencyStore(
  redis: RedisCommands,
  { prefix = 'company-onboard:', ttlMs = DAY_MS }: RedisStoreOptions = {},
): IdempotencyStore {
  const keyOf = (key: string): string => `${prefix}idempotency:${key}`;
  return {
    durable: true,
    async claim(key, record, staleBefore): Promise<ClaimResult> {
      const args = [JSON.stringify(record), record.fingerprint, String(staleBefore), String(ttlMs)];
      const answer = await redis.sendCommand(['EVAL', CLAIM, '1', keyOf(key), ...args]);
      if (answer === 'claimed' || answer === 'took-over')
        return { claimed: true, tookOver: answer === 'took-over' };
      return { claimed: false, record: JSON.parse(String(answer)) as IdempotencyRecord };
    },
    async settle(key, attempt, record) {
      const answer = await redis.sendCommand([
        'EVAL',
        SETTLE,
        '1',
        keyOf(key),
        attempt,
        JSON.stringify(record),
        String(ttlMs),
      ]);
      return Number(answer) === 1;
    },
  };
}

/** A {@link WebhookDedupe} on Redis: `SET NX` with an expiry, so one instance handles each message. */
export function createRedisWebhookDedupe(
  redis: RedisCommands,
  { prefix = 'company-onboard:', ttlMs = DAY_MS }: RedisStoreOptions = {},
): WebhookDedupe {
  return {
    async claim(messageId) {
      return (
        (await redis.sendCommand([
          'SET',
          `${prefix}webhook:${messageId}`,
          '1',
          'NX',
          'PX',
          String(ttlMs),
        ])) === 'OK'
      );
    },
  };
}

/**
 * A {@link PubSub} on Redis: publishes with `redis`, listens on `subscriber` (a connection of its own), so news
 * published by any instance reaches the streams held by all. One Redis subscription per channel, however many
 * streams listen to it here.
 */
export function createRedisPubSub(
  redis: RedisCommands,
  subscriber: RedisSubscriber,
  { prefix = 'company-onboard:' }: Pick<RedisStoreOptions, 'prefix'> = {},
): PubSub {
  const local = new Map<
    string,
    {
      listeners: Set<(message: string) => void>;
      relay: (message: string) => void;
      /** The Redis subscription: every stream of the channel waits for it, not only the first. */
      subscribed: Promise<unknown>;
    }
  >();
  const lastKey = (channel: string): string => `${prefix}last:${channel}`;
  return {
    async publish(channel, message) {
      await redis.sendCommand([
        'SET',
        lastKey(channel),
        String(Date.now()),
        'PX',
        String(LAST_PUBLISHED_TTL_MS),
      ]);
      await redis.sendCommand(['PUBLISH', channel, message]);
    },
    async subscribe(channel, listener) {
      let entry = local.get(channel);
      if (entry === undefined) {
        const listeners = new Set<(message: string) => void>();
        const relay = (message: string): void => {
          for (const each of listeners) each(message);
        };
        const subscribed = subscriber.subscribe(channel, relay);
        const created = { listeners, relay, subscribed };
        entry = created;
        local.set(channel, created);
        subscribed.catch(() => {
          if (local.get(channel) === created) local.delete(channel);
        });
      }
      await entry.subscribed;
      const own = (message: string): void => listener(message);
      entry.listeners.add(own);
      const { listeners, relay } = entry;
      return async () => {
        listeners.delete(own);
        if (listeners.size > 0 || local.get(channel)?.relay !== relay) return;
        local.delete(channel);
        await subscriber.unsubscribe(channel, relay);
      };
    },
    async lastPublished(channel) {
      const at = Number(await redis.sendCommand(['GET', lastKey(channel)]));
      return Number.isFinite(at) && at > 0 ? at : undefined;
    },
  };
}
