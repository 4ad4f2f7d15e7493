import { ApiError, ErrorCode } from './api-error.ts';
import { ExpiringMap } from './expiring-map.ts';

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
export type IdempotencyRecord = InFlightRecord | DoneRecord | FailedRecord;

/** A create is under way (or its process died mid-way): `startedAt` is epoch ms, `attempt` its own id. */
export interface InFlightRecord {
  readonly state: 'in-flight';
  readonly fingerprint: string;
  readonly startedAt: number;
  readonly attempt: string;
}
/** The create succeeded; `response` is replayed to every later request with the key. */
export interface DoneRecord {
  readonly state: 'done';
  readonly fingerprint: string;
  readonly response: StoredResponse;
}
/** The last attempt failed; the company may exist anyway (the answer was lost), so look before creating. */
export interface FailedRecord {
  readonly state: 'failed';
  readonly fingerprint: string;
}

/** What a {@link IdempotencyStore.claim} found. */
export type ClaimResult =
  /** The attempt owns the key. `tookOver`: the key had a record (a failed or abandoned attempt): look first. */
  | { readonly claimed: true; readonly tookOver: boolean }
  /** Another request's: done (replay it), still in flight (409), or another fingerprint (422). */
  | { readonly claimed: false; readonly record: IdempotencyRecord };

/**
 * Where the reference handler remembers `Idempotency-Key`s. The default, {@link createMemoryIdempotencyStore},
 * lives in one process; behind several instances use one they share (`createRedisIdempotencyStore`, or your
 * own over a database). Both operations must be atomic: of the instances racing for a key, exactly one may
 * create. `idempotencyStoreConformance()` checks a store against this contract.
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
  /**
   * Claims `key` for one attempt, atomically: stores `record` when the key has no record, or has one with the
   * same fingerprint whose attempt is over (`failed`) or abandoned (`in-flight` since before `staleBefore`,
   * epoch ms). Otherwise it leaves the record and returns it. SQL: `INSERT … ON CONFLICT DO UPDATE … WHERE`
   * the conditions hold; Redis: a script (see `redis-stores.ts`).
   */
  claim(key: string, record: InFlightRecord, staleBefore: number): Promise<ClaimResult>;
  /**
   * Ends attempt `attempt` with `record`, atomically, only while the key is still claimed by it (in flight
   * with that id): `false`, writing nothing, once another attempt took the key over.
   */
  settle(key: string, attempt: string, record: DoneRecord | FailedRecord): Promise<boolean>;
}

/** Whether a claim may replace `existing` (see {@link IdempotencyStore.claim}). */
export const claimable = (
  existing: IdempotencyRecord,
  record: InFlightRecord,
  staleBefore: number,
): boolean =>
  existing.fingerprint === record.fingerprint &&
  (existing.state === 'failed' || (existing.state === 'in-flight' && existing.startedAt < staleBefore));

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
  const records = new ExpiringMap<IdempotencyRecord>(ttlMs, maxEntries, now);

  // Each method runs to completion before any other (one thread, no await inside): atomic as it stands.
  return {
    durable: false,
    claim(key, record, staleBefore) {
      const existing = records.get(key);
      if (existing !== undefined && !claimable(existing, record, staleBefore)) {
        return Promise.resolve({ claimed: false, record: existing });
      }
      records.set(key, record);
      return Promise.resolve({ claimed: true, tookOver: existing !== undefined });
    },
    settle(key, attempt, record) {
      const existing = records.get(key);
      if (existing?.state !== 'in-flight' || existing.attempt !== attempt) return Promise.resolve(false);
      records.set(key, record);
      return Promise.resolve(true);
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
