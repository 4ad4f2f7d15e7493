/**
 * `DELETE {basePath}/companies/{id}`: deletes the company through the SDK's `companies.delete` (Codat's
 * `DELETE /companies/{id}`, 204) and answers 204; fails like every other call when the platform does.
 */
import assert from 'node:assert/strict';
import {
  assertAuthorizeRefuses,
  itAnswersEveryPlatformFault,
  recording,
  startBackend,
  withFakePlatform,
} from './harness.ts';

const COMPANY_ID = '7f1b4a57-3c9e-4a55-9d0e-4a1c2b3d4e5f';
const COMPANY = `/companies/${COMPANY_ID}`;
/** What the element sends: no body. */
const DELETE: RequestInit = { method: 'DELETE' };
const deleted = (): Response => new Response(null, { status: 204 });

describe('delete company: DELETE /companies/{id}', () => {
  it('deletes the company on the simulator: 204 without a body; it is gone afterwards', async () => {
    const backend = await startBackend();
    try {
      const company = await backend.createCompany();
      await backend.platform.submitLink(company.redirect, { platform: 'gbol', action: 'authorise' });
      const response = await backend.call(`/companies/${company.id}`, DELETE);
      assert.equal(response.status, 204);
      assert.equal(response.body, null);
      assert.equal(response.headers.get('cache-control'), 'no-store');
      assert.deepEqual(backend.platform.simulator.listCompanies(), []);
      const read = await backend.call(`/companies/${company.id}`);
      assert.deepEqual([read.status, read.body?.['code']], [404, 'company-not-found']);
      const again = await backend.call(`/companies/${company.id}`, DELETE);
      assert.deepEqual([again.status, again.body?.['code']], [404, 'company-not-found']);
    } finally {
      await backend.close();
    }
  });

  it('sends DELETE /companies/{id} and needs no body or content type (a JSON one is ignored)', async () => {
    const platform = recording(deleted);
    await withFakePlatform(platform.respond, async (backend) => {
      assert.equal((await backend.call(COMPANY, DELETE)).status, 204);
      const withBody = await backend.call(COMPANY, {
        method: 'DELETE',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      assert.equal(withBody.status, 204);
    });
    assert.deepEqual(platform.seen, [`DELETE ${COMPANY}`, `DELETE ${COMPANY}`]);
  });

  it('refuses a company id that is not a UUID with 400 before any platform call; 405 lists GET, DELETE', async () => {
    const platform = recording(deleted);
    await withFakePlatform(platform.respond, async (backend) => {
      for (const id of ['not-a-uuid', '..%2F..%2Fsettings', `${COMPANY_ID}0`]) {
        const response = await backend.call(`/companies/${id}`, DELETE);
        assert.equal(response.status, 400, id);
        assert.deepEqual(response.body, {
          error: 'The company id must be a UUID.',
          code: 'invalid-company-id',
          field: 'companyId',
        });
      }
      const wrongMethod = await backend.call(COMPANY, { method: 'PUT' });
      assert.equal(wrongMethod.status, 405);
      assert.equal(wrongMethod.headers.get('allow'), 'GET, DELETE');
      assert.equal((await backend.call('/companies', DELETE)).headers.get('allow'), 'POST');
    });
    assert.deepEqual(platform.seen, []);
  });

  it('asks authorize for action delete on that company; a refusal is 403 and reaches no platform', async () => {
    await assertAuthorizeRefuses(
      { path: COMPANY, init: DELETE, sdkCall: 'deleteCompany' },
      'delete',
      COMPANY_ID,
    );
  });

  it('refuses a delete a page of another site sent: 403 cross-site-request, before authorize and the platform', async () => {
    const platform = recording(deleted);
    const asked: string[] = [];
    await withFakePlatform(
      platform.respond,
      async (backend) => {
        for (const headers of [
          { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' },
          { 'sec-fetch-site': 'cross-site' },
          { 'sec-fetch-site': 'same-site', origin: 'https://other.example' },
          { origin: 'https://evil.example' },
          { origin: 'null' },
        ]) {
          const response = await backend.call(COMPANY, { method: 'DELETE', headers });
          assert.equal(response.status, 403, JSON.stringify(headers));
          assert.equal(response.body?.['code'], 'cross-site-request');
        }
        const own = await backend.call(COMPANY, {
          method: 'DELETE',
          headers: { 'sec-fetch-site': 'same-origin' },
        });
        assert.equal(own.status, 204, 'its own pages may');
      },
      {
        authorize: ({ action }) => {
          asked.push(action);
          return true;
        },
      },
    );
    assert.deepEqual(asked, ['delete'], 'only the same-origin one reached authorize');
    assert.deepEqual(platform.seen, [`DELETE ${COMPANY}`]);
  });
});

describe('delete company: platform faults', () => {
  itAnswersEveryPlatformFault({ path: COMPANY, init: DELETE, sdkCall: 'deleteCompany' });
});
