import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import {
  claimable,
  type DoneRecord,
  type FailedRecord,
  type InFlightRecord,
} from '../../src/server/idempotency.ts';
import {
  createMemoryIdempotencyStore,
  idempotencyStoreConformance,
  IDEMPOTENCY_TAG,
  type ClaimResult,
  type IdempotencyRecord,
  type IdempotencyStore,
} from '../../src/server/index.ts';
import { fingerprint } from '../../src/server/create-once.ts';
import { startRecordedBackend, type PlatformCall, type RecordedBackend } from './harness.ts';

const CREATE: PlatformCall = { method: 'POST', path: '/companies' };
const LOOKUP = (key: string): PlatformCall => ({
  method: 'GET',
  path: '/companies',
  tags: `${IDEMPOTENCY_TAG}=${key}`,
});

const done = (fingerprint: string): DoneRecord => ({
  state: 'done',
  fingerprint,
  response: { status: 200, body: '{}' },
});
const inFlight = (attempt: string, startedAt = 0, fingerprint = 'a'): InFlightRecord => ({
  state: 'in-flight',
  fingerprint,
  startedAt,
  attempt,
});
/** What a claim finds, when it does not win. */
const found = async (store: IdempotencyStore, key: string) => {
  const claim = await store.claim(key, inFlight('probe', 0, 'probe'), -1);
  return claim.claimed ? undefined : claim.record;
};

describe('createMemoryIdempotencyStore', () => {
  const memory = createMemoryIdempotencyStore();
  for (const check of idempotencyStoreConformance()) {
    it(`meets the store contract: ${check.name}`, () => check.run(memory));
  }

  it('is not durable', () => {
    assert.equal(createMemoryIdempotencyStore().durable, false);
  });

  it('forgets a key ttlMs after its last update', async () => {
    let now = 0;
    const store = createMemoryIdempotencyStore({ ttlMs: 1000, now: () => now });
    await store.claim('k', inFlight('a'), -1);
    now = 500;
    await store.settle('k', 'a', done('a'));
    now = 1499;
    assert.deepEqual(await found(store, 'k'), done('a'), 'settle renews the expiry');
    now = 1500;
    assert.equal(await found(store, 'k'), undefined, 'expired, so free again');
  });

  it('keeps at most maxEntries keys, forgetting the least recently updated', async () => {
    const store = createMemoryIdempotencyStore({ maxEntries: 2 });
    await store.claim('a', inFlight('a'), -1);
    await store.claim('b', inFlight('b'), -1);
    await store.settle('a', 'a', done('a2'));
    await store.claim('c', inFlight('c'), -1);
    assert.deepEqual(await found(store, 'a'), done('a2'));
    assert.equal(await found(store, 'b'), undefined, 'b went');
  });
});

/** A store over a Map, as a Redis or SQL one would be: shared by handlers, surviving their restarts. */
class MapStore implements IdempotencyStore {
  readonly records = new Map<string, IdempotencyRecord>();
  readonly writes: string[] = [];
  failBegin = false;
  failSet = false;
  constructor(readonly durable: boolean) {}

  claim(key: string, record: InFlightRecord, staleBefore: number): Promise<ClaimResult> {
    if (this.failBegin) return Promise.reject(new Error('store down'));
    const existing = this.records.get(key);
    if (existing !== undefined && !claimable(existing, record, staleBefore)) {
      return Promise.resolve({ claimed: false, record: existing });
    }
    this.records.set(key, record);
    this.writes.push(existing === undefined ? 'claim' : `take over ${existing.state}`);
    return Promise.resolve({ claimed: true, tookOver: existing !== undefined });
  }

  settle(key: string, attempt: string, record: DoneRecord | FailedRecord): Promise<boolean> {
    if (this.failSet) return Promise.reject(new Error('store down'));
    const existing = this.records.get(key);
    if (existing?.state !== 'in-flight' || existing.attempt !== attempt) return Promise.resolve(false);
    this.records.set(key, record);
    this.writes.push(`settle ${record.state}`);
    return Promise.resolve(true);
  }
}

