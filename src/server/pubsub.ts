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
}

/** A {@link PubSub} inside this process: enough for one server, or a demo. */
export function createMemoryPubSub(): PubSub {
  const listeners = new Map<string, Set<(message: string) => void>>();
  return {
    publish(channel, message) {
      for (const listener of listeners.get(channel) ?? []) listener(message);
      return Promise.resolve();
    },
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
