import assert from 'node:assert/strict';
import type { DataStatus } from '../../src/simulator/index.ts';
import { startTestSimulator, type TestSimulator } from './harness.ts';

const DATA_TYPES = ['company', 'invoices', 'bills'] as const;
const DURATION = 3000;

describe('simulated syncs', () => {
  let sim: TestSimulator;
  before(async () => {
    // Three types over 3 s: they finish at +1 s, +2 s and +3 s.
    sim = await startTestSimulator({ dataTypes: DATA_TYPES, syncDurationMs: DURATION });
  });
  after(() => sim.close());

  let companyId: string;
  let startedAt: number;
  beforeEach(async () => {
    sim.simulator.reset();
    const company = await sim.createCompany();
    companyId = company.id;
    startedAt = sim.clock.now();
    await sim.submitLink(company.redirect, { platform: 'mqjo', action: 'authorise' });
  });

  async function dataStatus(): Promise<Record<string, DataStatus>> {
    const response = await sim.api(`/companies/${companyId}/dataStatus`);
    assert.equal(response.status, 200);
    return (await response.json()) as Record<string, DataStatus>;
  }

  async function statuses(): Promise<string[]> {
    const status = await dataStatus();
    return DATA_TYPES.map((type) => status[type]?.currentStatus ?? 'missing');
  }

  it('reports the configured types keyed by dataType, and by default one never synced as {dataType} alone', async () => {
    const status = await dataStatus();
    assert.deepEqual(Object.keys(status), [...DATA_TYPES, 'purchaseOrders']);
    for (const type of DATA_TYPES) assert.equal(status[type]?.dataType, type);
    assert.deepEqual(status['purchaseOrders'], { dataType: 'purchaseOrders' });
  });

  it('moves each type Queued → Fetching → Mapping → Complete, staggered, all done at start + duration', async () => {
    assert.deepEqual(await statuses(), ['Queued', 'Queued', 'Queued']);
    sim.clock.advance(500); // company is half way through its 1 s
    assert.deepEqual(await statuses(), ['Fetching', 'Queued', 'Queued']);
    sim.clock.advance(400); // 0.9 s
    assert.deepEqual(await statuses(), ['Mapping', 'Fetching', 'Queued']);
    sim.clock.advance(100); // 1 s
    assert.deepEqual(await statuses(), ['Complete', 'Fetching', 'Fetching']);
    sim.clock.advance(1400); // 2.4 s
    assert.deepEqual(await statuses(), ['Complete', 'Complete', 'Mapping']);
    sim.clock.advance(599); // 2.999 s
    assert.deepEqual(await statuses(), ['Complete', 'Complete', 'Mapping']);
    sim.clock.advance(1); // 3 s
    assert.deepEqual(await statuses(), ['Complete', 'Complete', 'Complete']);
  });

  it('sets sync ids (one pull operation per type, as on Codat) and lastSuccessfulSync as types finish', async () => {
    const queued = await dataStatus();
    const syncId = queued['invoices']?.latestSyncId;
    assert.match(syncId ?? '', /^[0-9a-f-]{36}$/);
    assert.deepEqual(queued['invoices'], {
      dataType: 'invoices',
      currentStatus: 'Queued',
      latestSyncId: syncId,
    });
    const ids = DATA_TYPES.map((type) => queued[type]?.latestSyncId);
    assert.equal(new Set(ids).size, DATA_TYPES.length, 'each type has its own');

    sim.clock.advance(DURATION);
    const done = await dataStatus();
    assert.deepEqual(done['invoices'], {
      dataType: 'invoices',
      currentStatus: 'Complete',
      latestSyncId: syncId,
      lastSuccessfulSync: new Date(startedAt + 2000).toISOString(),
      latestSuccessfulSyncId: syncId,
    });
  });

  it('the company and its connection report lastSync once every type is complete', () => {
    sim.clock.advance(DURATION - 1);
    assert.equal(sim.simulator.listCompanies()[0]?.lastSync, undefined);
    sim.clock.advance(1);
    const [company] = sim.simulator.listCompanies();
    assert.equal(company?.lastSync, new Date(startedAt + DURATION).toISOString());
    assert.equal(company?.dataConnections[0]?.lastSync, company?.lastSync);
  });

  it('a refresh restarts every type from Queued and keeps the last success until it completes', async () => {
    sim.clock.advance(DURATION + 1000);
    const first = await dataStatus();
    const firstSyncId = first['bills']?.latestSyncId;

    const refresh = await sim.api(`/companies/${companyId}/data/all`, { method: 'POST' });
    assert.equal(refresh.status, 204);
    const restarted = await dataStatus();
    assert.deepEqual(await statuses(), ['Queued', 'Queued', 'Queued']);
    const newSyncId = restarted['bills']?.latestSyncId;
    assert.notEqual(newSyncId, firstSyncId);
    assert.equal(restarted['bills']?.latestSuccessfulSyncId, firstSyncId);
    assert.equal(restarted['bills']?.lastSuccessfulSync, first['bills']?.lastSuccessfulSync);

    sim.clock.advance(DURATION);
    const refreshed = await dataStatus();
    assert.equal(refreshed['bills']?.currentStatus, 'Complete');
    assert.equal(refreshed['bills']?.latestSuccessfulSyncId, newSyncId);
    assert.equal(refreshed['bills']?.lastSuccessfulSync, new Date(sim.clock.now()).toISOString());
  });

  it('a refresh of a company with no linked connection queues nothing', async () => {
    const unlinked = await sim.createCompany({ name: 'Never linked' });
    assert.equal((await sim.api(`/companies/${unlinked.id}/data/all`, { method: 'POST' })).status, 204);
    assert.deepEqual(await (await sim.api(`/companies/${unlinked.id}/dataStatus`)).json(), {});
  });
});

