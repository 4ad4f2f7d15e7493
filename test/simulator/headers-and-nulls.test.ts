import assert from 'node:assert/strict';
import { startTestSimulator, type TestSimulator } from './harness.ts';

describe('rate-limit headers', () => {
  let sim: TestSimulator;
  before(async () => {
    sim = await startTestSimulator();
  });
  after(() => sim.close());
  beforeEach(() => sim.simulator.reset());

  const limits = (response: Response): [string | null, string | null, string | null] => [
    response.headers.get('x-rate-limit-limit'),
    response.headers.get('x-rate-limit-remaining'),
    response.headers.get('x-rate-limit-reset'),
  ];

  it('every API answer carries them: success, error, 401 and injected faults; a new UTC day starts again', async () => {
    const reset = '2026-01-02T00:00:00.000Z';
    assert.deepEqual(limits(await sim.api('/companies')), ['1000', '999', reset]);
    assert.deepEqual(limits(await sim.api('/companies/nope')), ['1000', '998', reset]);
    assert.deepEqual(limits(await sim.api('/companies', { headers: { authorization: 'Basic x' } })), [
      '1000',
      '997',
      reset,
    ]);
    sim.simulator.faults.inject({ path: '/companies', kind: 'status', status: 503 });
    assert.deepEqual(limits(await sim.api('/companies')), ['1000', '996', reset]);
    sim.clock.advance(24 * 60 * 60 * 1000);
    assert.deepEqual(limits(await sim.api('/companies')), ['1000', '999', '2026-01-03T00:00:00.000Z']);
  });

  it('the limit grows by 1,000 per company with a linked connection; Link pages carry none', async () => {
    const company = await sim.createCompany();
    const page = await fetch(company.redirect);
    assert.equal(page.headers.get('x-rate-limit-limit'), null);
    await sim.submitLink(company.redirect, { platform: 'gbol', action: 'authorise' });
    assert.equal((await sim.api('/companies')).headers.get('x-rate-limit-limit'), '2000');
  });

  it("every 429 carries Retry-After: the fault's, or 1 s when it names none", async () => {
    sim.simulator.faults.inject({ path: '/companies', kind: 'status', status: 429, times: 2 });
    const response = await sim.api('/companies');
    assert.equal(response.status, 429);
    assert.equal(response.headers.get('retry-after'), '1');
    assert.equal(response.headers.get('x-rate-limit-remaining'), '999');
    sim.simulator.faults.inject({ path: '/companies', kind: 'status', status: 429, retryAfterSeconds: 30 });
    assert.equal((await sim.api('/companies')).headers.get('retry-after'), '1', 'the first fault, again');
    const named = await sim.api('/companies');
    assert.equal(named.status, 429);
    assert.equal(named.headers.get('retry-after'), '30');

    const company = await sim.createCompany();
    sim.simulator.faults.inject({ path: '/link/company/*', kind: 'status', status: 429 });
    assert.equal((await fetch(company.redirect)).headers.get('retry-after'), '1', 'on a Link page too');
  });

  for (const status of [402, 409, 503]) {
    it(`a ${status} fault answers Codat's error body, canBeRetried a string`, async () => {
      sim.simulator.faults.inject({ method: 'POST', path: '/companies', kind: 'status', status });
      const response = await sim.api('/companies', { method: 'POST', body: JSON.stringify({ name: 'X' }) });
      assert.equal(response.status, status);
      const body = (await response.json()) as Record<string, unknown>;
      assert.equal(body['statusCode'], status);
      assert.equal(body['service'], 'PublicApi');
      assert.equal(typeof body['canBeRetried'], 'string');
      assert.equal(typeof body['correlationId'], 'string');
      assert.equal(sim.simulator.listCompanies().length, 0, 'nothing created');
    });
  }
});

describe('nullable fields (nullForMissing)', () => {
  async function shapes(
    nullForMissing: boolean,
  ): Promise<{ company: Record<string, unknown>; connection: Record<string, unknown> }> {
    const sim = await startTestSimulator({ nullForMissing });
    try {
      const created = await sim.createCompany({ name: 'Acme Ltd' });
      await sim.submitLink(created.redirect, { platform: 'gbol', action: 'continue' });
      const company = (await (await sim.api(`/companies/${created.id}`)).json()) as Record<string, unknown>;
      const [connection] = company['dataConnections'] as Record<string, unknown>[];
      return { company, connection: connection ?? {} };
    } finally {
      await sim.close();
    }
  }

  it('by default, an unknown description and lastSync are left out', async () => {
    const { company, connection } = await shapes(false);
    assert.equal('description' in company, false);
    assert.equal('lastSync' in company, false);
    assert.equal('lastSync' in connection, false);
  });

  it('with nullForMissing they are sent as null (the spec marks them nullable)', async () => {
    const { company, connection } = await shapes(true);
    assert.equal(company['description'], null);
    assert.equal(company['lastSync'], null);
    assert.equal(connection['lastSync'], null);
    assert.equal(connection['status'], 'PendingAuth');
  });
});
