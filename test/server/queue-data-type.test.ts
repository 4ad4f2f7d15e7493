/**
 * `POST {basePath}/companies/{id}/refresh/{dataType}`: queues one data type through the SDK's
 * `refreshDataByDataType` (Codat's `POST /companies/{id}/data/queue/{dataType}`), answers 204, and fails
 * like every other call when the platform does.
 */
import assert from 'node:assert/strict';
import type { AuthorizeContext } from '../../src/server/index.ts';
import { codatJson, postJson, withFakePlatform, type Respond } from './harness.ts';

const COMPANY_ID = '7f1b4a57-3c9e-4a55-9d0e-4a1c2b3d4e5f';
const QUEUE = `/companies/${COMPANY_ID}/refresh/invoices`;
/** What the element sends: an empty JSON body (writes are taken only as JSON). */
const POST = postJson({});

/** A pull operation as Codat answers a queued type. */
const pullOperation = (status = 'Queued'): Response =>
  Response.json({
    id: '0b7a5c1e-2f3d-4e5f-8a9b-1c2d3e4f5a6b',
    companyId: COMPANY_ID,
    connectionId: '2e9d6b3c-4a5f-4c7d-9e1f-3a4b5c6d7e8f',
    dataType: 'invoices',
    status,
    requested: '2026-01-01T09:00:00Z',
    progress: 0,
    isCompleted: false,
    isErrored: false,
  });

/** A fake platform that records what it was asked. */
function recording(respond: Respond): { respond: Respond; seen: string[] } {
  const seen: string[] = [];
  return {
    seen,
    respond: (request) => {
      seen.push(`${request.method} ${new URL(request.url).pathname}`);
      return respond(request);
    },
  };
}

describe('queue one data type: POST /companies/{id}/refresh/{dataType}', () => {
  it('queues the type on the platform and answers 204 without a body', async () => {
    const platform = recording(() => pullOperation());
    await withFakePlatform(platform.respond, async (backend) => {
      const response = await backend.call(QUEUE, POST);
      assert.equal(response.status, 204);
      assert.equal(response.body, null);
      assert.equal(response.headers.get('cache-control'), 'no-store');
      const banking = await backend.call(`/companies/${COMPANY_ID}/refresh/banking-accounts`, POST);
      assert.equal(banking.status, 204);
    });
    assert.deepEqual(platform.seen, [
      `POST /companies/${COMPANY_ID}/data/queue/invoices`,
      `POST /companies/${COMPANY_ID}/data/queue/banking-accounts`,
    ]);
  });

  it('a pull operation the SDK cannot read (a status newer than its enum) still means queued', async () => {
    await withFakePlatform(
      () => pullOperation('SomethingNew'),
      async (backend) => {
        assert.equal((await backend.call(QUEUE, POST)).status, 204);
      },
    );
  });

  it('refuses a data type the SDK does not know with 400 invalid-data-type, before any platform call', async () => {
    const platform = recording(() => pullOperation());
    await withFakePlatform(platform.respond, async (backend) => {
      for (const dataType of ['nonsense', 'Invoices', 'bankingAccounts', 'invoices%2Fx', '%20invoices']) {
        const response = await backend.call(`/companies/${COMPANY_ID}/refresh/${dataType}`, POST);
        assert.equal(response.status, 400, dataType);
        assert.deepEqual(response.body, {
          error: 'That is not a data type the platform knows.',
          code: 'invalid-data-type',
          field: 'dataType',
        });
      }
      const badId = await backend.call('/companies/not-a-uuid/refresh/invoices', POST);
      assert.equal(badId.body?.['code'], 'invalid-company-id');
      const wrongMethod = await backend.call(QUEUE);
      assert.equal(wrongMethod.status, 405);
      assert.equal(wrongMethod.headers.get('allow'), 'POST');
      assert.equal((await backend.call(`${QUEUE}/more`, POST)).status, 404);
      assert.equal((await backend.call(`/companies/${COMPANY_ID}/data-status/invoices`)).status, 404);
    });
    assert.deepEqual(platform.seen, []);
  });

  it('asks authorize for action refresh on that company; a refusal is 403 and reaches no platform', async () => {
    const platform = recording(() => pullOperation());
    const asked: Omit<AuthorizeContext, 'request'>[] = [];
    const authorize = ({ action, companyId }: AuthorizeContext): boolean => {
      asked.push({ action, ...(companyId !== undefined && { companyId }) });
      return false;
    };
    await withFakePlatform(
      platform.respond,
      async (backend) => {
        const response = await backend.call(QUEUE, POST);
        assert.equal(response.status, 403);
        assert.equal(response.body?.['code'], 'forbidden');
      },
      { authorize },
    );
    assert.deepEqual(asked, [{ action: 'refresh', companyId: COMPANY_ID }]);
    assert.deepEqual(platform.seen, []);
  });
});

describe('queue one data type: platform faults', () => {
  const faults: [string, Respond, number, string, string | null][] = [
    ['platform 500', () => codatJson(500, 'Boom'), 502, 'platform-error', null],
    [
      '429 with Retry-After',
      () => codatJson(429, 'Too many', {}, { 'retry-after': '9' }),
      429,
      'rate-limited',
      '9',
    ],
    [
      '503 with Retry-After',
      () => codatJson(503, 'Down', {}, { 'retry-after': '30' }),
      503,
      'platform-unavailable',
      '30',
    ],
    ['402 (account limit)', () => codatJson(402, 'Payment Required'), 402, 'account-limit', null],
    ['404 (no such company)', () => codatJson(404, 'Not found'), 404, 'company-not-found', null],
    ['dropped connection', () => Response.error(), 502, 'platform-unreachable', null],
    [
      'bad JSON in a 200',
      () => new Response('{not json', { headers: { 'content-type': 'application/json' } }),
      502,
      'platform-bad-response',
      null,
    ],
    ['a 200 that is not an object', () => Response.json(['queued']), 502, 'platform-bad-response', null],
  ];
  for (const [fault, respond, status, code, retryAfter] of faults) {
    it(`${fault} → ${status} ${code}`, async () => {
      await withFakePlatform(respond, async (backend) => {
        const response = await backend.call(QUEUE, POST);
        assert.equal(response.status, status);
        assert.equal(response.body?.['code'], code);
        assert.equal(response.headers.get('retry-after'), retryAfter);
        assert.match(backend.logs[0] ?? '', /platform call queueDataType failed:/);
      });
    });
  }

  it('timeout → 504 platform-timeout after timeoutMs', async () => {
    await withFakePlatform(
      () => new Promise<Response>(() => {}),
      async (backend) => {
        const response = await backend.call(QUEUE, POST);
        assert.equal(response.status, 504);
        assert.equal(response.body?.['code'], 'platform-timeout');
      },
      { timeoutMs: 20 },
    );
  });
});
