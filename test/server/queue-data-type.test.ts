/**
 * `POST {basePath}/companies/{id}/refresh/{dataType}`: queues one data type through the SDK's
 * `refreshDataByDataType` (Codat's `POST /companies/{id}/data/queue/{dataType}`), answers 204, and fails
 * like every other call when the platform does.
 */
import assert from 'node:assert/strict';
import {
  assertAuthorizeRefuses,
  itAnswersEveryPlatformFault,
  postJson,
  type Respond,
  withFakePlatform,
} from './harness.ts';

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
    await assertAuthorizeRefuses(
      { path: QUEUE, init: POST, sdkCall: 'queueDataType' },
      'refresh',
      COMPANY_ID,
    );
  });
});

describe('queue one data type: platform faults', () => {
  itAnswersEveryPlatformFault({ path: QUEUE, init: POST, sdkCall: 'queueDataType' });
});
