/**
 * `POST {basePath}/companies/{id}/connections/{connectionId}/disconnect` `{}`: unlinks the connection through the
 * SDK's `connections.unlink` (Codat's `PATCH /companies/{id}/connections/{connectionId}` `{status: "Unlinked"}`)
 * and answers 200 with the connection; fails like every other call when the platform does.
 */
import assert from 'node:assert/strict';
import {
  API_KEY,
  assertAuthorizeRefuses,
  codatJson,
  itAnswersEveryPlatformFault,
  postJson,
  recording,
  SECRET_FORMS,
  startBackend,
  withFakePlatform,
} from './harness.ts';

const COMPANY_ID = '7f1b4a57-3c9e-4a55-9d0e-4a1c2b3d4e5f';
const CONNECTION_ID = '2e9d6b3c-4a5f-4c7d-9e1f-3a4b5c6d7e8f';
const DISCONNECT = `/companies/${COMPANY_ID}/connections/${CONNECTION_ID}/disconnect`;
/** What the element sends: an empty JSON body (writes are taken only as JSON). */
const POST = postJson({});
const CROSS_SITE = { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' };

/** A connection as Codat answers the unlink. */
const connection = (status: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: CONNECTION_ID,
  integrationId: '8a156a5a-39cb-4f9d-856e-76ef9b9a9607',
  integrationKey: 'gbol',
  sourceId: '8a156a5a-39cb-4f9d-856e-76ef9b9a9607',
  sourceType: 'Accounting',
  platformName: 'Xero',
  linkUrl: `https://link-api.codat.io/companies/${COMPANY_ID}/connections/${CONNECTION_ID}/start`,
  status,
  lastSync: '2026-01-01T09:00:04Z',
  created: '2026-01-01T09:00:00Z',
  dataConnectionErrors: [],
  ...extra,
});

