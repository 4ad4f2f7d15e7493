/**
 * What the user controls from the dashboard, in Chromium against the demo (reference server in front of the
 * simulator): disconnect then reconnect, add a bank next to the accounting software, read the sync history
 * after a failed and a successful sync, and delete the company.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { useDemo } from './demo-fixture.ts';
import { DashboardPage, finishLink, focusedInElement, tabTo } from './signup-page.ts';

/** Presses a button of the element by its name. */
const press = (page: Page, name: string) =>
  page.locator('company-onboard').getByRole('button', { name, exact: true }).click();

describe('dashboard controls in Chromium against the demo server', () => {
  const fx = useDemo();

  it('disconnect (after saying what it means) leaves Xero Unlinked, then Reconnect links it again', async () => {
    const page = await fx.context.newPage();
    const dashboard = await DashboardPage.visit(page, fx.demo.url);
    const card = dashboard.connection('Xero');
    await card.getByRole('button', { name: 'Disconnect' }).click();
    await card.getByText('Disconnect Xero?').waitFor();
    await card.getByText('Data already fetched is kept').waitFor();
    await card.locator('.confirm').getByRole('button', { name: 'Disconnect' }).click();
    await dashboard.waitForLogged('onboard-disconnected');
    assert.equal(await dashboard.connectionStatus('Xero'), 'Switched off');
    const [company] = fx.demo.simulator.listCompanies();
    assert.deepEqual(
      company?.dataConnections.map((c) => c.status),
      ['Unlinked'],
    );
    assert.ok(company?.lastSync, 'the data already fetched is kept');

    const [popup] = await Promise.all([
      page.waitForEvent('popup'),
      card.getByRole('button', { name: 'Reconnect' }).click(),
    ]);
    await finishLink(popup, 'Xero', 'Authorise');
    await popup.waitForEvent('close');
    await dashboard.waitForLogged('onboard-complete');
    await dashboard.waitForState('overview');
    assert.equal(await dashboard.connectionStatus('Xero'), 'Connected');
    assert.equal(fx.demo.simulator.listCompanies().length, 1, 'the same company throughout');
  });

  it('"Connect another account" adds a bank to the same company: a Banking connection appears', async () => {
    const page = await fx.context.newPage();
    const dashboard = await DashboardPage.visit(page, fx.demo.url);
    const companyId = dashboard.companyId();
    const [popup] = await Promise.all([page.waitForEvent('popup'), press(page, 'Connect another account')]);
    await finishLink(popup, 'Sandbox Bank', 'Authorise');
    await popup.waitForEvent('close');
    await dashboard.waitForLogged('onboard-connection-added');
    await dashboard.waitForState('overview');
    const added = await dashboard.lastDetail('onboard-connection-added');
    assert.equal(added?.['companyId'], companyId);
    assert.deepEqual(
      [
        (added?.['connection'] as Record<string, unknown>)['platformName'],
        (added?.['connection'] as Record<string, unknown>)['sourceType'],
      ],
      ['Sandbox Bank', 'Banking'],
    );
    await page.locator('company-onboard').getByRole('heading', { name: 'Banking', exact: true }).waitFor();
    assert.equal(await dashboard.connectionStatus('Sandbox Bank'), 'Connected');
    const companies = fx.demo.simulator.listCompanies();
    assert.equal(companies.length, 1, 'never a new company');
    assert.deepEqual(
      companies[0]?.dataConnections.map((c) => [c.platformName, c.sourceType, c.status]),
      [
        ['Xero', 'Accounting', 'Linked'],
        ['Sandbox Bank', 'Banking', 'Linked'],
      ],
    );
  });

  it('a failed refresh stays on the dashboard, whose sync history shows it with what failed, after the first sync done', async () => {
    const page = await fx.context.newPage();
    // The demo company's first sync succeeded; its later syncs fail on invoices.
    await page.goto(new URL('dashboard.html?scenario=fetch-error', fx.demo.url).href);
    await page.waitForURL(/\/dashboard\.html\?company=/);
    const dashboard = new DashboardPage(page);
    await dashboard.waitForState('overview');
    await dashboard.clickRefresh();
    // The failed refresh shows on the dashboard, which stays usable: its history is right there.
    await dashboard.waitForLogged('onboard-error');
    await page.locator('company-onboard').getByRole('alert').filter({ hasText: 'invoices' }).waitFor();
    assert.equal(await page.locator('company-onboard').getAttribute('state'), 'overview');
    await press(page, 'Show sync history');
    const rows = page.locator('company-onboard [part="history"] li');
    await rows.first().waitFor();
    const texts = (await rows.allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
    assert.ok(
      texts.some((t) => /^Invoices Failed: /.test(t)),
      `a failed invoices pull, in words: ${texts.join(' | ')}`,
    );
    assert.ok(
      texts.some((t) => /^Invoices Done /.test(t)),
      `the first sync's invoices, done: ${texts.join(' | ')}`,
    );
    const failedAt = texts.findIndex((t) => /^Invoices Failed/.test(t));
    const doneAt = texts.findIndex((t) => /^Invoices Done/.test(t));
    assert.ok(failedAt < doneAt, 'newest first');
  });

  it('delete: only the typed company name deletes it; the element ends saying so', async () => {
    const page = await fx.context.newPage();
    const dashboard = await DashboardPage.visit(page, fx.demo.url);
    const companyId = dashboard.companyId();
    await press(page, 'Delete company and data');
    const field = page.locator('company-onboard').getByLabel('Type “Acme Trading Ltd” to confirm');
    await field.fill('Acme Trading');
    await field.press('Enter');
    assert.equal(fx.demo.simulator.listCompanies().length, 1, 'a wrong name deletes nothing');
    await field.fill('Acme Trading Ltd');
    await press(page, 'Delete for good');
    await dashboard.waitForState('deleted');
    await dashboard.waitForLogged('onboard-company-deleted');
    assert.equal((await dashboard.lastDetail('onboard-company-deleted'))?.['companyId'], companyId);
    await page.locator('company-onboard').getByRole('heading', { name: 'Company deleted' }).waitFor();
    assert.deepEqual(fx.demo.simulator.listCompanies(), [], 'gone from the platform');
  });

  it('keyboard only: disconnect, and a delete cancelled with Escape; focus goes into each confirmation and back', async () => {
    const page = await fx.context.newPage();
    const dashboard = await DashboardPage.visit(page, fx.demo.url);
    await tabTo(page, 'Disconnect');
    await page.keyboard.press('Enter');
    await dashboard.connection('Xero').getByText('Disconnect Xero?').waitFor();
    assert.equal(await focusedInElement(page), 'Disconnect', 'focus is on the confirmation’s own button');
    await page.keyboard.press('Escape');
    await page.locator('company-onboard .confirm').waitFor({ state: 'detached' });
    assert.equal(await focusedInElement(page), 'Disconnect', 'back on the button that opened it');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter'); // the confirmation's Disconnect, which has focus
    await dashboard.waitForLogged('onboard-disconnected');

    await tabTo(page, 'Delete company and data');
    await page.keyboard.press('Enter');
    await page.locator('company-onboard .confirm input').waitFor();
    assert.equal(await focusedInElement(page), 'delete-name', 'focus is in the field to type the name');
    await page.keyboard.type('Acme Trading Ltd');
    await page.keyboard.press('Escape');
    await page.locator('company-onboard .confirm').waitFor({ state: 'detached' });
    assert.equal(await focusedInElement(page), 'Delete company and data');
    assert.equal(fx.demo.simulator.listCompanies().length, 1, 'Escape deleted nothing');
  });
});
