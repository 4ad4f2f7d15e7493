import assert from 'node:assert/strict';
import type { AuthorizeContext } from '../../src/server/index.ts';
import { postJson, startBackend, type TestBackend } from './harness.ts';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe('reference backend against the simulator', () => {
  let backend: TestBackend;
  const decisions: Omit<AuthorizeContext, 'request'>[] = [];
  before(async () => {
    backend = await startBackend({
      simulator: { dataTypes: ['invoices', 'banking-accounts'], syncDurationMs: 2000 },
      handler: {
        authorize: ({ action, companyId }) => {
          decisions.push({ action, ...(companyId !== undefined && { companyId }) });
          return true;
        },
      },
    });
  });
  after(() => backend.close());
  beforeEach(() => {
    backend.platform.simulator.reset();
    decisions.length = 0;
  });

  /** Authorises a company in the simulated Link page, as the user would. */
  async function link(redirect: string): Promise<void> {
    const response = await backend.platform.submitLink(redirect, { platform: 'gbol', action: 'authorise' });
    assert.equal(response.status, 303);
  }

  describe('POST /companies', () => {
    it('creates the company on the platform and returns it as the platform did (200)', async () => {
      const response = await backend.call(
        '/companies',
        postJson({ name: '  Acme Ltd  ', description: 'customer 42', tags: { plan: 'pro' } }),
      );
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('cache-control'), 'no-store');
      const [stored] = backend.platform.simulator.listCompanies();
      assert.deepEqual(response.body, stored);
      assert.equal(stored?.name, 'Acme Ltd', 'the name is trimmed');
      assert.equal(stored?.description, 'customer 42');
      assert.deepEqual(stored?.tags, { plan: 'pro' });
      assert.deepEqual(decisions, [{ action: 'create' }]);
    });

    it('with an Idempotency-Key, a retried create returns the same company and creates one', async () => {
      const request = postJson({ name: 'Once Ltd' }, { 'idempotency-key': 'key-retry-0123456789' });
      const first = await backend.call('/companies', request);
      const retry = await backend.call('/companies', request);
      assert.equal(retry.status, 200);
      assert.equal(retry.body?.['id'], first.body?.['id']);
      assert.equal(backend.platform.simulator.listCompanies().length, 1);
    });

    it('concurrent creates with one Idempotency-Key share one platform call', async () => {
      const request = postJson({ name: 'Race Ltd' }, { 'idempotency-key': 'key-race-01234567890' });
      const [a, b] = await Promise.all([
        backend.call('/companies', request),
        backend.call('/companies', request),
      ]);
      assert.equal(a.body?.['id'], b.body?.['id']);
      assert.equal(backend.platform.simulator.listCompanies().length, 1);
    });

    it('an Idempotency-Key reused for a different company is refused (422)', async () => {
      await backend.call(
        '/companies',
        postJson({ name: 'First' }, { 'idempotency-key': 'key-reused-0123456789' }),
      );
      const second = await backend.call(
        '/companies',
        postJson({ name: 'Second' }, { 'idempotency-key': 'key-reused-0123456789' }),
      );
      assert.equal(second.status, 422);
      assert.equal(second.body?.['code'], 'idempotency-key-reused');
      assert.equal(backend.platform.simulator.listCompanies().length, 1);
    });

    for (const [label, key] of [
      ['too short', 'x'.repeat(15)],
      ['too long for a tag', 'x'.repeat(101)],
      ['with characters a tag filter would misread', 'abcdefgh=ijklmnop&&q'],
      ['with spaces', 'abcdefgh ijklmnopq'],
    ] as const) {
      it(`an Idempotency-Key ${label} is refused (400) before any platform call`, async () => {
        const response = await backend.call(
          '/companies',
          postJson({ name: 'X' }, { 'idempotency-key': key }),
        );
        assert.equal(response.status, 400);
        assert.equal(response.body?.['code'], 'invalid-idempotency-key');
        assert.equal(backend.platform.simulator.listCompanies().length, 0);
      });
    }
  });

  describe('GET /companies/{id}', () => {
    it('returns the company with its data connections once linked', async () => {
      const company = await backend.createCompany();
      await link(company.redirect);
      const response = await backend.call(`/companies/${company.id}`);
      assert.equal(response.status, 200);
      const connections = response.body?.['dataConnections'] as { status: string; platformName: string }[];
      assert.deepEqual(
        connections.map(({ status, platformName }) => ({ status, platformName })),
        [{ status: 'Linked', platformName: 'Xero' }],
      );
      assert.deepEqual(decisions.at(-1), { action: 'read', companyId: company.id });
    });

    it('answers 404 company-not-found for a company the platform does not know', async () => {
      const response = await backend.call(`/companies/${UNKNOWN_ID}`);
      assert.equal(response.status, 404);
      const { correlationId, ...rest } = response.body as Record<string, unknown>;
      assert.deepEqual(rest, { error: 'That company does not exist.', code: 'company-not-found' });
      // The platform's id for the failed call is passed on, for support.
      assert.match(String(correlationId), /^[0-9a-f-]{36}$/);
    });
  });

  describe('GET /companies/{id}/data-status', () => {
    it('is {} before Link', async () => {
      const company = await backend.createCompany();
      const response = await backend.call(`/companies/${company.id}/data-status`);
      assert.equal(response.status, 200);
      assert.deepEqual(response.body, {});
    });

    it("keys entries by the platform's dataType names, not the SDK's renamed keys", async () => {
      const company = await backend.createCompany();
      await link(company.redirect);
      const response = await backend.call(`/companies/${company.id}/data-status`);
      // The simulator's default never-fetched type comes back as `{dataType}` only, as on Codat.
      assert.deepEqual(Object.keys(response.body ?? {}).sort(), [
        'banking-accounts',
        'invoices',
        'purchaseOrders',
      ]);
      assert.deepEqual(response.body?.['purchaseOrders'], { dataType: 'purchaseOrders' });
      const banking = response.body?.['banking-accounts'] as Record<string, unknown>;
      assert.equal(banking['dataType'], 'banking-accounts');
      assert.equal(banking['currentStatus'], 'Queued');
    });

    it('follows the sync to Complete as the platform clock moves', async () => {
      const company = await backend.createCompany();
      await link(company.redirect);
      backend.platform.clock.advance(2000);
      const response = await backend.call(`/companies/${company.id}/data-status`);
      const statuses = Object.fromEntries(
        Object.entries(response.body ?? {}).map(([key, entry]) => [
          key,
          (entry as { currentStatus?: string }).currentStatus,
        ]),
      );
      assert.deepEqual(statuses, {
        invoices: 'Complete',
        'banking-accounts': 'Complete',
        purchaseOrders: undefined,
      });
    });
  });

  describe('POST /companies/{id}/refresh', () => {
    it('queues a new sync (204) and data status restarts from Queued', async () => {
      const company = await backend.createCompany();
      await link(company.redirect);
      backend.platform.clock.advance(2000);
      const response = await backend.call(`/companies/${company.id}/refresh`, postJson({}));
      assert.equal(response.status, 204);
      assert.equal(response.body, null);
      assert.deepEqual(decisions.at(-1), { action: 'refresh', companyId: company.id });
      const status = await backend.call(`/companies/${company.id}/data-status`);
      const invoices = status.body?.['invoices'] as { currentStatus: string; lastSuccessfulSync?: string };
      assert.equal(invoices.currentStatus, 'Queued');
      assert.ok(invoices.lastSuccessfulSync, 'the previous success is still reported');
    });

    it('answers 404 for an unknown company', async () => {
      const response = await backend.call(`/companies/${UNKNOWN_ID}/refresh`, postJson({}));
      assert.equal(response.status, 404);
      assert.equal(response.body?.['code'], 'company-not-found');
    });
  });
});
