/**
 * `GET {basePath}/companies/{id}/sync-history`: the company's newest 20 pull operations through the SDK's
 * `refreshDataListPullOperations` (Codat's `GET /companies/{id}/data/history`), as `{results}`, newest first;
 * fails like every other call when the platform does.
 */
import assert from 'node:assert/strict';
import {
  assertAuthorizeRefuses,
  itAnswersEveryPlatformFault,
  postJson,
  recording,
  startBackend,
  withFakePlatform,
} from './harness.ts';

const COMPANY_ID = '7f1b4a57-3c9e-4a55-9d0e-4a1c2b3d4e5f';
const HISTORY = `/companies/${COMPANY_ID}/sync-history`;

/** A pull operation as Codat lists it. */
const operation = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: '0b7a5c1e-2f3d-4e5f-8a9b-1c2d3e4f5a6b',
  companyId: COMPANY_ID,
  connectionId: '2e9d6b3c-4a5f-4c7d-9e1f-3a4b5c6d7e8f',
  dataType: 'invoices',
  status: 'Complete',
  requested: '2026-01-01T09:00:00Z',
  completed: '2026-01-01T09:00:02Z',
  progress: 100,
  isCompleted: true,
  isErrored: false,
  ...extra,
});

/** Codat's page of pull operations (`results` as given, even when it is not a list). */
const page = (results: unknown): Response =>
  Response.json({
    results,
    pageNumber: 1,
    pageSize: 20,
    totalResults: Array.isArray(results) ? results.length : 1,
    _links: {
      self: { href: `/companies/${COMPANY_ID}/data/history` },
      current: { href: `/companies/${COMPANY_ID}/data/history?page=1&pageSize=20` },
    },
  });

describe('sync history: GET /companies/{id}/sync-history', () => {
  it('on the simulator: the newest 20 pull operations, newest first', async () => {
    const backend = await startBackend();
    try {
      const company = await backend.createCompany();
      const empty = await backend.call(`/companies/${company.id}/sync-history`);
      assert.deepEqual([empty.status, empty.body], [200, { results: [] }]);

      await backend.platform.submitLink(company.redirect, { platform: 'gbol', action: 'authorise' });
      // The first sync and three refreshes: 6 types each, 24 operations.
      for (let refresh = 0; refresh < 3; refresh++) {
        backend.platform.clock.advance(5000);
        assert.equal((await backend.call(`/companies/${company.id}/refresh`, postJson({}))).status, 204);
      }
      backend.platform.clock.advance(5000);
      const response = await backend.call(`/companies/${company.id}/sync-history`);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('cache-control'), 'no-store');
      const results = response.body?.['results'] as Record<string, unknown>[];
      assert.equal(results.length, 20);
      const requested = results.map((item) => String(item['requested']));
      assert.deepEqual(requested, [...requested].sort().reverse(), 'newest first');
      assert.deepEqual(
        Object.keys(results[0] ?? {}).sort(),
        [
          'companyId',
          'completed',
          'connectionId',
          'dataType',
          'id',
          'isCompleted',
          'isErrored',
          'progress',
          'requested',
          'status',
        ],
        "the platform's pull operation",
      );
      assert.ok(results.every((item) => item['status'] === 'Complete'));
    } finally {
      await backend.close();
    }
  });

  it('asks for page 1 of 20, newest first, and passes the operations on, newer statuses and nulls included', async () => {
    const failed = operation({
      status: 'FetchError',
      errorMessage: 'The platform returned an error.',
      statusDescription: null,
      isCompleted: false,
      isErrored: true,
    });
    const platform = recording(() => page([operation({ status: 'SomethingNew' }), failed]));
    await withFakePlatform(platform.respond, async (backend) => {
      const response = await backend.call(HISTORY);
      assert.equal(response.status, 200);
      assert.deepEqual(response.body, { results: [operation({ status: 'SomethingNew' }), failed] });
    });
    assert.deepEqual(platform.seen, [
      `GET /companies/${COMPANY_ID}/data/history?orderBy=-requested&page=1&pageSize=20`,
    ]);
  });

  it('an operation without completed, or with completed: null, is passed on without it', async () => {
    const running = operation({ status: 'Fetching', progress: 40, isCompleted: false });
    delete running['completed'];
    await withFakePlatform(
      () => page([running, { ...running, completed: null, status: 'NewerThanTheSdk' }]),
      async (backend) => {
        const response = await backend.call(HISTORY);
        assert.deepEqual(response.body, { results: [running, { ...running, status: 'NewerThanTheSdk' }] });
      },
    );
  });

  it('refuses a company id that is not a UUID before any platform call; GET only', async () => {
    const platform = recording(() => page([]));
    await withFakePlatform(platform.respond, async (backend) => {
      const badId = await backend.call('/companies/not-a-uuid/sync-history');
      assert.deepEqual(
        [badId.status, badId.body?.['code'], badId.body?.['field']],
        [400, 'invalid-company-id', 'companyId'],
      );
      const wrongMethod = await backend.call(HISTORY, postJson({}));
      assert.equal(wrongMethod.status, 405);
      assert.equal(wrongMethod.headers.get('allow'), 'GET');
      assert.equal((await backend.call(`${HISTORY}/more`)).status, 404);
    });
    assert.deepEqual(platform.seen, []);
  });

  it('asks authorize for action read on that company; a refusal is 403 and reaches no platform', async () => {
    await assertAuthorizeRefuses({ path: HISTORY, sdkCall: 'listPullOperations' }, 'read', COMPANY_ID);
  });
});

describe('sync history: platform faults', () => {
  itAnswersEveryPlatformFault({ path: HISTORY, sdkCall: 'listPullOperations' });

  it('an operation that is not one (no id), even beside good ones → 502 platform-bad-response', async () => {
    const broken = operation();
    delete broken['id'];
    for (const results of [[operation(), broken], [operation(), 'invoices'], 'not a list']) {
      await withFakePlatform(
        () => page(results),
        async (backend) => {
          const response = await backend.call(HISTORY);
          assert.deepEqual([response.status, response.body?.['code']], [502, 'platform-bad-response']);
        },
      );
    }
  });
});
