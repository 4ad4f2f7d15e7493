import assert from 'node:assert/strict';
import { useDemo } from './demo-fixture.ts';
import { SignupPage, collapseRepeats, finishLink } from './signup-page.ts';

describe('sign-up journey in Chromium against the demo server', () => {
  const fx = useDemo();

  it('popup mode: create → Link in a popup → authorise → sync → complete, one company', async () => {
    const page = await fx.context.newPage();
    const signup = await SignupPage.open(page, fx.demo.url, 'popup');
    await signup.createCompany('Acme Trading Ltd');

    const [popup] = await Promise.all([page.waitForEvent('popup'), signup.clickConnect()]);
    await signup.waitForState('linking');
    await finishLink(popup, 'Xero', 'Authorise');
    await popup.waitForEvent('close');

    await signup.waitForState('complete');
    assert.deepEqual(collapseRepeats(await signup.events()), [
      'state:creating',
      'state:ready',
      'onboard-company-created',
      'onboard-link-ready',
      'state:linking',
      'onboard-link-opened',
      'state:confirming',
      'state:syncing',
      'onboard-linked',
      'onboard-sync-progress',
      'state:complete',
      'onboard-sync-progress',
      'onboard-complete',
    ]);
    const companies = fx.demo.simulator.listCompanies();
    assert.equal(companies.length, 1);
    assert.equal(companies[0]?.name, 'Acme Trading Ltd');
    assert.equal(companies[0]?.dataConnections?.[0]?.status, 'Linked');
  });

  it('redirect mode: the page leaves for Link, comes back, resumes and completes, one company', async () => {
    const page = await fx.context.newPage();
    const signup = await SignupPage.open(page, fx.demo.url, 'redirect');
    await signup.createCompany('Acme Redirect Ltd');
    const before = await signup.events();
    assert.deepEqual(before, [
      'state:creating',
      'state:ready',
      'onboard-company-created',
      'onboard-link-ready',
    ]);

    await Promise.all([page.waitForURL(/\/platform\/link\/company\//), signup.clickConnect()]);
    await finishLink(page, 'QuickBooks Online', 'Authorise');
    await page.waitForURL((url) => url.pathname === '/' && !url.search.includes('statusCode'));

    await signup.waitForState('complete');
    // The page left for Link and came back through the callback page; the journey resumed at `linking`.
    assert.deepEqual(collapseRepeats(await signup.events()), [
      'state:creating',
      'state:ready',
      'onboard-company-created',
      'onboard-link-ready',
      'state:linking',
      'onboard-before-redirect',
      'onboard-link-opened',
      'state:linking',
      'state:confirming',
      'state:syncing',
      'onboard-linked',
      'onboard-sync-progress',
      'state:complete',
      'onboard-sync-progress',
      'onboard-complete',
    ]);
    // Back on the page that left, with its own query kept and Codat's parameters and our state removed.
    assert.equal(new URL(page.url()).search, '?mode=redirect');
    assert.equal(fx.demo.simulator.listCompanies().length, 1);
  });

  it('cancel in Link returns to ready with a notice, and connecting again still ends in one company', async () => {
    const page = await fx.context.newPage();
    const signup = await SignupPage.open(page, fx.demo.url, 'popup');
    await signup.createCompany('Acme Twice Ltd');

    const [first] = await Promise.all([page.waitForEvent('popup'), signup.clickConnect()]);
    await finishLink(first, 'Sage Business Cloud', 'Cancel');
    await signup.waitForState('ready');
    await page
      .locator('company-onboard .notice', { hasText: 'You cancelled connecting your accounting software.' })
      .waitFor();

    const [second] = await Promise.all([page.waitForEvent('popup'), signup.clickConnect()]);
    await finishLink(second, 'Sandbox', 'Authorise');
    await signup.waitForState('complete');
    assert.equal(fx.demo.simulator.listCompanies().length, 1);
  });
});
