import { ExpiringMap } from './expiring-map.ts';

/**
 * How a company's news travels from the webhook handler to the event streams browsers hold open. In memory
 * for one process ({@link createMemoryPubSub}); across a fleet, one that every instance shares (Redis:
 * `createRedisPubSub`), so a webhook that reaches one instance reaches the browsers held by all.
 */
export interface PubSub {
  /** Delivers `message` to every current subscriber of `channel`, in any process sharing this pub/sub. */
  publish(channel: string, message: string): Promise<void>;
  /** Calls `listener` with each message published on `channel` from now on; resolves with the way to stop. */
  subscribe(channel: string, listener: (message: string) => void): Promise<() => Promise<void>>;
  /** When a message was last published on `channel` (epoch ms), if within the last hour; else `undefined`. */
  lastPublished(channel: string): Promise<number | undefined>;
}

/** How long {@link PubSub.lastPublished} remembers a channel. */
export const LAST_PUBLISHED_TTL_MS = 3_600_000;

/** A {@link PubSub} inside this process: enough for one server, or a demo. */
export function createMemoryPubSub(now: () => number = Date.now): PubSub {
  const listeners = new Map<string, Set<(message: string) => void>>();
  const last = new ExpiringMap<number>(LAST_PUBLISHED_TTL_MS, 100_000, now);
  return {
    publish(channel, message) {
      last.set(channel, now());
      for (const listener of listeners.get(channel) ?? []) listener(message);
      return Promise.resolve();
    },
    lastPublished: (channel) => Promise.resolve(last.get(channel)),
    subscribe(channel, listener) {
      // Each subscription its own entry, so the same function subscribed twice is stopped once at a time.
      const own = (message: string): void => listener(message);
      const set = listeners.get(channel) ?? new Set();
      set.add(own);
      listeners.set(channel, set);
      return Promise.resolve(() => {
        set.delete(own);
        if (set.size === 0) listeners.delete(channel);
        return Promise.resolve();
      });
    },
  };
}