describe('disconnect: POST /companies/{id}/connections/{connectionId}/disconnect', () => {
  it('unlinks the connection on the simulator: 200 with it, Unlinked; a repeat answers the same', async () => {
    const backend = await startBackend();
    try {
      const company = await backend.createCompany();
      await backend.platform.submitLink(company.redirect, { platform: 'gbol', action: 'authorise' });
      backend.platform.clock.advance(4000);
      const [linked] = backend.platform.simulator.listCompanies()[0]?.dataConnections ?? [];
      assert.equal(linked?.status, 'Linked');
      const path = `/companies/${company.id}/connections/${linked?.id ?? ''}/disconnect`;

      const response = await backend.call(path, POST);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('cache-control'), 'no-store');
      assert.deepEqual(response.body, { ...linked, status: 'Unlinked' });
      const read = await backend.call(`/companies/${company.id}`);
      assert.equal((read.body?.['dataConnections'] as { status: string }[])[0]?.status, 'Unlinked');

      // Codat unlinks only a Linked connection: the repeat is refused there, and answered as done here.
      const again = await backend.call(path, POST);
      assert.deepEqual([again.status, again.body], [200, response.body]);
    } finally {
      await backend.close();
    }
  });

  it('sends PATCH {status: "Unlinked"} and passes the connection on, nulls read as absent, secrets redacted', async () => {
    const bodies: unknown[] = [];
    const platform = recording(async (request) => {
      bodies.push(await request.json());
      return Response.json(connection('Unlinked', { lastSync: null, platformName: `Xero ${API_KEY}` }));
    });
    await withFakePlatform(platform.respond, async (backend) => {
      const response = await backend.call(DISCONNECT, POST);
      assert.equal(response.status, 200);
      const expected = connection('Unlinked', { platformName: 'Xero [redacted]' });
      delete expected['lastSync'];
      assert.deepEqual(response.body, expected);
      for (const secret of SECRET_FORMS) assert.ok(!backend.bodies.join('').includes(secret));
    });
    assert.deepEqual(platform.seen, [`PATCH /companies/${COMPANY_ID}/connections/${CONNECTION_ID}`]);
    assert.deepEqual(bodies, [{ status: 'Unlinked' }]);
  });

  it('a refusal (400) for a connection that is already Unlinked is answered 200 with it; any other stays a 400', async () => {
    for (const [status, expected] of [
      ['Unlinked', 200],
      ['Deauthorized', 400],
      ['PendingAuth', 400],
    ] as const) {
      const platform = recording((request) =>
        request.method === 'PATCH'
          ? codatJson(400, `Only a Linked connection can be unlinked; connection is ${status}.`)
          : Response.json({
              id: COMPANY_ID,
              name: 'Acme Ltd',
              redirect: `https://link.codat.io/company/${COMPANY_ID}`,
              dataConnections: [connection(status)],
            }),
      );
      await withFakePlatform(platform.respond, async (backend) => {
        const response = await backend.call(DISCONNECT, POST);
        assert.equal(response.status, expected, status);
        if (expected === 200) assert.deepEqual(response.body, connection('Unlinked'));
        else assert.equal(response.body?.['code'], 'platform-rejected');
      });
      assert.deepEqual(platform.seen, [
        `PATCH /companies/${COMPANY_ID}/connections/${CONNECTION_ID}`,
        `GET /companies/${COMPANY_ID}`,
      ]);
    }
  });

  it('refuses a connection id that is not a UUID with 400 invalid-connection-id, before any platform call', async () => {
    const platform = recording(() => Response.json(connection('Unlinked')));
    await withFakePlatform(platform.respond, async (backend) => {
      for (const id of ['nope', '123', '..%2F..%2Fcompanies', `${CONNECTION_ID}x`]) {
        const response = await backend.call(`/companies/${COMPANY_ID}/connections/${id}/disconnect`, POST);
        assert.equal(response.status, 400, id);
        assert.deepEqual(response.body, {
          error: 'The connection id must be a UUID.',
          code: 'invalid-connection-id',
          field: 'connectionId',
        });
      }
      const badCompany = await backend.call(`/companies/x/connections/${CONNECTION_ID}/disconnect`, POST);
      assert.equal(badCompany.body?.['code'], 'invalid-company-id');
      const wrongMethod = await backend.call(DISCONNECT);
      assert.equal(wrongMethod.status, 405);
      assert.equal(wrongMethod.headers.get('allow'), 'POST');
      assert.equal((await backend.call(`${DISCONNECT}/more`, POST)).status, 404);
      assert.equal(
        (await backend.call(`/companies/${COMPANY_ID}/connections/${CONNECTION_ID}`, POST)).status,
        404,
      );
      const notJson = await backend.call(DISCONNECT, { method: 'POST', body: '{}' });
      assert.equal(notJson.status, 415, 'writes are JSON only');
    });
    assert.deepEqual(platform.seen, []);
  });

  it('asks authorize for action disconnect on that company; a refusal is 403 and reaches no platform', async () => {
    await assertAuthorizeRefuses(
      { path: DISCONNECT, init: POST, sdkCall: 'unlinkConnection' },
      'disconnect',
      COMPANY_ID,
    );
  });

  it('refuses a disconnect a page of another site sent: 403 cross-site-request, before authorize and the platform', async () => {
    const platform = recording(() => Response.json(connection('Unlinked')));
    const asked: string[] = [];
    await withFakePlatform(
      platform.respond,
      async (backend) => {
        for (const headers of [
          CROSS_SITE,
          { 'sec-fetch-site': 'cross-site' },
          { origin: 'https://evil.example' },
        ]) {
          const response = await backend.call(DISCONNECT, postJson({}, headers));
          assert.equal(response.status, 403, JSON.stringify(headers));
          assert.equal(response.body?.['code'], 'cross-site-request');
        }
      },
      { authorize: ({ action }) => (asked.push(action), true) },
    );
    assert.deepEqual(asked, []);
    assert.deepEqual(platform.seen, []);
  });
});

describe('disconnect: platform faults', () => {
  itAnswersEveryPlatformFault({ path: DISCONNECT, init: POST, sdkCall: 'unlinkConnection' });

  it('a connection the SDK cannot read in a 200 → 502 platform-bad-response', async () => {
    const withoutId = connection('Unlinked');
    delete withoutId['id'];
    await withFakePlatform(
      () => Response.json(withoutId),
      async (backend) => {
        const response = await backend.call(DISCONNECT, POST);
        assert.deepEqual([response.status, response.body?.['code']], [502, 'platform-bad-response']);
      },
    );
  });
});
