import type { DoneRecord, IdempotencyStore, InFlightRecord } from './idempotency.ts';

/** One promise of the {@link IdempotencyStore} contract; `run` throws when a store breaks it. */
export interface StoreCheck {
  readonly name: string;
  readonly run: (store: IdempotencyStore) => Promise<void>;
}

const fail = (message: string): never => {
  throw new Error(`idempotency store contract: ${message}`);
};
const same = (actual: unknown, expected: unknown, what: string): void => {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    fail(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
};

let counter = 0;
/** A key no other check (nor another run) uses. */
const freshKey = (): string => `conformance-${Date.now()}-${(counter += 1)}-${crypto.randomUUID()}`;
const inFlight = (attempt: string, startedAt = Date.now(), fingerprint = 'print-a'): InFlightRecord => ({
  state: 'in-flight',
  fingerprint,
  startedAt,
  attempt,
});
const done = (fingerprint = 'print-a'): DoneRecord => ({
  state: 'done',
  fingerprint,
  response: { status: 200, body: '{"id":"c-1","name":"Café Müller – ☕"}' },
});
/** A `staleBefore` no attempt of these checks started before (so none is abandoned). */
const NOTHING_STALE = (): number => Date.now() - 60_000;

/**
 * The contract every {@link IdempotencyStore} must meet, as checks to run against yours (each on a fresh key,
 * so one store can run them all): `for (const check of idempotencyStoreConformance()) it(check.name, () =>
 * check.run(store))`. The reference server's memory and Redis stores pass them.
 */
export function idempotencyStoreConformance(): StoreCheck[] {
  return [
    {
      name: 'claims a free key once; a second claim gets the record in flight',
      async run(store) {
        const key = freshKey();
        same(
          await store.claim(key, inFlight('a'), NOTHING_STALE()),
          { claimed: true, tookOver: false },
          'first claim',
        );
        const second = await store.claim(key, inFlight('b'), NOTHING_STALE());
        if (second.claimed) fail('a second claim won');
        else
          same(
            [second.record.state, 'attempt' in second.record && second.record.attempt],
            ['in-flight', 'a'],
            'the record',
          );
      },
    },
    {
      name: 'of 25 claims racing for one key, exactly one wins',
      async run(store) {
        const key = freshKey();
        const results = await Promise.all(
          Array.from({ length: 25 }, (_, i) => store.claim(key, inFlight(`racer-${i}`), NOTHING_STALE())),
        );
        same(results.filter((result) => result.claimed).length, 1, 'winners');
      },
    },
    {
      name: 'the claiming attempt settles it; later claims get the answer to replay, byte for byte',
      async run(store) {
        const key = freshKey();
        await store.claim(key, inFlight('a'), NOTHING_STALE());
        same(await store.settle(key, 'a', done()), true, 'settle by its attempt');
        same(
          await store.claim(key, inFlight('b'), Date.now() + 60_000),
          { claimed: false, record: done() },
          'a claim after',
        );
      },
    },
    {
      name: 'a failed attempt is taken over by a claim with the same fingerprint, not by another',
      async run(store) {
        const key = freshKey();
        await store.claim(key, inFlight('a'), NOTHING_STALE());
        await store.settle(key, 'a', { state: 'failed', fingerprint: 'print-a' });
        const other = await store.claim(key, inFlight('x', Date.now(), 'print-x'), NOTHING_STALE());
        same(
          other,
          { claimed: false, record: { state: 'failed', fingerprint: 'print-a' } },
          'another fingerprint',
        );
        same(
          await store.claim(key, inFlight('b'), NOTHING_STALE()),
          { claimed: true, tookOver: true },
          'same fingerprint',
        );
      },
    },
    {
      name: 'an attempt in flight is taken over only once it started before staleBefore, by exactly one of many',
      async run(store) {
        const key = freshKey();
        const startedAt = Date.now() - 120_000;
        await store.claim(key, inFlight('a', startedAt), NOTHING_STALE());
        const fresh = await store.claim(key, inFlight('b'), startedAt);
        same(fresh.claimed, false, 'not stale yet');
        const results = await Promise.all(
          Array.from({ length: 25 }, (_, i) => store.claim(key, inFlight(`taker-${i}`), startedAt + 1)),
        );
        same(results.filter((result) => result.claimed).length, 1, 'takers that won');
      },
    },
    {
      name: 'an attempt taken over cannot settle: nothing it writes lands',
      async run(store) {
        const key = freshKey();
        await store.claim(key, inFlight('a', Date.now() - 120_000), NOTHING_STALE());
        await store.claim(key, inFlight('b'), Date.now() - 60_000);
        same(
          await store.settle(key, 'a', { state: 'failed', fingerprint: 'print-a' }),
          false,
          'the old attempt settling',
        );
        same(await store.settle(key, 'b', done()), true, 'the new one settling');
        same(
          await store.settle(key, 'b', { state: 'failed', fingerprint: 'print-a' }),
          false,
          'settling twice',
        );
        const after = await store.claim(key, inFlight('c'), Date.now() + 60_000);
        same(after, { claimed: false, record: done() }, 'what stays');
      },
    },
    {
      name: 'a key never claimed cannot be settled; keys are independent',
      async run(store) {
        const [one, two] = [freshKey(), freshKey()];
        same(await store.settle(one, 'a', done()), false, 'settling an unclaimed key');
        await store.claim(one, inFlight('a'), NOTHING_STALE());
        same(
          await store.claim(two, inFlight('a'), NOTHING_STALE()),
          { claimed: true, tookOver: false },
          'another key',
        );
      },
    },
  ];
}
