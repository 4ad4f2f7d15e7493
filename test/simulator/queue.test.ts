import assert from 'node:assert/strict';
import type { DataStatus } from '../../src/simulator/index.ts';
import { codatError, startTestSimulator, type TestSimulator } from './harness.ts';

const DATA_TYPES = ['company', 'invoices'] as const;
const DURATION = 3000;

describe('POST /companies/{id}/data/queue/{dataType}', () => {
  let sim: TestSimulator;
  before(async () => {
    sim = await startTestSimulator({ dataTypes: DATA_TYPES, syncDurationMs: DURATION });
  });
  after(() => sim.close());
  beforeEach(() => sim.simulator.reset());

  /** A company linked to Xero whose first sync has completed. */
  async function linked(): Promise<string> {
    const company = await sim.createCompany();
    await sim.submitLink(company.redirect, { platform: 'gbol', action: 'authorise' });
    sim.clock.advance(DURATION);
    return company.id;
  }

  const queue = (companyId: string, dataType: string, query = ''): Promise<Response> =>
    sim.api(`/companies/${companyId}/data/queue/${dataType}${query}`, { method: 'POST' });

  async function dataStatus(companyId: string): Promise<Record<string, DataStatus>> {
    return (await (await sim.api(`/companies/${companyId}/dataStatus`)).json()) as Record<string, DataStatus>;
  }

  it('a never-synced type stays {dataType} until queued; then it syncs alone: Queued → Fetching → Complete', async () => {
    const companyId = await linked();
    const before = await dataStatus(companyId);
    assert.deepEqual(before['purchaseOrders'], { dataType: 'purchaseOrders' });
    sim.clock.advance(60_000);
    assert.deepEqual(
      (await dataStatus(companyId))['purchaseOrders'],
      { dataType: 'purchaseOrders' },
      'and stays so',
    );

    const response = await queue(companyId, 'purchaseOrders');
    assert.equal(response.status, 200);
    const operation = (await response.json()) as Record<string, unknown>;
    const [connection] = sim.simulator.listCompanies()[0]?.dataConnections ?? [];
    assert.deepEqual(
      { ...operation, id: 'ID' },
      {
        id: 'ID',
        companyId,
        connectionId: connection?.id,
        dataType: 'purchaseOrders',
        status: 'Queued',
        requested: new Date(sim.clock.now()).toISOString(),
        progress: 0,
        isCompleted: false,
        isErrored: false,
      },
    );
    const queued = (await dataStatus(companyId))['purchaseOrders'];
    assert.deepEqual(queued, {
      dataType: 'purchaseOrders',
      currentStatus: 'Queued',
      latestSyncId: operation['id'],
    });
    assert.equal(
      (await dataStatus(companyId))['invoices']?.latestSyncId,
      before['invoices']?.latestSyncId,
      'other types untouched',
    );

    sim.clock.advance(DURATION / 2);
    assert.equal((await dataStatus(companyId))['purchaseOrders']?.currentStatus, 'Fetching');
    sim.clock.advance(DURATION / 2);
    assert.deepEqual((await dataStatus(companyId))['purchaseOrders'], {
      dataType: 'purchaseOrders',
      currentStatus: 'Complete',
      latestSyncId: operation['id'],
      lastSuccessfulSync: new Date(sim.clock.now()).toISOString(),
      latestSuccessfulSyncId: operation['id'],
    });
  });

  it('queuing a configured type restarts only that type; the company lastSync does not move', async () => {
    const companyId = await linked();
    const lastSync = sim.simulator.listCompanies()[0]?.lastSync;
    const before = await dataStatus(companyId);
    const operation = (await (await queue(companyId, 'invoices')).json()) as { id: string };
    const after = await dataStatus(companyId);
    assert.equal(after['invoices']?.currentStatus, 'Queued');
    assert.equal(after['invoices']?.latestSyncId, operation.id);
    assert.equal(after['invoices']?.latestSuccessfulSyncId, before['invoices']?.latestSyncId);
    assert.deepEqual(after['company'], before['company']);
    sim.clock.advance(DURATION);
    assert.equal((await dataStatus(companyId))['invoices']?.currentStatus, 'Complete');
    assert.equal(sim.simulator.listCompanies()[0]?.lastSync, lastSync);
  });

  it('unstartableTypes: accepted (200, Queued) but never starts, as with an offline connector; settable at run time', async () => {
    const companyId = await linked();
    const control = await fetch(`${sim.url}/_simulator/settings`, {
      method: 'POST',
      body: JSON.stringify({ unstartableTypes: ['purchaseOrders'] }),
    });
    assert.deepEqual(((await control.json()) as { unstartableTypes: string[] }).unstartableTypes, [
      'purchaseOrders',
    ]);
    const response = await queue(companyId, 'purchaseOrders');
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as { status: string }).status, 'Queued');
    sim.clock.advance(10 * DURATION);
    assert.deepEqual((await dataStatus(companyId))['purchaseOrders'], { dataType: 'purchaseOrders' });
  });

  it('the option at creation too', async () => {
    const offline = await startTestSimulator({ unstartableTypes: ['purchaseOrders'] });
    try {
      const company = await offline.createCompany();
      await offline.submitLink(company.redirect, { platform: 'gbol', action: 'authorise' });
      const response = await offline.api(`/companies/${company.id}/data/queue/purchaseOrders`, {
        method: 'POST',
      });
      assert.equal(response.status, 200);
      const status = (await (await offline.api(`/companies/${company.id}/dataStatus`)).json()) as Record<
        string,
        unknown
      >;
      assert.deepEqual(status['purchaseOrders'], { dataType: 'purchaseOrders' });
    } finally {
      await offline.close();
    }
  });

  it('refuses a type still syncing (Codat: DatasetAlreadyInProgressException), accepts it again once done', async () => {
    const companyId = await linked();
    assert.equal((await queue(companyId, 'invoices')).status, 200);
    const busy = await queue(companyId, 'invoices');
    assert.equal(busy.status, 400);
    assert.match(
      ((await busy.json()) as { error: string }).error,
      /^DatasetAlreadyInProgressException: Cannot queue invoices sync/,
    );
    sim.clock.advance(DURATION);
    assert.equal((await queue(companyId, 'invoices')).status, 200);
  });

  it('reads banking types from the bank connection; connectionId picks one', async () => {
    const companyId = await linked();
    const [{ redirect } = { redirect: '' }] = sim.simulator.listCompanies();
    await sim.submitLink(redirect, { platform: 'bsbx', action: 'authorise' });
    const connections = sim.simulator.listCompanies()[0]?.dataConnections ?? [];
    const bank = connections.find((connection) => connection.sourceType === 'Banking');
    const banking = (await (await queue(companyId, 'banking-accounts')).json()) as { connectionId: string };
    assert.equal(banking.connectionId, bank?.id);
    const named = (await (await queue(companyId, 'bills', `?connectionId=${bank?.id ?? ''}`)).json()) as {
      connectionId: string;
    };
    assert.equal(named.connectionId, bank?.id);
    assert.equal((await queue(companyId, 'items', '?connectionId=nope')).status, 404);
  });

  it("400 for a type that is not one of Codat's or a company not linked; 404 for an unknown company; 405 for GET", async () => {
    const companyId = await linked();
    await codatError(await queue(companyId, 'widgets'), 400);
    const unlinked = await sim.createCompany({ name: 'Unlinked' });
    assert.equal((await queue(unlinked.id, 'invoices')).status, 400);
    assert.equal((await queue('00000000-0000-4000-8000-000000000000', 'invoices')).status, 404);
    assert.equal((await sim.api(`/companies/${companyId}/data/queue/invoices`)).status, 405);
  });
});
