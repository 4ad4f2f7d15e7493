/**
 * Journeys against the simulator behaving as Codat does where it is inconvenient (issue 9): types the platform
 * never fetches, no sync after a re-authorisation, Link URLs that work once, and pending connections.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { useDemo } from './demo-fixture.ts';
import { ReconnectPage, SignupPage, finishLink } from './signup-page.ts';

/** Sets attributes of the sign-up page's element (before its journey needs them). */
const configure = (page: Page, attributes: Record<string, string>): Promise<void> =>
  page.locator('company-onboard').evaluate((element, values) => {
    for (const [name, value] of Object.entries(values)) element.setAttribute(name, value);
  }, attributes);

/** Picks a platform on the company's Link page and goes on to its own page (which creates a PendingAuth one). */
async function pickPlatform(link: Page, platform: string): Promise<void> {
  await link.getByLabel(platform).check();
  await link.getByRole('button', { name: 'Continue' }).click();
}

describe('as the platform really is, in Chromium against the demo server', () => {
  const fx = useDemo();

  it('a required type the platform never fetched is queued, starts and completes', async () => {
    const page = await fx.context.newPage();
    const signup = await SignupPage.open(page, fx.demo.url, 'popup');
    await configure(page, { 'data-types': 'company, purchaseOrders' });
    await signup.createCompany('Acme Trading Ltd');
    const [popup] = await Promise.all([page.waitForEvent('popup'), signup.clickConnect()]);
    await finishLink(popup, 'Xero', 'Authorise');
    await signup.waitForState('complete', 30_000);
    const progress = (await signup.lastDetail('onboard-sync-progress')) as {
      progress: { types: { dataType: string; phase: string }[] };
    };
    assert.deepEqual(
      progress.progress.types.map((t) => [t.dataType, t.phase]),
      [
        ['company', 'finished'],
        ['purchaseOrders', 'finished'],
      ],
    );
  });

  it('one that never starts, even queued, ends the journey naming it, with "Try again"', async () => {
    fx.demo.simulator.configure({ unstartableTypes: ['purchaseOrders'] });
    const page = await fx.context.newPage();
    const signup = await SignupPage.open(page, fx.demo.url, 'popup');
    await configure(page, { 'data-types': 'company purchaseOrders', 'start-timeout': '2000' });
    await signup.createCompany('Acme Trading Ltd');
    const [popup] = await Promise.all([page.waitForEvent('popup'), signup.clickConnect()]);
    await finishLink(popup, 'Xero', 'Authorise');
    await signup.waitForState('error', 30_000);
    assert.deepEqual(await signup.lastDetail('onboard-error'), {
      companyId: fx.demo.simulator.listCompanies()[0]?.id,
      code: 'sync-not-started',
      message:
        'Your accounting software hasn’t started sending your purchase orders. Try again to ask once more.',
      retryable: true,
    });
    await page.getByRole('button', { name: 'Try again' }).waitFor();
  });

  for (const syncOnRelink of [false, true]) {
    it(`re-authorising completes on the sync it asked for (simulator ${syncOnRelink ? 'also syncs' : 'does not sync'} on re-link)`, async () => {
      fx.demo.simulator.configure({ syncOnRelink });
      const page = await fx.context.newPage();
      const reconnect = await ReconnectPage.visit(page, fx.demo.url);
      const before = fx.demo.simulator.listCompanies()[0]?.lastSync;
      const [popup] = await Promise.all([page.waitForEvent('popup'), reconnect.clickReconnect()]);
      await finishLink(popup, 'Xero', 'Authorise');
      await reconnect.waitForState('complete', 30_000);
      const [company] = fx.demo.simulator.listCompanies();
      assert.equal(company?.dataConnections[0]?.status, 'Linked');
      // Completed on a new sync, not on the one before the access was lost.
      assert.ok(company?.lastSync !== undefined && company.lastSync !== before, 'synced again');
      assert.equal(fx.demo.simulator.listCompanies().length, 1);
    });
  }

  it('with one-time Link URLs, a cancel then Connect opens a fresh URL that works, and completes', async () => {
    fx.demo.simulator.configure({ oneTimeLinkUrls: true });
    const page = await fx.context.newPage();
    const signup = await SignupPage.open(page, fx.demo.url, 'popup');
    await signup.createCompany('Acme Trading Ltd');
    const [first] = await Promise.all([page.waitForEvent('popup'), signup.clickConnect()]);
    const firstUrl = new URL(first.url());
    assert.ok(firstUrl.searchParams.get('link.otp'), 'a one-time URL');
    await first.getByRole('button', { name: 'Cancel' }).click();
    await signup.waitForState('ready');

    const [second] = await Promise.all([page.waitForEvent('popup'), signup.clickConnect()]);
    await second.waitForURL(/link\.otp=/);
    const secondUrl = new URL(second.url());
    assert.notEqual(secondUrl.searchParams.get('link.otp'), firstUrl.searchParams.get('link.otp'));
    await finishLink(second, 'Xero', 'Authorise');
    await signup.waitForState('complete', 30_000);
    assert.equal(fx.demo.simulator.listCompanies().length, 1);
  });

  it('a platform picked then cancelled stays pending; Connect chooses again, the dashboard can continue it', async () => {
    const page = await fx.context.newPage();
    const signup = await SignupPage.open(page, fx.demo.url, 'popup');
    await signup.createCompany('Acme Trading Ltd');
    const [first] = await Promise.all([page.waitForEvent('popup'), signup.clickConnect()]);
    await pickPlatform(first, 'Xero');
    await first.getByRole('button', { name: 'Cancel' }).click();
    await signup.waitForState('ready');
    const [company] = fx.demo.simulator.listCompanies();
    assert.deepEqual(
      company?.dataConnections.map((c) => [c.platformName, c.status]),
      [['Xero', 'PendingAuth']],
    );

    // Connect again: the company's page, where any software can be chosen.
    const [second] = await Promise.all([page.waitForEvent('popup'), signup.clickConnect()]);
    await second.getByRole('button', { name: 'Continue' }).waitFor();
    assert.ok(new URL(second.url()).pathname.endsWith(`/link/company/${company?.id}`), second.url());
    await second.close();
    await signup.waitForState('ready');

    // The dashboard shows it unfinished, and continues it on its own page.
    await page.goto(new URL(`dashboard.html?company=${company?.id}`, fx.demo.url).href);
    await signup.waitForState('overview');
    await page.getByText('Authorisation was started but never finished.').waitFor();
    const [third] = await Promise.all([
      page.waitForEvent('popup'),
      page.getByRole('button', { name: 'Continue with Xero' }).click(),
    ]);
    await third.getByRole('button', { name: 'Authorise' }).click();
    await signup.waitForState('overview', 30_000);
    assert.deepEqual(
      fx.demo.simulator.listCompanies()[0]?.dataConnections.map((c) => [c.platformName, c.status]),
      [['Xero', 'Linked']],
    );
  });
});
