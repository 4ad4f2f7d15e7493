import { ExpiringMap } from './expiring-map.ts';

/**
 * Remembers the webhook messages already handled, by their id (`webhook-id`, the same on every delivery of one
 * message): Codat delivers at least once, so duplicates come. Across a fleet, give every instance one shared
 * store (Redis: `createRedisWebhookDedupe`).
 */
export interface WebhookDedupe {
  /** `true` the first time `messageId` is claimed (handle it), `false` after (a duplicate: skip it). */
  claim(messageId: string): Promise<boolean>;
}

export interface MemoryWebhookDedupeOptions {
  /** How long an id is remembered, in ms. Default 24 hours (deliveries of one message span about 28 hours, the last ones rare). */
  readonly ttlMs?: number;
  /** At most this many ids; the oldest are forgotten first. Default 100000. */
  readonly maxEntries?: number;
  readonly now?: () => number;
}

/** A {@link WebhookDedupe} in this process's memory. */
export function createMemoryWebhookDedupe(options: MemoryWebhookDedupeOptions = {}): WebhookDedupe {
  const { ttlMs = 24 * 3_600_000, maxEntries = 100_000, now = Date.now } = options;
  const seen = new ExpiringMap<true>(ttlMs, maxEntries, now);
  return {
    claim(messageId) {
      if (seen.get(messageId)) return Promise.resolve(false);
      seen.set(messageId, true);
      return Promise.resolve(true);
    },
  };
}
