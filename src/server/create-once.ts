import type { Company } from '@codat/platform/sdk/models/shared/company.js';
import { codatCompanyName } from '../backend/company-name.ts';
import { ApiError, ErrorCode } from './api-error.ts';
import { IDEMPOTENCY_TAG, withIdempotencyTag, type CreateCompanyInput } from './company-input.ts';
import {
  checkIdempotencyKey,
  type DoneRecord,
  type FailedRecord,
  type IdempotencyStore,
  type StoredResponse,
} from './idempotency.ts';
import type { PlatformClient } from './platform.ts';

/** What a create with an `Idempotency-Key` answered, and whether it was a replay (no company was made now). */
export interface CreateOutcome {
  response: StoredResponse;
  /**
   * `true` unless this very request created the company: the answer came from the store, from a company
   * found by its tag, or from another request with the key still running when this one arrived. The
   * caller must then check that this requester may read the company before handing it over.
   */
  replayed: boolean;
}

type Log = (line: string) => void;

export interface CreateOnceOptions {
  store: IdempotencyStore;
  platform: Pick<PlatformClient, 'createCompany' | 'findCompaniesByTag'>;
  /** The response body for a company, secrets removed. */
  serialise: (company: Company) => string;
  /** Past this age an `in-flight` record is presumed abandoned (its process died) and taken over. */
  staleAfterMs: number;
  /** The most an attempt's platform calls may take together, in ms. */
  budgetMs: number;
  /** The most one platform call may take, in ms. */
  callTimeoutMs: number;
  now?: () => number;
}

/**
 * Creates a company at most once per `Idempotency-Key`, whatever fails:
 *
 * 1. The key is validated and recorded `in-flight` in the store *before* the platform is called.
 * 2. A record that is `done` is replayed; one `in-flight` in another request (another instance, or this one
 *    if not yet settled) answers 409 with `Retry-After`; concurrent duplicates in this process share one call.
 * 3. The company is created with the tag `onboardIdempotencyKey=<key>`, so it can be found again.
 * 4. Before creating, the platform is asked for a company with that tag, and if there is one it is returned
 *    (200) instead. This is what survives a connection that dropped *after* the platform created the company:
 *    the store then says `failed`, but the company exists.
 *
 * When to look (step 4): after a `failed` or abandoned attempt, always; for a key the store has never seen,
 * only if the store is not `durable`. The default in-memory store forgets everything on restart, on eviction
 * and across instances, so "never seen" proves nothing and we pay one list call per first create: creates
 * are rare (once per customer), a list call is cheap, and a duplicate company costs money. A durable store
 * (Redis, a table) records `in-flight` before every create, so a missing record proves a first attempt
 * and the first create costs one platform call. If the lookup itself fails we do not create blind: the
 * request fails and the next retry looks again.
 *
 * A company found by its tag is ours when its name has the same letters and digits as the one we send
 * (punctuation and spaces a platform might strip do not count) and its description and tags match.
 *
 * Not covered: a platform whose tag filter lags behind its creates, and — should the platform
 * ever alter a name we send — the first request's own retry after a *different* request with its key found
 * the company first (the store then holds the company's fingerprint, not the first request's).
 */
