/**
 * A map whose entries expire `ttlMs` after their last write and that holds at most `maxEntries`, the least
 * recently written going first. One TTL for all, so insertion order is expiry order: expired entries are
 * always at the front. The reference server's in-process stores are built on it.
 */
export class ExpiringMap<V> {
  readonly #entries = new Map<string, { value: V; expiresAt: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number,
  ) {}

  get(key: string): V | undefined {
    const time = this.now();
    for (const [name, entry] of this.#entries) {
      if (entry.expiresAt > time) break;
      this.#entries.delete(name);
    }
    return this.#entries.get(key)?.value;
  }

  /** Writes `value` for `key`, renewing its expiry. */
  set(key: string, value: V): void {
    this.#entries.delete(key);
    this.#entries.set(key, { value, expiresAt: this.now() + this.ttlMs });
    for (const name of this.#entries.keys()) {
      if (this.#entries.size <= this.maxEntries) break;
      this.#entries.delete(name);
    }
  }
}
