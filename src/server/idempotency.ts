import { ApiError, ErrorCode } from './api-error.ts';

interface Entry<T> {
  fingerprint: string;
  result: Promise<T>;
  expiresAt: number;
}

/** How long a create is remembered: as long as a browser tab might retry it. */
const TTL_MS = 24 * 60 * 60 * 1000;
/** Bounds memory; the oldest key is forgotten first. */
const MAX_ENTRIES = 1000;
/** Printable ASCII, as the IETF Idempotency-Key draft and common APIs allow. */
const VALID_KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * Replays the result of an earlier request with the same `Idempotency-Key`, so a retried create (after a
 * timeout or a reload) returns the same company instead of making, and paying for, a second one. Concurrent
 * duplicates share the one call in flight. Failures are forgotten at once so a retry can try again.
 *
 * The memory is per process: behind several instances, route by key or replace this with a shared store.
 * Keys are not tied to a user, so clients must use unguessable keys (random UUIDs); a key replayed with a
 * different body is refused with 422.
 */
export class IdempotencyCache<T> {
  readonly #entries = new Map<string, Entry<T>>();

  /** Runs `operation` once per `key` and `fingerprint` (the request's meaning); replays it afterwards. */
  run(key: string, fingerprint: string, operation: () => Promise<T>): Promise<T> {
    if (!VALID_KEY.test(key)) {
      throw new ApiError(
        400,
        ErrorCode.InvalidIdempotencyKey,
        'Idempotency-Key must be 1–255 printable ASCII characters.',
      );
    }
    const now = Date.now();
    this.#forgetExpired(now);
    const existing = this.#entries.get(key);
    if (existing) {
      if (existing.fingerprint !== fingerprint) {
        throw new ApiError(
          422,
          ErrorCode.IdempotencyKeyReused,
          'This Idempotency-Key was already used for a different request.',
        );
      }
      return existing.result;
    }
    const result = operation();
    this.#entries.set(key, { fingerprint, result, expiresAt: now + TTL_MS });
    result.catch(() => {
      if (this.#entries.get(key)?.result === result) this.#entries.delete(key);
    });
    if (this.#entries.size > MAX_ENTRIES) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    return result;
  }

  #forgetExpired(now: number): void {
    for (const [key, entry] of this.#entries) {
      if (entry.expiresAt > now) break; // insertion order is expiry order
      this.#entries.delete(key);
    }
  }
}