describe('a custom idempotencyStore', () => {
  let rig: RecordedBackend;
  let store: MapStore;
  before(async () => {
    rig = await startRecordedBackend();
  });
  after(() => rig.close());
  beforeEach(() => {
    store = new MapStore(true);
    rig.reset({ idempotencyStore: store });
  });

  const companies = (): number => rig.platform.simulator.listCompanies().length;

  it('durable: a first create costs one platform call; the record goes in-flight → done', async () => {
    const key = randomUUID();
    const created = await rig.create(key);
    assert.equal(created.status, 200);
    assert.deepEqual(rig.platformCalls, [CREATE]);
    assert.deepEqual(store.writes, ['claim', 'settle done']);
    const record = store.records.get(key);
    assert.equal(record?.state, 'done');
    if (record?.state === 'done') assert.deepEqual(JSON.parse(record.response.body), created.body);
  });

  it('durable and shared: after a restart the answer is replayed without a platform call', async () => {
    const key = randomUUID();
    const created = await rig.create(key);
    rig.restart({ idempotencyStore: store });
    const replay = await rig.create(key);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(replay.body, created.body);
    assert.deepEqual(rig.platformCalls, [CREATE]);
  });

  it('durable: after a drop the record says failed, and the retry looks the key up', async () => {
    rig.platform.simulator.faults.inject({ method: 'POST', path: '/companies', kind: 'drop-after' });
    const key = randomUUID();
    assert.equal((await rig.create(key)).status, 502);
    assert.equal(store.records.get(key)?.state, 'failed');
    rig.restart({ idempotencyStore: store });
    const retry = await rig.create(key);
    assert.equal(retry.status, 200);
    assert.deepEqual(rig.platformCalls, [CREATE, LOOKUP(key)]);
    assert.equal(companies(), 1);
  });

  it('not durable: a key the store has never seen is looked up first', async () => {
    rig.restart({ idempotencyStore: new MapStore(false) });
    const key = randomUUID();
    await rig.create(key);
    assert.deepEqual(rig.platformCalls, [LOOKUP(key), CREATE]);
  });

  it('a key in flight elsewhere (another instance) answers 409 with Retry-After and calls nothing', async () => {
    const key = randomUUID();
    const print = fingerprint({ name: 'Acme Ltd' });
    store.records.set(key, inFlight('elsewhere', Date.now(), print));
    const busy = await rig.create(key);
    assert.equal(busy.status, 409);
    assert.equal(busy.body['code'], 'idempotency-key-in-flight');
    assert.equal(busy.headers.get('retry-after'), '1');
    assert.deepEqual(rig.platformCalls, []);
    assert.equal(companies(), 0);
  });

  it('an in-flight record past its time (its process died) is taken over, looking first', async () => {
    const key = randomUUID();
    const print = fingerprint({ name: 'Acme Ltd' });
    store.records.set(key, inFlight('died', Date.now() - 60_000, print));

    const taken = await rig.create(key);
    assert.equal(taken.status, 200);
    assert.deepEqual(rig.platformCalls, [LOOKUP(key), CREATE]);
    assert.deepEqual(store.writes, ['take over in-flight', 'settle done']);
  });

  it('a key recorded for another request is refused with 422 before any platform call', async () => {
    const key = randomUUID();
    store.records.set(key, done('something else'));
    const refused = await rig.create(key);
    assert.equal(refused.status, 422);
    assert.equal(refused.body['code'], 'idempotency-key-reused');
    assert.deepEqual(rig.platformCalls, []);
  });

  it('a store that fails before the create: 500, logged, and nothing created', async () => {
    store.failBegin = true;
    const failed = await rig.create(randomUUID());
    assert.equal(failed.status, 500);
    assert.equal(failed.body['code'], 'internal-error');
    assert.match(rig.logs.join('\n'), /store down/);
    assert.deepEqual(rig.platformCalls, []);
  });

  it('a store that fails after the create: the company is still answered, the failure logged', async () => {
    const key = randomUUID();
    store.failSet = true;
    const created = await rig.create(key);
    assert.equal(created.status, 200);
    assert.equal(companies(), 1);
    assert.match(rig.logs.join('\n'), /idempotency store failed to record a create: Error "store down"/);
    assert.equal(
      store.records.get(key)?.state,
      'in-flight',
      'left in flight: a retry gets 409, later the tag',
    );
  });
});
