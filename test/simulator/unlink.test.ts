/**
 * `PATCH /companies/{id}/connections/{connectionId}` `{"status": "Unlinked"}` (the SDK's `connections.unlink`)
 * and what an Unlinked connection is afterwards: its data kept, nothing new read from it, re-linkable.
 */
import assert from 'node:assert/strict';
import type { Connection, DataStatus } from '../../src/simulator/index.ts';
import { codatError, queryOf, startTestSimulator, T0, type TestSimulator } from './harness.ts';

const DURATION = 3000;

describe('PATCH /companies/{id}/connections/{connectionId} (unlink)', () => {
  let sim: TestSimulator;
  before(async () => {
    sim = await startTestSimulator({ dataTypes: ['company', 'invoices'], syncDurationMs: DURATION });
  });
  after(() => sim.close());
  beforeEach(() => sim.simulator.reset());

  const patch = (companyId: string, connectionId: string, body: unknown): Promise<Response> =>
    sim.api(`/companies/${companyId}/connections/${connectionId}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  /** A company linked to Xero whose first sync has completed: its id, redirect and the Xero connection. */
  async function linked(): Promise<{ id: string; redirect: string; connection: Connection }> {
    const company = await sim.createCompany();
    await sim.submitLink(company.redirect, { platform: 'gbol', action: 'authorise' });
    sim.clock.advance(DURATION);
    return { ...company, connection: connectionsOf(company.id)[0] ?? assert.fail('no connection') };
  }

  const connectionsOf = (companyId: string): Connection[] =>
    sim.simulator.listCompanies().find((company) => company.id === companyId)?.dataConnections ?? [];

  async function dataStatus(companyId: string): Promise<Record<string, DataStatus>> {
    return (await (await sim.api(`/companies/${companyId}/dataStatus`)).json()) as Record<string, DataStatus>;
  }

  it('unlinks a Linked connection: 200 with the connection, Unlinked, its last sync kept', async () => {
    const { id, connection } = await linked();
    const response = await patch(id, connection.id, { status: 'Unlinked' });
    assert.equal(response.status, 200);
    const unlinked = (await response.json()) as Connection;
    assert.deepEqual(unlinked, { ...connection, status: 'Unlinked' });
    assert.equal(unlinked.lastSync, new Date(T0 + DURATION).toISOString());
    assert.deepEqual(connectionsOf(id), [unlinked]);
    const one = await sim.api(`/companies/${id}/connections/${connection.id}`);
    assert.deepEqual(await one.json(), unlinked, 'GET of the one connection agrees');
  });

  it('keeps the data already fetched and reads nothing new: a refresh queues nothing, a queued type is refused', async () => {
    const { id, connection } = await linked();
    const before = await dataStatus(id);
    await patch(id, connection.id, { status: 'Unlinked' });
    sim.clock.advance(60_000);
    assert.deepEqual(await dataStatus(id), before, 'data status unchanged');

    // As for a Deauthorized connection: the refresh is accepted, and nothing is read.
    assert.equal((await sim.api(`/companies/${id}/data/all`, { method: 'POST' })).status, 204);
    assert.deepEqual(await dataStatus(id), before);
    const queued = await sim.api(`/companies/${id}/data/queue/invoices`, { method: 'POST' });
    assert.equal(queued.status, 400);
    const named = await sim.api(`/companies/${id}/data/queue/invoices?connectionId=${connection.id}`, {
      method: 'POST',
    });
    assert.equal(named.status, 400);
    assert.match(((await named.json()) as { error: string }).error, /is Unlinked: re-link it/);
    assert.deepEqual(await dataStatus(id), before);
  });

  it('re-linking through its linkUrl makes it Linked again (status 200), starting no sync', async () => {
    const { id, connection } = await linked();
    await patch(id, connection.id, { status: 'Unlinked' });
    const syncId = (await dataStatus(id))['invoices']?.latestSyncId;
    const relink = await sim.submitLink(connection.linkUrl, { action: 'authorise' });
    assert.deepEqual(
      [
        queryOf(relink.headers.get('location'))['statusCode'],
        queryOf(relink.headers.get('location'))['connectionId'],
      ],
      ['200', connection.id],
    );
    assert.deepEqual(
      connectionsOf(id).map((item) => [item.id, item.status]),
      [[connection.id, 'Linked']],
    );
    assert.equal((await dataStatus(id))['invoices']?.latestSyncId, syncId, 'no new sync by itself');
    assert.equal((await sim.api(`/companies/${id}/data/queue/invoices`, { method: 'POST' })).status, 200);
  });

  it("re-linking through the company's redirect with the same platform reuses the connection", async () => {
    const { id, redirect, connection } = await linked();
    await patch(id, connection.id, { status: 'Unlinked' });
    const relink = await sim.submitLink(redirect, { platform: 'gbol', action: 'authorise' });
    assert.equal(queryOf(relink.headers.get('location'))['statusCode'], '200');
    assert.deepEqual(
      connectionsOf(id).map((item) => [item.id, item.status]),
      [[connection.id, 'Linked']],
    );
  });

  it('frees the accounting slot: another accounting platform may link once the first is Unlinked', async () => {
    const { id, redirect, connection } = await linked();
    const refused = await sim.submitLink(redirect, { platform: 'qhyg', action: 'authorise' });
    assert.equal(refused.status, 409);
    await patch(id, connection.id, { status: 'Unlinked' });
    const allowed = await sim.submitLink(redirect, { platform: 'qhyg', action: 'authorise' });
    assert.equal(queryOf(allowed.headers.get('location'))['statusCode'], '200');
    assert.deepEqual(
      connectionsOf(id).map((item) => `${item.platformName} ${item.status}`),
      ['Xero Unlinked', 'QuickBooks Online Linked'],
    );
  });

  it('only a Linked connection can be unlinked (Codat docs): PendingAuth, Deauthorized, Unlinked are a 400', async () => {
    const { id, redirect, connection } = await linked();
    const pending = await sim.submitLink(redirect, { platform: 'bsbx', action: 'continue' });
    assert.equal(pending.status, 303);
    const bank = connectionsOf(id).find((item) => item.status === 'PendingAuth') ?? assert.fail('no bank');
    await codatError(await patch(id, bank.id, { status: 'Unlinked' }), 400, /is PendingAuth/);

    assert.equal((await patch(id, connection.id, { status: 'Unlinked' })).status, 200);
    await codatError(await patch(id, connection.id, { status: 'Unlinked' }), 400, /is Unlinked/);

    const other = await linked();
    sim.simulator.deauthorize(other.id);
    await codatError(
      await patch(other.id, other.connection.id, { status: 'Unlinked' }),
      400,
      /is Deauthorized/,
    );
  });

  for (const [label, body] of [
    ['another status', { status: 'Linked' }],
    ['status Deauthorized', { status: 'Deauthorized' }],
    ['no status', {}],
    ['status null', { status: null }],
    ['an array', [{ status: 'Unlinked' }]],
    ['a body that is not JSON', '{status'],
    ['no body at all', ''],
  ] as const) {
    it(`refuses ${label} with a 400 validation item on status, changing nothing`, async () => {
      const { id, connection } = await linked();
      const response = await patch(id, connection.id, body);
      const error = await codatError(response, 400);
      assert.equal(error.validation?.errors[0]?.itemId, 'status');
      assert.equal(connectionsOf(id)[0]?.status, 'Linked');
    });
  }

  it('404 for a connection the company does not have and for an unknown company; 405 allows GET, PATCH', async () => {
    const { id, connection } = await linked();
    const other = await sim.createCompany({ name: 'Other' });
    await codatError(await patch(other.id, connection.id, { status: 'Unlinked' }), 404);
    await codatError(await patch(id, '00000000-0000-4000-8000-000000000000', { status: 'Unlinked' }), 404);
    await codatError(await sim.api(`/companies/${id}/connections/nope`), 404);
    await codatError(
      await patch('00000000-0000-4000-8000-000000000000', connection.id, { status: 'Unlinked' }),
      404,
    );
    const wrong = await sim.api(`/companies/${id}/connections/${connection.id}`, { method: 'PUT' });
    await codatError(wrong, 405);
    assert.equal(wrong.headers.get('allow'), 'GET, PATCH');
    await codatError(await sim.api(`/companies/${id}/connections/${connection.id}/more`), 404);
  });
});
