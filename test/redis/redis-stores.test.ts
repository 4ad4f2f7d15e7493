import assert from 'node:assert/strict';
import {
  createRedisIdempotencyStore,
  createRedisPubSub,
  createRedisWebhookDedupe,
  idempotencyStoreConformance,
} from '../../src/server/index.ts';
import { startRedis, type Client, type TestRedis } from './redis-server.ts';

describe('the reference server’s state on a real Redis', () => {
  let redis: TestRedis;
  let client: Client;
  before(async () => {
    redis = await startRedis();
    client = await redis.client();
  });
  after(() => redis.close());

  describe('createRedisIdempotencyStore', () => {
    for (const check of idempotencyStoreConformance()) {
      it(`meets the store contract: ${check.name}`, () => check.run(createRedisIdempotencyStore(client)));
    }

    it('is durable, keeps records under its prefix with an expiry', async () => {
      const store = createRedisIdempotencyStore(client, { prefix: 'test-prefix:', ttlMs: 60_000 });
      assert.equal(store.durable, true);
      await store.claim('k-1', { state: 'in-flight', fingerprint: 'f', startedAt: 1, attempt: 'a' }, 0);
      const ttl = Number(await client.sendCommand(['PTTL', 'test-prefix:idempotency:k-1']));
      assert.ok(ttl > 59_000 && ttl <= 60_000, `ttl ${ttl}`);
    });

    it('two instances (two connections) racing for one key: one claims', async () => {
      const other = await redis.client();
      const [one, two] = [createRedisIdempotencyStore(client), createRedisIdempotencyStore(other)];
      const key = `race-${crypto.randomUUID()}`;
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          (i % 2 === 0 ? one : two).claim(
            key,
            { state: 'in-flight', fingerprint: 'f', startedAt: Date.now(), attempt: `a${i}` },
            0,
          ),
        ),
      );
      assert.equal(results.filter((result) => result.claimed).length, 1);
    });
  });

  it('createRedisWebhookDedupe: a message id is claimed once across instances', async () => {
    const other = await redis.client();
    const [a, b] = [createRedisWebhookDedupe(client), createRedisWebhookDedupe(other)];
    const id = `msg_${crypto.randomUUID()}`;
    const claims = await Promise.all([a.claim(id), b.claim(id), a.claim(id), b.claim(id)]);
    assert.deepEqual(claims.filter(Boolean).length, 1);
  });

  it('createRedisPubSub: news published by one instance reaches the listeners of another, who can stop', async () => {
    const publisherSide = createRedisPubSub(client, await (await redis.client()).duplicate().connect());
    const listenerSide = createRedisPubSub(
      await redis.client(),
      await (await redis.client()).duplicate().connect(),
    );
    const channel = `company-onboard:company:${crypto.randomUUID()}`;
    assert.equal(await listenerSide.lastPublished(channel), undefined);
    const heard: string[] = [];
    const stopFirst = await listenerSide.subscribe(channel, (message) => heard.push(`first ${message}`));
    const stopSecond = await listenerSide.subscribe(channel, (message) => heard.push(`second ${message}`));
    const before = Date.now();
    await publisherSide.publish(channel, 'hello');
    for (let i = 0; i < 100 && heard.length < 2; i += 1) await new Promise((r) => setTimeout(r, 10));
    assert.deepEqual(heard.sort(), ['first hello', 'second hello']);
    assert.ok(((await listenerSide.lastPublished(channel)) ?? 0) >= before);
    await stopFirst();
    await publisherSide.publish(channel, 'again');
    for (let i = 0; i < 100 && heard.length < 3; i += 1) await new Promise((r) => setTimeout(r, 10));
    assert.deepEqual(heard.slice(2), ['second again']);
    await stopSecond();
    const subscribed = await client.sendCommand<[string, number]>(['PUBSUB', 'NUMSUB', channel]);
    assert.equal(Number(subscribed[1]), 0, 'the last listener gone: unsubscribed from Redis');
  });
});