export function createOnce(
  options: CreateOnceOptions,
): (key: string, input: CreateCompanyInput, log: Log) => Promise<CreateOutcome> {
  const { store, platform, serialise, staleAfterMs, budgetMs, callTimeoutMs, now = Date.now } = options;
  const running = new Map<string, { fingerprint: string; outcome: Promise<CreateOutcome> }>();

  async function attempt(
    key: string,
    input: CreateCompanyInput,
    print: string,
    log: Log,
  ): Promise<CreateOutcome> {
    const tagged = withIdempotencyTag(input, key);
    const startedAt = now();
    const attemptId = crypto.randomUUID();
    const inFlight = { state: 'in-flight', fingerprint: print, startedAt, attempt: attemptId } as const;
    // One atomic step claims a new key, or takes over a failed or abandoned attempt's: of the instances racing
    // for a key, one goes on.
    const claim = await store.claim(key, inFlight, startedAt - staleAfterMs);
    if (!claim.claimed) {
      const existing = claim.record;
      if (existing.fingerprint !== print) throw keyReused();
      if (existing.state === 'done') return { response: existing.response, replayed: true };
      throw keyInFlight();
    }
    const lookFirst = store.durable !== true || claim.tookOver;
    /** What is left of the attempt's budget for the next call (at least a moment: it must be able to answer). */
    const left = (): number => Math.max(100, Math.min(callTimeoutMs, startedAt + budgetMs - now()));
    const record = (value: DoneRecord | FailedRecord, what: string): Promise<void> =>
      settle(key, attemptId, value, what, log);

    let earlier: Company | undefined;
    let company: Company;
    try {
      earlier = lookFirst ? await findTagged(key, log, left()) : undefined;
      company = earlier ?? (await platform.createCompany(tagged, left()));
    } catch (error) {
      await record({ state: 'failed', fingerprint: print }, 'record a failed create');
      throw error;
    }
    const response = { status: 200, body: serialise(company) };
    const found = earlier === undefined ? undefined : companyInput(earlier);
    if (found !== undefined && storedFingerprint(found) !== storedFingerprint(input)) {
      // The key already belongs to a company made from another request: remember that, refuse this one.
      await record({ state: 'done', fingerprint: fingerprint(found), response }, 'record a key');
      throw keyReused();
    }
    // The company exists whatever the store says now: answer with it. Should the store fail here, a retry
    // finds the record `in-flight`, gets 409 until it is stale, then takes over and finds the company by tag.
    await record({ state: 'done', fingerprint: print, response }, 'record a create');
    return { response, replayed: earlier !== undefined };
  }

  /**
   * Ends this attempt in the store after the platform was called: a failure there must not hide the platform's
   * answer. An attempt taken over meanwhile (it ran past `staleAfterMs`) writes nothing: the one that took over
   * owns the key, and finds this attempt's company by its tag.
   */
  async function settle(
    key: string,
    attempt: string,
    value: DoneRecord | FailedRecord,
    what: string,
    log: Log,
  ): Promise<void> {
    try {
      if (!(await store.settle(key, attempt, value))) {
        log(
          `company-onboard: idempotency key ${key} was taken over by another attempt; not recorded (${what}).`,
        );
      }
    } catch (error) {
      log(storeFailure(what, error));
    }
  }

  /** The company an earlier attempt created for `key`, if any. */
  async function findTagged(key: string, log: Log, timeoutMs: number): Promise<Company | undefined> {
    const candidates = await platform.findCompaniesByTag(IDEMPOTENCY_TAG, key, timeoutMs);
    // Check the tag ourselves: a platform that ignored or loosened the filter must not hand us a stranger.
    const mine = candidates
      .filter((company) => company.tags?.[IDEMPOTENCY_TAG] === key)
      .sort((a, b) => (a.created ?? '').localeCompare(b.created ?? ''));
    const [first] = mine;
    if (first !== undefined && mine.length > 1) {
      log(
        `company-onboard: ${mine.length} companies carry one Idempotency-Key (${mine.map((c) => c.id).join(', ')}); ` +
          `answering with the oldest, ${first.id}.`,
      );
    }
    return first;
  }

  // `log` is the request's own (its lines name its journey). A duplicate that joins a running attempt shares
  // that attempt's lines too: they name the first request's journey.
  return (rawKey, input, log) => {
    const key = checkIdempotencyKey(rawKey);
    const print = fingerprint(input);
    const shared = running.get(key);
    if (shared) {
      if (shared.fingerprint !== print) return Promise.reject(keyReused());
      // This request did not make the company, so to it the answer is a replay, to be checked like one.
      return shared.outcome.then(({ response }) => ({ response, replayed: true }));
    }
    const outcome = attempt(key, input, print, log);
    running.set(key, { fingerprint: print, outcome });
    const forget = (): void => {
      if (running.get(key)?.outcome === outcome) running.delete(key);
    };
    outcome.then(forget, forget);
    return outcome;
  };
}

/** What makes two creates "the same request" for an Idempotency-Key. */
export function fingerprint(input: CreateCompanyInput): string {
  return JSON.stringify([input.name, input.description ?? '', sortedTags(input.tags)]);
}

/** The create request `company` answers, as the platform stored it (our own tag aside). */
function companyInput(company: Company): CreateCompanyInput {
  const tags = Object.fromEntries(
    Object.entries(company.tags ?? {}).filter(([name]) => name !== IDEMPOTENCY_TAG),
  );
  return { name: company.name, description: company.description ?? '', tags };
}

/**
 * {@link fingerprint} as it survives the platform's clean-up: we send names already in Codat's alphabet
 * (`company-input.ts`), but a platform that trims, collapses or strips more than its spec says must not turn
 * our own company, found again after a lost answer, into a 422. Only the letters and digits of the name count;
 * a `null` description (the spec allows it) is none.
 */
function storedFingerprint(input: CreateCompanyInput): string {
  const name = codatCompanyName(input.name).replace(/[^A-Za-z0-9]/g, '');
  return fingerprint({ ...input, name });
}

function sortedTags(tags: Record<string, string> | undefined): [string, string][] {
  return Object.entries(tags ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function keyReused(): ApiError {
  return new ApiError(
    422,
    ErrorCode.IdempotencyKeyReused,
    'This Idempotency-Key was already used for a different request.',
  );
}

function keyInFlight(): ApiError {
  return new ApiError(
    409,
    ErrorCode.IdempotencyKeyInFlight,
    'A request with this Idempotency-Key is still being processed. Try again shortly.',
    { headers: { 'retry-after': '1' } },
  );
}

function storeFailure(what: string, error: unknown): string {
  const detail = error instanceof Error ? `${error.name} ${JSON.stringify(error.message)}` : String(error);
  return `company-onboard: the idempotency store failed to ${what}: ${detail}`;
}
