/**
 * "A company is created at most once per journey, whatever fails": the reference backend against the
 * simulator with fault injection, every platform call recorded.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { IDEMPOTENCY_TAG } from '../../src/server/index.ts';
import { startRecordedBackend, type PlatformCall, type RecordedBackend } from './harness.ts';

const LOOKUP = (key: string): PlatformCall => ({
  method: 'GET',
  path: '/companies',
  tags: `${IDEMPOTENCY_TAG}=${key}`,
});
const CREATE: PlatformCall = { method: 'POST', path: '/companies' };

/** A key as the element makes them: random, unguessable. */
const newKey = (): string => randomUUID();

describe('at most one company per Idempotency-Key, whatever fails', () => {
  let rig: RecordedBackend;
  before(async () => {
    rig = await startRecordedBackend();
  });
  after(() => rig.close());
  beforeEach(() => rig.reset());

  const companies = (): readonly { id: string }[] => rig.platform.simulator.listCompanies();

  it('(a) a repeated key replays the first answer, byte for byte, without calling the platform', async () => {
    const key = newKey();
    const first = await rig.create(key);
    assert.equal(first.status, 200);
    assert.equal(first.headers.get('idempotent-replayed'), null);
    assert.deepEqual(rig.platformCalls, [LOOKUP(key), CREATE], 'the default store looks before creating');

    const again = await rig.create(key);
    assert.equal(again.status, 200);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(again.body, first.body);
    assert.equal(rig.platformCalls.length, 2, 'no platform call for a replay');
    assert.equal(companies().length, 1);
  });

  it('the company carries the key as a tag, next to the caller’s tags', async () => {
    const key = newKey();
    const created = await rig.create(key, { name: 'Tagged Ltd', tags: { plan: 'pro' } });
    assert.deepEqual(created.body['tags'], { plan: 'pro', [IDEMPOTENCY_TAG]: key });
    assert.deepEqual(rig.platform.simulator.listCompanies()[0]?.tags, {
      plan: 'pro',
      [IDEMPOTENCY_TAG]: key,
    });
  });

  it('(b) the platform connection drops after the company was created: 502, then the retry finds it', async () => {
    rig.platform.simulator.faults.inject({ method: 'POST', path: '/companies', kind: 'drop-after' });
    const key = newKey();
    const first = await rig.create(key);
    assert.equal(first.status, 502);
    assert.deepEqual(first.body, {
      error: 'The accounting platform could not be reached. Try again.',
      code: 'platform-unreachable',
    });
    const [made] = companies();
    assert.ok(made, 'the platform did create it');

    const retry = await rig.create(key);
    assert.equal(retry.status, 200);
    assert.equal(retry.body['id'], made.id, 'the same company');
    assert.equal(retry.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(rig.platformCalls, [LOOKUP(key), CREATE, LOOKUP(key)]);

    const third = await rig.create(key);
    assert.equal(third.body['id'], made.id);
    assert.equal(rig.platformCalls.length, 3, 'found once, then replayed from the store');
    assert.equal(companies().length, 1);
  });

  it('(c) the same, with a server restart (empty store) before the retry', async () => {
    rig.platform.simulator.faults.inject({ method: 'POST', path: '/companies', kind: 'drop-after' });
    const key = newKey();
    assert.equal((await rig.create(key)).status, 502);
    rig.restart();
    const retry = await rig.create(key);
    assert.equal(retry.status, 200);
    assert.equal(retry.body['id'], companies()[0]?.id);
    assert.equal(companies().length, 1);
  });

  it('(d) the connection drops before the platform acted: the retry creates exactly one', async () => {
    rig.platform.simulator.faults.inject({ method: 'POST', path: '/companies', kind: 'drop-before' });
    const key = newKey();
    assert.equal((await rig.create(key)).status, 502);
    assert.equal(companies().length, 0);
    const retry = await rig.create(key);
    assert.equal(retry.status, 200);
    assert.equal(retry.headers.get('idempotent-replayed'), null, 'made now');
    assert.deepEqual(rig.platformCalls, [LOOKUP(key), CREATE, LOOKUP(key), CREATE]);
    assert.deepEqual(
      companies().map((company) => company.id),
      [retry.body['id']],
    );
  });

  it('(e) our answer to the browser is lost after we created the company: the retry gets it', async () => {
    const key = newKey();
    rig.dropAnswers = 1;
    await assert.rejects(rig.create(key), TypeError);
    assert.equal(companies().length, 1);
    const retry = await rig.create(key);
    assert.equal(retry.status, 200);
    assert.equal(retry.body['id'], companies()[0]?.id);
    assert.equal(companies().length, 1);
  });

  it('(e) …and with a server restart before the retry, the tag finds it', async () => {
    const key = newKey();
    rig.dropAnswers = 1;
    await assert.rejects(rig.create(key), TypeError);
    rig.restart();
    const retry = await rig.create(key);
    assert.equal(retry.status, 200);
    assert.equal(retry.body['id'], companies()[0]?.id);
    assert.equal(companies().length, 1);
  });

  it('(f) faults injected over the simulator’s HTTP control API work the same', async () => {
    const injected = await fetch(`${rig.platform.url}/_simulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ method: 'POST', path: '/companies', kind: 'drop-after', times: 2 }),
    });
    assert.equal(injected.status, 201);
    const key = newKey();
    assert.equal((await rig.create(key)).status, 502);
    const retry = await rig.create(key);
    assert.equal(retry.status, 200);
    assert.equal(companies().length, 1);
    assert.equal(rig.platform.simulator.faults.list()[0]?.remaining, 1, 'the retry never re-created');
  });

  it('(g) a platform 500 is a 502 platform-error; the retry creates one', async () => {
    rig.platform.simulator.faults.inject({ method: 'POST', path: '/companies', kind: 'status', status: 500 });
    const key = newKey();
    const first = await rig.create(key);
    assert.equal(first.status, 502);
    assert.equal(first.body['code'], 'platform-error');
    assert.equal(companies().length, 0);
    assert.equal((await rig.create(key)).status, 200);
    assert.equal(companies().length, 1);
  });

  it('(g) a platform 429 is a 429 rate-limited that keeps Retry-After; the retry creates one', async () => {
    rig.platform.simulator.faults.inject({
      method: 'POST',
      path: '/companies',
      kind: 'status',
      status: 429,
      retryAfterSeconds: 7,
    });
    const key = newKey();
    const first = await rig.create(key);
    assert.equal(first.status, 429);
    assert.equal(first.headers.get('retry-after'), '7');
    assert.equal(first.body['code'], 'rate-limited');
    assert.equal((await rig.create(key)).status, 200);
    assert.equal(companies().length, 1);
  });

  it('when the lookup itself fails, nothing is created blind', async () => {
    rig.platform.simulator.faults.inject({ method: 'GET', path: '/companies', kind: 'status', status: 503 });
    const key = newKey();
    const first = await rig.create(key);
    assert.equal(first.status, 503);
    assert.equal(first.body['code'], 'platform-unavailable');
    assert.deepEqual(rig.platformCalls, [LOOKUP(key)]);
    assert.equal(companies().length, 0);
    assert.equal((await rig.create(key)).status, 200);
    assert.equal(companies().length, 1);
  });

  it('a platform answer that comes too late (504) still leaves one company after the retry', async () => {
    let release = (): void => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow = await startRecordedBackend({
      handler: { timeoutMs: 50 },
      // The platform carries on after our SDK gave up: the company appears once `held` is released.
      simulator: { delay: () => held },
    });
    try {
      slow.platform.simulator.faults.inject({
        method: 'POST',
        path: '/companies',
        kind: 'latency',
        latencyMs: 1,
      });
      const key = newKey();
      const first = await slow.create(key);
      assert.equal(first.status, 504);
      assert.equal(first.body['code'], 'platform-timeout');
      release();
      for (let i = 0; i < 200 && slow.platform.simulator.listCompanies().length === 0; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      assert.equal(slow.platform.simulator.listCompanies().length, 1, 'the platform created it late');
      const retry = await slow.create(key);
      assert.equal(retry.status, 200);
      assert.equal(retry.body['id'], slow.platform.simulator.listCompanies()[0]?.id);
      assert.equal(slow.platform.simulator.listCompanies().length, 1);
    } finally {
      await slow.close();
    }
  });

  it('a tagged company made from another request (key reused after a restart) is refused with 422', async () => {
    const key = newKey();
    assert.equal((await rig.create(key, { name: 'First Ltd' })).status, 200);
    rig.restart();
    const other = await rig.create(key, { name: 'Second Ltd' });
    assert.equal(other.status, 422);
    assert.equal(other.body['code'], 'idempotency-key-reused');
    const same = await rig.create(key, { name: 'First Ltd' });
    assert.equal(same.status, 200, 'the original request still gets its company');
    assert.equal(companies().length, 1);
  });

  it('if several companies carry the key (made before this server), the oldest is returned', async () => {
    const key = newKey();
    const tags = { [IDEMPOTENCY_TAG]: key };
    const oldest = await rig.platform.createCompany({ name: 'Acme Ltd', tags });
    rig.platform.clock.advance(1000);
    await rig.platform.createCompany({ name: 'Acme Ltd', tags });
    const found = await rig.create(key);
    assert.equal(found.status, 200);
    assert.equal(found.body['id'], oldest.id);
    assert.match(rig.logs.join('\n'), /2 companies carry one Idempotency-Key/);
    assert.equal(companies().length, 2, 'nothing more created');
  });

  it('a company whose tag only resembles the key is not taken', async () => {
    const key = newKey();
    await rig.platform.createCompany({ name: 'Acme Ltd', tags: { [IDEMPOTENCY_TAG]: key.toUpperCase() } });
    const created = await rig.create(key);
    assert.equal(created.status, 200);
    assert.equal(companies().length, 2);
  });

  describe('tags and the reserved tag', () => {
    const tenTags = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`t${i}`, 'v']));
    const nineTags = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`t${i}`, 'v']));

    it('10 tags of the caller’s own plus the key is one too many: 400 invalid-tags', async () => {
      const refused = await rig.create(newKey(), { name: 'Acme', tags: tenTags });
      assert.equal(refused.status, 400);
      assert.equal(refused.body['code'], 'invalid-tags');
      assert.equal(refused.body['field'], 'tags');
      assert.match(String(refused.body['error']), /at most 9 tags/);
      assert.deepEqual(rig.platformCalls, []);
    });

    it('9 tags plus the key fit', async () => {
      const created = await rig.create(newKey(), { name: 'Acme', tags: nineTags });
      assert.equal(created.status, 200);
      assert.equal(Object.keys(created.body['tags'] as object).length, 10);
    });

    it('without a key, 10 tags are fine, no tag is added and nothing is looked up', async () => {
      const created = await rig.create(null, { name: 'Acme', tags: tenTags });
      assert.equal(created.status, 200);
      assert.deepEqual(created.body['tags'], tenTags);
      assert.deepEqual(rig.platformCalls, [CREATE]);
    });

    it('the caller may not set the reserved tag, with or without a key, in any case or spacing', async () => {
      for (const name of [
        IDEMPOTENCY_TAG,
        'OnboardIdempotencyKey',
        'ONBOARDIDEMPOTENCYKEY',
        ` ${IDEMPOTENCY_TAG}`,
        `${IDEMPOTENCY_TAG}\t`,
      ]) {
        const tags = { [name]: 'forged-key-0123456789' };
        const withKey = await rig.create(newKey(), { name: 'Acme', tags });
        assert.equal(withKey.status, 400, JSON.stringify(name));
        assert.equal(withKey.body['code'], 'invalid-tags');
        assert.equal(
          withKey.body['error'],
          `The tag name "${IDEMPOTENCY_TAG}" is reserved for the server's own use, in any spelling.`,
        );
        const withoutKey = await rig.create(null, { name: 'Acme', tags });
        assert.equal(withoutKey.status, 400);
        assert.equal(withoutKey.body['code'], 'invalid-tags');
      }
      assert.equal(companies().length, 0);
      assert.deepEqual(rig.platformCalls, [], 'refused before the platform');
    });
  });
});
