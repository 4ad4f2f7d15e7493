/**
 * Two reference-server instances sharing one Redis, as a fleet: one company per Idempotency-Key whichever
 * instance each retry reaches, and a webhook taken by one instance reaches the browser streams held by the other.
 */
import assert from 'node:assert/strict';
import { listen } from '../server/harness.ts';
import { WEBHOOK_SECRET, readCompleted, signedWebhook } from '../server/webhook-signing.ts';
import { API_KEY, startTestSimulator, type TestSimulator } from '../simulator/harness.ts';
import { redisInstance, WEBHOOK_PATH } from './redis-instance.ts';
import { startRedis, type TestRedis } from './redis-server.ts';

interface Instance {
  readonly url: string;
  readonly webhooks: string;
  close(): Promise<void>;
}

describe('a fleet of two instances on one Redis', () => {
  let redis: TestRedis;
  let platform: TestSimulator;
  let instances: Instance[];

  async function instance(): Promise<Instance> {
    const server = await listen(
      redisInstance({
        apiKey: API_KEY,
        platformUrl: platform.url,
        redis: await redis.client(),
        subscriber: await redis.subscriber(),
        webhookSecret: WEBHOOK_SECRET,
      }),
    );
    return { url: `${server.url}/api`, webhooks: `${server.url}${WEBHOOK_PATH}`, close: server.close };
  }

  before(async () => {
    redis = await startRedis();
    platform = await startTestSimulator();
    instances = [await instance(), await instance()];
  });
  after(async () => {
    for (const each of instances) await each.close();
    await platform.close();
    await redis.close();
  });

  it('retries of one create spread over both instances make one company', async () => {
    const key = crypto.randomUUID();
    // The platform is slow to create: every retry arrives while the first is still running.
    platform.simulator.faults.inject({ method: 'POST', path: '/companies', kind: 'latency', latencyMs: 300 });
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        fetch(`${instances[i % 2]?.url}/companies`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': key },
          body: JSON.stringify({ name: 'Fleet Ltd' }),
        }).then(async (response) => ({
          status: response.status,
          body: (await response.json()) as { id?: string },
        })),
      ),
    );
    const made = answers.filter((answer) => answer.status === 200);
    assert.ok(made.length >= 1, JSON.stringify(answers.map((a) => a.status)));
    assert.ok(
      answers.every((answer) => answer.status === 200 || answer.status === 409),
      JSON.stringify(answers.map((a) => a.status)),
    );
    assert.equal(new Set(made.map((answer) => answer.body.id)).size, 1);
    assert.equal(platform.simulator.listCompanies().length, 1);
    // Once settled, every instance replays it.
    for (const each of instances) {
      const replay = await fetch(`${each.url}/companies`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify({ name: 'Fleet Ltd' }),
      });
      assert.equal(replay.status, 200);
      assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    }
  });

  it('a webhook taken by one instance reaches a stream held by the other; its duplicate at the other is dropped', async () => {
    const [first, second] = instances as [Instance, Instance];
    const companyId = crypto.randomUUID();
    const controller = new AbortController();
    const stream = await fetch(`${second.url}/companies/${companyId}/events`, { signal: controller.signal });
    const reader = (stream.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = '';
    const until = async (needle: string, count = 1): Promise<void> => {
      while (text.split(needle).length - 1 < count) {
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        text += decoder.decode(value, { stream: true });
      }
    };
    await until('event: ready');
    const body = readCompleted(companyId, [['invoices', 'Complete']]);
    assert.equal((await fetch(signedWebhook(first.webhooks, body, { id: 'msg_fleet_1' }))).status, 204);
    assert.equal((await fetch(signedWebhook(second.webhooks, body, { id: 'msg_fleet_1' }))).status, 204);
    await until('event: company');
    await new Promise((resolve) => setTimeout(resolve, 200));
    controller.abort();
    assert.equal(text.split('event: company').length - 1, 1, 'delivered once');
  });
});
