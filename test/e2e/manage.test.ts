/**
 * The customer dashboard in Chromium against the demo server: `/dashboard.html` gets a company linked to Xero
 * whose first sync completed, the element (`intent="manage"`, `company-id`) rests in `overview`, refreshes
 * the data and comes back, then re-authorises the connection once access is revoked; never creating a company.
 */
import assert from 'node:assert/strict';
import { useDemo } from './demo-fixture.ts';
import { DashboardPage, collapseRepeats, finishLink } from './signup-page.ts';

/** Loading the company and resting on the dashboard (on the first visit and after every reload). */
const LOADED = ['state:loading', 'state:overview', 'onboard-link-ready'];
/** From a finished sync back to the dashboard, read afresh (sync-progress repeats collapsed). */
const SYNCED_TO_OVERVIEW = [
  'onboard-sync-progress',
  'state:loading',
  'onboard-sync-progress',
  'onboard-complete',
  'state:overview',
  'onboard-link-ready',
];

describe('dashboard (intent="manage") in Chromium against the demo server', () => {
  const fx = useDemo();

  it('overview → Refresh data → overview; access revoked → Reconnect in a popup → overview, Linked, nothing created', async () => {
    const page = await fx.context.newPage();
    const dashboard = await DashboardPage.visit(page, fx.demo.url);
    const companyId = dashboard.companyId();

    // The demo made one company, linked to Xero, whose first sync completed.
    const [linked] = fx.demo.simulator.listCompanies();
    assert.equal(fx.demo.simulator.listCompanies().length, 1);
    assert.equal(linked?.id, companyId);
    assert.deepEqual(
      linked?.dataConnections.map((c) => [c.platformName, c.status]),
      [['Xero', 'Linked']],
    );
    assert.ok(linked.lastSync, 'the first sync completed');
    const connection = linked.dataConnections[0]!;
    const firstSync = Date.parse(linked.lastSync);

    // The overview: the connection in words, with its last sync; freshness per type; Refresh data.
    await page.getByRole('heading', { name: 'Your connections' }).waitFor();
    const card = dashboard.connection('Xero');
    assert.equal(await dashboard.connectionStatus('Xero'), 'Connected');
    await card.getByText(/^Last synced /).waitFor();
    assert.equal(await card.getByText('Never synced').count(), 0);
    assert.equal(await card.getByText('This data may be out of date.').count(), 0);
    assert.equal(await card.getByRole('button', { name: 'Reconnect' }).count(), 0);
    await page.getByRole('heading', { name: 'Data freshness' }).waitFor();
    const freshness = await page.locator('company-onboard ul[part="types"] li').allTextContents();
    // One line per data type: the six synced ones, and the one the platform never fetched (as Codat reports it).
    assert.equal(freshness.length, 7, 'one line per data type');
    assert.deepEqual(
      freshness
        .filter((line) => line.includes('Never synced'))
        .map((line) => line.replace(/\s+/g, ' ').trim()),
      ['Purchase orders Never synced'],
      `every other type synced: ${freshness.join(' | ')}`,
    );
    assert.deepEqual(collapseRepeats(await dashboard.events()), LOADED);

    // Refresh data: a new sync is queued and followed, then the dashboard comes back, read afresh.
    await dashboard.clickRefresh();
    await dashboard.waitForState('syncing');
    await dashboard.waitForLogged('onboard-complete');
    await dashboard.waitForState('overview');
    assert.deepEqual(collapseRepeats(await dashboard.events()), [
      ...LOADED,
      'state:syncing',
      ...SYNCED_TO_OVERVIEW,
    ]);
    const refreshed = fx.demo.simulator.listCompanies()[0];
    assert.ok(
      typeof refreshed?.lastSync === 'string' && Date.parse(refreshed.lastSync) > firstSync,
      'synced again',
    );
    assert.equal(await dashboard.connectionStatus('Xero'), 'Connected');
    await card.getByText(/^Last synced /).waitFor();
    assert.equal(fx.demo.simulator.listCompanies().length, 1);

    // Access revoked (the demo's control deauthorises the company in the simulator and reloads).
    await dashboard.simulateRevokedAccess();
    assert.deepEqual(
      fx.demo.simulator.listCompanies()[0]?.dataConnections.map((c) => [c.id, c.status]),
      [[connection.id, 'Deauthorized']],
    );
    assert.equal(await dashboard.connectionStatus('Xero'), 'Access revoked');
    await card.getByRole('button', { name: 'Reconnect' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Refresh data' }).count(), 0, 'nothing to refresh');
    assert.deepEqual(collapseRepeats(await dashboard.events()), [
      ...LOADED,
      'state:syncing',
      ...SYNCED_TO_OVERVIEW,
      // The reload resumes the saved journey: the company is read again.
      ...LOADED,
    ]);

    // Reconnect: Link opens in a popup on the connection's own linkUrl, with Xero preselected.
    const [popup] = await Promise.all([page.waitForEvent('popup'), dashboard.clickReconnect()]);
    await dashboard.waitForState('linking');
    const opened = new URL(popup.url());
    assert.equal(opened.origin + opened.pathname, connection.linkUrl);
    assert.ok(opened.searchParams.get('state'), 'state nonce on the Link URL');
    await popup
      .getByRole('heading', { name: /Connect Acme Trading Ltd to your accounting software/ })
      .waitFor();
    assert.equal(await popup.getByLabel('Xero').isChecked(), true, 'Xero preselected');
    await finishLink(popup, 'Xero', 'Authorise');
    await popup.waitForEvent('close');
    await dashboard.waitForLogged('onboard-complete', 2);
    await dashboard.waitForState('overview');

    assert.deepEqual(collapseRepeats(await dashboard.events()), [
      ...LOADED,
      'state:syncing',
      ...SYNCED_TO_OVERVIEW,
      ...LOADED,
      'state:linking',
      'onboard-link-opened',
      'state:confirming',
      'state:syncing',
      'onboard-linked',
      ...SYNCED_TO_OVERVIEW,
    ]);
    assert.deepEqual(await dashboard.lastDetail('onboard-linked'), {
      connectionId: connection.id,
      companyId,
    });
    assert.equal(await dashboard.connectionStatus('Xero'), 'Connected');
    await card.getByText(/^Last synced /).waitFor();
    await page.getByRole('button', { name: 'Refresh data' }).waitFor();
    assert.equal(await card.getByRole('button', { name: 'Reconnect' }).count(), 0);

    const companies = fx.demo.simulator.listCompanies();
    assert.equal(companies.length, 1, 'no company created');
    assert.equal(companies[0]?.id, companyId);
    assert.deepEqual(
      companies[0]?.dataConnections.map((c) => [c.id, c.platformName, c.status]),
      [[connection.id, 'Xero', 'Linked']],
    );
    assert.ok(!(await dashboard.events()).includes('onboard-company-created'));
  });
});
