/** `DELETE /companies/{id}`: the company and everything of it goes, its Link URLs included. */
import assert from 'node:assert/strict';
import { codatError, startTestSimulator, type TestSimulator } from './harness.ts';

describe('DELETE /companies/{id}', () => {
  let sim: TestSimulator;
  before(async () => {
    sim = await startTestSimulator();
  });
  after(() => sim.close());

  it('204; afterwards the company, its connections, history and Link URLs are gone (404)', async () => {
    const company = await sim.createCompany();
    const pick = await sim.submitLink(company.redirect, { platform: 'gbol', action: 'continue' });
    const linkUrl = pick.headers.get('location') ?? assert.fail('no connection page');
    await sim.submitLink(linkUrl, { action: 'authorise' });
    const [connection] = sim.simulator.listCompanies()[0]?.dataConnections ?? [];

    const deleted = await sim.api(`/companies/${company.id}`, { method: 'DELETE' });
    assert.equal(deleted.status, 204);
    assert.equal(await deleted.text(), '');
    for (const path of [
      '',
      '/connections',
      '/dataStatus',
      '/data/history',
      `/connections/${connection?.id}`,
    ]) {
      await codatError(await sim.api(`/companies/${company.id}${path}`), 404);
    }
    await codatError(await sim.api(`/companies/${company.id}`, { method: 'DELETE' }), 404);
    assert.equal((await fetch(company.redirect)).status, 404, "the company's redirect");
    assert.equal((await fetch(linkUrl)).status, 404, "the connection's linkUrl");
    assert.equal((await sim.submitLink(linkUrl, { action: 'authorise' })).status, 404);
    assert.deepEqual(sim.simulator.listCompanies(), []);
  });
});
