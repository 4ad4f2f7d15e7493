import { ApiError, ErrorCode } from './api-error.ts';

/** The answer a completed create gave, kept to be replayed byte for byte. */
export interface StoredResponse {
  status: number;
  /** The JSON body as sent (already stripped of secrets). */
  body: string;
}

/**
 * What an {@link IdempotencyStore} keeps per `Idempotency-Key`: plain JSON, so any store can serialise it.
 * `fingerprint` is what made the request what it was (name, description, tags): the same key with another
 * fingerprint is refused with 422.
 */
export type IdempotencyRecord =
  /** A create is under way (or its process died mid-way); `startedAt` is epoch ms. */
  | { state: 'in-flight'; fingerprint: string; startedAt: number }
  /** The create succeeded; `response` is replayed to every later request with the key. */
  | { state: 'done'; fingerprint: string; response: StoredResponse }
  /** The last attempt failed; the company may exist anyway (the answer was lost), so look before creating. */
  | { state: 'failed'; fingerprint: string };

/**
 * Where the reference handler remembers `Idempotency-Key`s. The default,
 * {@link createMemoryIdempotencyStore}, lives in one process; behind several instances, or to survive
 * restarts cheaply, implement this over Redis or a database table:
 *
 * - `begin` is an atomic insert-if-absent: Redis `SET key value NX PX ttl` (then `GET` on failure, or
 *   `SET … NX GET` on Redis ≥ 7), SQL `INSERT … ON CONFLICT DO NOTHING` then `SELECT`.
 * - `set` overwrites (Redis `SET key value PX ttl`, SQL `UPDATE`).
 *
 * Expiry is the store's business: keep records at least as long as a browser tab might retry (a day).
 * Errors thrown by either method fail the request with 500 before any company is created.
 */
export interface IdempotencyStore {
  /**
   * `true` when a missing record proves the key was never tried: the store survives restarts, is shared by
   * every instance, and does not evict early. The handler then skips the platform lookup on a first create
   * (one platform call instead of two). Default `false`, which is always safe.
   */
  readonly durable?: boolean;
  /** Stores `record` if `key` has none and returns `undefined`; otherwise returns the existing record unchanged. */
  begin(key: string, record: IdempotencyRecord): Promise<IdempotencyRecord | undefined>;
  /** Stores `record` for `key`, replacing any. */
  set(key: string, record: IdempotencyRecord): Promise<void>;
}

/** Options of {@link createMemoryIdempotencyStore}. */
export interface MemoryIdempotencyStoreOptions {
  /** How long a key is remembered after its last update, in ms. Default `86400000` (24 hours). */
  ttlMs?: number;
  /** Most keys kept; past it the least recently updated is forgotten. Default `10000`. */
  maxEntries?: number;
  /** The clock, in epoch ms. Default `Date.now`. */
  now?: () => number;
}

/**
 * The default {@link IdempotencyStore}: a bounded map in this process, with expiry. Not `durable`: after a
 * restart, an eviction or on another instance it knows nothing, so the handler looks a key up on the
 * platform (by tag) before creating.
 */
export function createMemoryIdempotencyStore(options: MemoryIdempotencyStoreOptions = {}): IdempotencyStore {
  const { ttlMs = 24 * 60 * 60 * 1000, maxEntries = 10_000, now = Date.now } = options;
  // Insertion order is update order, and with one TTL also expiry order.
  const entries = new Map<string, { record: IdempotencyRecord; expiresAt: number }>();

  const forgetExpired = (time: number): void => {
    for (const [key, entry] of entries) {
      if (entry.expiresAt > time) break;
      entries.delete(key);
    }
  };
  const put = (key: string, record: IdempotencyRecord, time: number): void => {
    entries.delete(key);
    entries.set(key, { record, expiresAt: time + ttlMs });
    while (entries.size > maxEntries) {
      const oldest = entries.keys().next();
      if (oldest.done) break;
      entries.delete(oldest.value);
    }
  };

  return {
    durable: false,
    begin(key, record) {
      const time = now();
      forgetExpired(time);
      const existing = entries.get(key)?.record;
      if (existing === undefined) put(key, record, time);
      return Promise.resolve(existing);
    },
    set(key, record) {
      const time = now();
      forgetExpired(time);
      put(key, record, time);
      return Promise.resolve();
    },
  };
}

/**
 * Letters, digits, `-` and `_`, 16 to 100 characters: a random UUID, 32 hex digits, a ULID or base64url
 * all fit. The key also goes into a platform tag (values ≤ 100 characters) and a tag filter, where these
 * characters need no quoting. The minimum length is a nudge towards unguessable keys: a key is not tied to
 * a user, so whoever presents it (with the same body) gets the company it created.
 */
const VALID_KEY = /^[A-Za-z0-9_-]{16,100}$/;

/** Throws 400 `invalid-idempotency-key` unless `key` is fit to use (see {@link VALID_KEY}). */
export function checkIdempotencyKey(key: string): string {
  if (!VALID_KEY.test(key)) {
    throw new ApiError(
      400,
      ErrorCode.InvalidIdempotencyKey,
      'Idempotency-Key must be 16–100 letters, digits, "-" or "_" (a random UUID works).',
    );
  }
  return key;
}
