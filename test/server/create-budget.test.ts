import assert from 'node:assert/strict';
import { postJson, withFakePlatform } from './harness.ts';

/** A platform that looks companies up slowly and never answers a create. */
const slowLookupHungCreate = (lookupMs: number) => async (request: Request) => {
  if (request.method === 'GET') {
    await new Promise((resolve) => setTimeout(resolve, lookupMs));
    return Response.json({
      results: [],
      pageNumber: 1,
      pageSize: 10,
      totalResults: 0,
      _links: { self: { href: '/companies' }, current: { href: '/companies' } },
    });
  }
  return new Promise<Response>(() => undefined);
};

describe('a create fits inside the browser’s timeout (createTimeoutMs)', () => {
  it('the lookup and the create together take at most createTimeoutMs, not twice timeoutMs', async () => {
    await withFakePlatform(
      slowLookupHungCreate(300),
      async (backend) => {
        const started = performance.now();
        const response = await backend.call(
          '/companies',
          postJson({ name: 'Acme Ltd' }, { 'idempotency-key': crypto.randomUUID() }),
        );
        const took = performance.now() - started;
        assert.equal(response.status, 504);
        assert.equal(response.body?.['code'], 'platform-timeout');
        // Without the budget: 300 ms of lookup, then the create's own 1000 ms.
        assert.ok(took < 1100, `took ${Math.round(took)} ms`);
      },
      { timeoutMs: 1000, createTimeoutMs: 600 },
    );
  });

  it('defaults to 12 s, under the browser’s 15 s request timeout', async () => {
    const { resolveOnboardOptions } = await import('../../src/server/options.ts');
    const settings = resolveOnboardOptions({ apiKey: 'k', authorize: 'allow-everyone' });
    assert.equal(settings.createTimeoutMs, 12_000);
  });
});