describe('simulator options for syncs', () => {
  it('neverSyncedTypes come back as just {dataType}, as the platform sends them', async () => {
    const sim = await startTestSimulator({ dataTypes: ['invoices'], neverSyncedTypes: ['banking-accounts'] });
    try {
      const company = await sim.createCompany();
      await sim.submitLink(company.redirect, { platform: 'gbol', action: 'authorise' });
      const status = (await (await sim.api(`/companies/${company.id}/dataStatus`)).json()) as Record<
        string,
        unknown
      >;
      assert.deepEqual(status['banking-accounts'], { dataType: 'banking-accounts' });
      assert.equal((status['invoices'] as DataStatus).currentStatus, 'Queued');
    } finally {
      await sim.close();
    }
  });

  it('syncDurationMs 0 completes a sync at once', async () => {
    const sim = await startTestSimulator({ syncDurationMs: 0 });
    try {
      const company = await sim.createCompany();
      await sim.submitLink(company.redirect, { platform: 'gbol', action: 'authorise' });
      const status = (await (await sim.api(`/companies/${company.id}/dataStatus`)).json()) as Record<
        string,
        DataStatus
      >;
      const { purchaseOrders, ...synced } = status;
      assert.deepEqual(purchaseOrders, { dataType: 'purchaseOrders' }, 'never synced, by default');
      assert.ok(Object.values(synced).every((entry) => entry.currentStatus === 'Complete'));
      assert.equal(Object.keys(synced).length, 6, 'six default data types');
    } finally {
      await sim.close();
    }
  });

  it('uuid makes every id', async () => {
    let next = 0;
    const uuid = () => `00000000-0000-4000-8000-${String(++next).padStart(12, '0')}`;
    const sim = await startTestSimulator({ uuid });
    try {
      const company = await sim.createCompany();
      assert.match(company.id, /^00000000-0000-4000-8000-0000000000\d\d$/);
    } finally {
      await sim.close();
    }
  });

  it('listCompanies and reset', async () => {
    const sim = await startTestSimulator();
    try {
      await sim.createCompany({ name: 'One' });
      await sim.createCompany({ name: 'Two' });
      assert.deepEqual(
        sim.simulator.listCompanies().map((company) => company.name),
        ['One', 'Two'],
      );
      sim.simulator.reset();
      assert.deepEqual(sim.simulator.listCompanies(), []);
      assert.equal(sim.simulator.deauthorize('nope'), false);
    } finally {
      await sim.close();
    }
  });
});
