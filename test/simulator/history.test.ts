/**
 * `GET /companies/{id}/data/history` (the SDK's `refreshDataListPullOperations`): one pull operation per data
 * type of every sync, derived from the clock like the data status, paged and ordered like Codat's lists.
 */
import assert from 'node:assert/strict';
import type { DataStatus, PullOperation } from '../../src/simulator/index.ts';
import { codatError, startTestSimulator, type TestSimulator } from './harness.ts';

const DATA_TYPES = ['company', 'invoices', 'bills'] as const;
/** Three types over 3 s: they finish at +1 s, +2 s and +3 s. */
const DURATION = 3000;

interface Page {
  results: PullOperation[];
  pageNumber: number;
  pageSize: number;
  totalResults: number;
  _links: Record<string, { href: string }>;
}

describe('GET /companies/{id}/data/history', () => {
  let sim: TestSimulator;
  before(async () => {
    sim = await startTestSimulator({ dataTypes: DATA_TYPES, syncDurationMs: DURATION });
  });
  after(() => sim.close());
  /** When the test's company linked (the clock runs on from test to test). */
  let start: number;
  beforeEach(() => {
    sim.simulator.reset();
    start = sim.clock.now();
  });
  const at = (ms: number): string => new Date(start + ms).toISOString();

  /** A company linked to Xero at `start` (its first sync starts then); its id and the connection's. */
  async function linked(): Promise<{ id: string; redirect: string; connectionId: string }> {
    const company = await sim.createCompany();
    await sim.submitLink(company.redirect, { platform: 'gbol', action: 'authorise' });
    const connectionId = sim.simulator.listCompanies().at(-1)?.dataConnections[0]?.id ?? assert.fail();
    return { ...company, connectionId };
  }

  async function history(companyId: string, query = ''): Promise<Page> {
    const response = await sim.api(`/companies/${companyId}/data/history${query}`);
    assert.equal(response.status, 200);
    return (await response.json()) as Page;
  }

  /** Each operation as `dataType status progress`, in the order listed. */
  const summary = (page: Page): string[] =>
    page.results.map((operation) => `${operation.dataType} ${operation.status} ${operation.progress}`);

  async function dataStatus(companyId: string): Promise<Record<string, DataStatus>> {
    return (await (await sim.api(`/companies/${companyId}/dataStatus`)).json()) as Record<string, DataStatus>;
  }

  it('is an empty page before the company links', async () => {
    const company = await sim.createCompany();
    const page = await history(company.id);
    assert.deepEqual(
      { ...page, _links: Object.keys(page._links) },
      { results: [], pageNumber: 1, pageSize: 100, totalResults: 0, _links: ['self', 'current'] },
    );
  });

  it('the first sync: one pull operation per type, moving with the clock like the data status', async () => {
    const { id, connectionId } = await linked();
    assert.deepEqual(summary(await history(id)), ['company Queued 0', 'invoices Queued 0', 'bills Queued 0']);
    sim.clock.advance(500);
    assert.deepEqual(summary(await history(id)), [
      'company Fetching 50',
      'invoices Queued 25',
      'bills Queued 16',
    ]);
    sim.clock.advance(500);
    assert.deepEqual(summary(await history(id)), [
      'company Complete 100',
      'invoices Fetching 50',
      'bills Fetching 33',
    ]);
    sim.clock.advance(DURATION);
    const done = await history(id);
    const status = await dataStatus(id);
    assert.deepEqual(
      done.results.map((operation) => ({ ...operation, id: 'ID' })),
      DATA_TYPES.map((dataType, index) => ({
        id: 'ID',
        companyId: id,
        connectionId,
        dataType,
        status: 'Complete',
        requested: at(0),
        completed: at(1000 * (index + 1)),
        progress: 100,
        isCompleted: true,
        isErrored: false,
      })),
    );
    assert.deepEqual(
      done.results.map((operation) => operation.id),
      DATA_TYPES.map((dataType) => status[dataType]?.latestSyncId),
      "each operation's id is its type's latestSyncId",
    );
  });

  for (const [scenario, failed, message] of [
    ['fetch-error', 'FetchError', /error while invoices were being fetched/],
    ['auth-error', 'AuthError', /refused the connection's credentials/],
  ] as const) {
    it(`a sync that fails (${scenario}): the failing type isErrored with an errorMessage, the others complete`, async () => {
      const company = await sim.createCompany();
      sim.simulator.setScenario(company.id, scenario);
      await sim.submitLink(company.redirect, { platform: 'gbol', action: 'authorise' });
      sim.clock.advance(1999);
      const running = (await history(company.id)).results[1];
      assert.deepEqual(
        [running?.status, running?.isErrored, running?.errorMessage],
        ['Fetching', false, undefined],
      );
      sim.clock.advance(DURATION);
      const page = await history(company.id);
      assert.deepEqual(summary(page), [
        'company Complete 100',
        `invoices ${failed} 100`,
        'bills Complete 100',
      ]);
      const invoices = page.results[1];
      assert.deepEqual(
        [invoices?.isErrored, invoices?.isCompleted, invoices?.completed],
        [true, false, at(2000)],
      );
      assert.match(invoices?.errorMessage ?? '', message);
      assert.equal(page.results[0]?.errorMessage, undefined, 'only the failed one has an errorMessage');
      assert.equal(
        (await dataStatus(company.id))['invoices']?.currentStatus,
        failed,
        'agrees with the data status',
      );
    });
  }

  it('each refresh and queued type adds its own; a refresh during a sync cancels what it replaces', async () => {
    const { id } = await linked();
    sim.clock.advance(1500); // company done, invoices half way, bills a third of the way
    assert.equal((await sim.api(`/companies/${id}/data/all`, { method: 'POST' })).status, 204);
    const page = await history(id);
    assert.deepEqual(summary(page), [
      'company Complete 100',
      'invoices Cancelled 75',
      'bills Cancelled 50',
      'company Queued 0',
      'invoices Queued 0',
      'bills Queued 0',
    ]);
    const cancelled = page.results[1];
    assert.equal(cancelled?.completed, at(1500));
    assert.equal(cancelled?.isErrored, false);
    assert.match(cancelled?.statusDescription ?? '', /Replaced by a newer pull operation/);
    assert.equal(
      (await dataStatus(id))['company']?.latestSuccessfulSyncId,
      page.results[0]?.id,
      'the completed one is still the last success',
    );

    sim.clock.advance(DURATION);
    const queued = await sim.api(`/companies/${id}/data/queue/purchaseOrders`, { method: 'POST' });
    const operation = (await queued.json()) as PullOperation;
    const after = await history(id);
    assert.equal(after.totalResults, 7);
    assert.deepEqual(after.results.at(-1), operation, 'the queue answer is the history entry');
  });

  it('a queued banking type names the bank connection; a type queued while unstartable stays Queued', async () => {
    const { id, redirect } = await linked();
    await sim.submitLink(redirect, { platform: 'bsbx', action: 'authorise' });
    const bank = sim.simulator.listCompanies()[0]?.dataConnections[1];
    sim.simulator.configure({ unstartableTypes: ['purchaseOrders'] });
    await sim.api(`/companies/${id}/data/queue/banking-accounts`, { method: 'POST' });
    await sim.api(`/companies/${id}/data/queue/purchaseOrders`, { method: 'POST' });
    sim.clock.advance(10 * DURATION);
    const last = (await history(id)).results.slice(-2);
    assert.deepEqual(
      last.map((operation) => [operation.dataType, operation.connectionId, operation.status]),
      [
        ['banking-accounts', bank?.id, 'Complete'],
        ['purchaseOrders', sim.simulator.listCompanies()[0]?.dataConnections[0]?.id, 'Queued'],
      ],
    );
  });

  it('unlinking changes no entry and a refresh then adds none', async () => {
    const { id, connectionId } = await linked();
    sim.clock.advance(DURATION);
    const before = await history(id);
    const unlink = await sim.api(`/companies/${id}/connections/${connectionId}`, {
      method: 'PATCH',
      body: JSON.stringify({ status: 'Unlinked' }),
    });
    assert.equal(unlink.status, 200);
    await sim.api(`/companies/${id}/data/all`, { method: 'POST' });
    sim.clock.advance(DURATION);
    assert.deepEqual((await history(id)).results, before.results);
  });

  it('orderBy=-requested lists the newest first; page and pageSize page through it with _links', async () => {
    const { id } = await linked();
    sim.clock.advance(DURATION);
    await sim.api(`/companies/${id}/data/all`, { method: 'POST' });
    sim.clock.advance(DURATION);
    await sim.api(`/companies/${id}/data/queue/invoices`, { method: 'POST' });

    const newest = await history(id, '?orderBy=-requested&page=1&pageSize=4');
    assert.deepEqual(
      newest.results.map((operation) => `${operation.dataType} ${operation.requested}`),
      [`invoices ${at(6000)}`, `company ${at(3000)}`, `invoices ${at(3000)}`, `bills ${at(3000)}`],
    );
    assert.deepEqual([newest.pageNumber, newest.pageSize, newest.totalResults], [1, 4, 7]);
    assert.equal(
      newest._links['next']?.href,
      `/companies/${id}/data/history?orderBy=-requested&page=2&pageSize=4`,
    );
    const second = await history(id, '?orderBy=-requested&page=2&pageSize=4');
    assert.deepEqual(summary(second), [
      'company Complete 100',
      'invoices Complete 100',
      'bills Complete 100',
    ]);
    assert.equal(second._links['next'], undefined);
    assert.ok(second._links['previous']);

    const oldest = await history(id, '?orderBy=requested&pageSize=1');
    assert.equal(oldest.results[0]?.requested, at(0));
    assert.equal((await history(id)).results[0]?.requested, at(0), 'without orderBy: the order requested');
  });

  it('400 for an orderBy property it cannot resolve or a bad page; 404 unknown company; 405 allows GET', async () => {
    const { id } = await linked();
    await codatError(await sim.api(`/companies/${id}/data/history?orderBy=-nonsense`), 400, /nonsense/);
    await codatError(await sim.api(`/companies/${id}/data/history?pageSize=0`), 400);
    await codatError(await sim.api('/companies/00000000-0000-4000-8000-000000000000/data/history'), 404);
    const post = await sim.api(`/companies/${id}/data/history`, { method: 'POST' });
    await codatError(post, 405);
    assert.equal(post.headers.get('allow'), 'GET');
  });
});
