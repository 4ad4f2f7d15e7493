/**
 * Codat's spec marks a company's `description` and `lastSync`, and a connection's `lastSync`, nullable; SDK
 * 6.2.1 (`sdk/models/shared/company.js`, `connection.js`) declares them `z.string().optional()` and rejects
 * `null`. A `null` there is a legal answer, not a bad one: the server passes such companies on.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { IDEMPOTENCY_TAG } from '../../src/server/index.ts';
import { postJson, withFakePlatform } from './harness.ts';

const COMPANY_ID = '7f1b4a57-3c9e-4a55-9d0e-4a1c2b3d4e5f';

const connection = {
  id: '2e9d6b3c-4a5f-4c7d-9e1f-3a4b5c6d7e8f',
  integrationId: 'bf083d72-62c7-493e-aec9-81b4dbba7e2c',
  integrationKey: 'gbol',
  sourceId: '8a156a5a-39cb-4f9d-856e-76ef9b9a9607',
  sourceType: 'Accounting',
  platformName: 'Xero',
  linkUrl: `https://link-api.codat.io/companies/${COMPANY_ID}/connections/x/start`,
  status: 'PendingAuth',
  lastSync: null,
  created: '2026-01-01T09:00:00Z',
};

const company = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: COMPANY_ID,
  name: 'Acme Ltd',
  description: null,
  redirect: `https://link.codat.io/company/${COMPANY_ID}`,
  lastSync: null,
  created: '2026-01-01T09:00:00Z',
  dataConnections: [connection],
  ...extra,
});

/** What we answer: the nulls read as absent, everything else as the platform sent it. */
const withoutNull = (value: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(value).filter(([, field]) => field !== null));
const expected = { ...withoutNull(company()), dataConnections: [withoutNull(connection)] };

describe('nullable fields the SDK rejects: description and lastSync', () => {
  it('GET /companies/{id}: a company and connection with null description and lastSync go through', async () => {
    await withFakePlatform(
      () => Response.json(company()),
      async (backend) => {
        const response = await backend.call(`/companies/${COMPANY_ID}`);
        assert.equal(response.status, 200, JSON.stringify(response.body));
        assert.deepEqual(response.body, expected);
      },
    );
  });

  it('POST /companies: the created company may carry nulls too', async () => {
    await withFakePlatform(
      () => Response.json(company({ dataConnections: [] })),
      async (backend) => {
        const response = await backend.call('/companies', postJson({ name: 'Acme Ltd' }));
        assert.equal(response.status, 200, JSON.stringify(response.body));
        assert.equal(response.body?.['id'], COMPANY_ID);
        assert.equal('description' in (response.body ?? {}), false);
      },
    );
  });

  it('an idempotent retry finds its company in a list whose entries carry nulls', async () => {
    const key = randomUUID();
    const tagged = company({ dataConnections: [], tags: { [IDEMPOTENCY_TAG]: key } });
    const seen: string[] = [];
    await withFakePlatform(
      (request) => {
        seen.push(`${request.method} ${new URL(request.url).pathname}`);
        return Response.json({ results: [tagged], pageNumber: 1, pageSize: 10, totalResults: 1, _links: {} });
      },
      async (backend) => {
        const response = await backend.call(
          '/companies',
          postJson({ name: 'Acme Ltd' }, { 'idempotency-key': key }),
        );
        assert.equal(response.status, 200, JSON.stringify(response.body));
        assert.equal(response.headers.get('idempotent-replayed'), 'true');
        assert.equal(response.body?.['id'], COMPANY_ID);
      },
    );
    assert.deepEqual(seen, ['GET /companies'], 'found, not created again');
  });

  it('only null is forgiven: a company missing what the SDK requires is still a bad response', async () => {
    for (const body of [company({ redirect: undefined }), company({ name: null }), company({ id: 42 })]) {
      await withFakePlatform(
        () => Response.json(body),
        async (backend) => {
          const response = await backend.call(`/companies/${COMPANY_ID}`);
          assert.equal(response.status, 502);
          assert.equal(response.body?.['code'], 'platform-bad-response');
        },
      );
    }
  });
});
