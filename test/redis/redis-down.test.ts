/**
 * Redis down mid-journey: the reference server keeps its idempotency keys and company news on Redis, and Redis
 * goes away once the company is made. The journey — the element's runner, fetch adapter and push client —
 * finishes by polling, with one company; a create while Redis is down is refused (retryable), making nothing.
 * Real time, a 7-second sync.
 */
import assert from 'node:assert/strict';
import { createFetchBackend, type OnboardBackend } from '../../src/backend/index.ts';
import { createSimulator, SyncScenario } from '../../src/simulator/index.ts';
import { Journey, LINK_REDIRECT_TEMPLATE } from '../reliability/load-rig.ts';
import { serve } from '../reliability/rig.ts';
import { WEBHOOK_SECRET } from '../server/webhook-signing.ts';
import { redisInstance, WEBHOOK_PATH } from './redis-instance.ts';
import { startRedis, type TestRedis } from './redis-server.ts';

const API_KEY = 'redis-down-test-key';

describe('Redis down mid-journey', () => {
  let redis: TestRedis;
  before(async () => {
    redis = await startRedis();
  });
  after(() => redis.close());

  it('the journey finishes by polling, with one company; a create meanwhile is refused and makes nothing', async () => {
    const simulator = createSimulator({
      apiKey: API_KEY,
      scenario: SyncScenario.Fast,
      fastSyncDurationMs: 7000, // longer than the stream's wait to subscribe (5 s)
      redirectUrlTemplate: LINK_REDIRECT_TEMPLATE,
    });
    const platform = await serve((request) => simulator.handle(request));
    const server = await serve(
      redisInstance({
        apiKey: API_KEY,
        platformUrl: platform.url,
        redis: await redis.client(),
        subscriber: await redis.subscriber(),
        webhookSecret: WEBHOOK_SECRET,
      }),
    );
    simulator.webhooks.add({ url: `${server.url}${WEBHOOK_PATH}`, secret: WEBHOOK_SECRET });

    const seen = { events: [] as number[], readings: 0 };
    const counting: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (new URL(new Request(input).url).pathname.endsWith('/events')) seen.events.push(response.status);
      return response;
    };
    const fetchBackend = createFetchBackend({ baseUrl: `${server.url}/api`, fetch: counting });
    const backend: OnboardBackend = {
      ...fetchBackend,
      getDataStatus: (companyId, options) => {
        seen.readings += 1;
        return fetchBackend.getDataStatus(companyId, options);
      },
    };
    const journey = new Journey(
      'Outage Ltd',
      { linkOrigins: [platform.url], polling: {}, maxUserRetries: 0, deadline: Date.now() + 30_000 },
      backend,
    );
    // Redis goes the moment the company is made: before Link, the stream, any news.
    let killed: Promise<void> | undefined;
    journey.runner.subscribe(({ context }) => {
      if (context.companyId !== null) killed ??= redis.kill();
    });
    try {
      journey.start();
      await journey.finished;
      assert.equal(journey.snapshot.state, 'complete', `ended in ${journey.snapshot.state}`);
      assert.ok(killed !== undefined, 'Redis went down mid-journey');
      assert.equal(simulator.listCompanies().length, 1, 'one company');
      assert.ok(seen.events.length > 0, 'the element asked for the stream');
      assert.ok(
        seen.events.every((status) => status >= 500),
        `no stream without Redis (503 events-unavailable): ${seen.events.join(', ')}`,
      );
      assert.ok(seen.readings >= 2, `followed by polling: ${seen.readings} readings`);

      // A create while Redis is down: refused, retryable, nothing made (a key that cannot be claimed is never
      // created for, or a retry could make a second company).
      const refused = await fetch(`${server.url}/api/companies`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
        body: JSON.stringify({ name: 'Meanwhile Ltd' }),
      });
      assert.ok(refused.status >= 500, `refused with ${refused.status}`);
      assert.equal(simulator.listCompanies().length, 1, 'nothing more made');
    } finally {
      journey.stop();
      simulator.webhooks.clear();
      await server.close();
      await platform.close();
    }
  });
});
