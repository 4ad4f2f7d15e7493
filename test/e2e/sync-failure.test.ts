/**
 * A first sync that fails, in Chromium against the demo's sign-up page: the company plays a failing scenario
 * (chosen with the page's "Simulated sync" radios), the journey ends in `error` with what to do, and, once the
 * scenario is back to `normal`, the offered action finishes the journey for the same company. A `FetchError`
 * is retried with a refresh ("Try again"); an `AuthError` deauthorises the connection and is mended by linking
 * again ("Reconnect").
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { useDemo } from './demo-fixture.ts';
import { SignupPage, chooseScenario, collapseRepeats, finishLink } from './signup-page.ts';

/** Up to confirming the company exists and Link can open. */
const CREATED = ['state:creating', 'state:ready', 'onboard-company-created', 'onboard-link-ready'];
/** Link in a popup, authorised, confirmed, and the first sync followed (sync-progress repeats collapsed). */
const LINKED_AND_SYNCING = [
  'state:linking',
  'onboard-link-opened',
  'state:confirming',
  'state:syncing',
  'onboard-linked',
  'onboard-sync-progress',
];
/** A sync that has a failed type: its last reading, then the error. */
const SYNC_FAILED = ['state:error', 'onboard-sync-progress', 'onboard-error'];
/** A followed sync that completes. */
const TO_COMPLETE = ['state:complete', 'onboard-sync-progress', 'onboard-complete'];

describe('a failing first sync in Chromium against the demo server', () => {
  const fx = useDemo();

  /** The `POST /api/companies/{id}/refresh` requests the page sends (a refresh queued by the element). */
  function countRefreshes(page: Page): () => number {
    let count = 0;
    page.on('request', (request) => {
      if (
        request.method() === 'POST' &&
        /\/api\/companies\/[^/]+\/refresh$/.test(new URL(request.url()).pathname)
      ) {
        count++;
      }
    });
    return () => count;
  }

  /**
   * Opens the sign-up page (auto mode), picks the scenario, creates the company, waits until the simulator
   * plays that scenario for it, then connects Xero in the Link popup. Resolves with the company's id.
   */
  async function signUpWith(page: Page, label: string, scenario: string, name: string): Promise<string> {
    const signup = await SignupPage.open(page, fx.demo.url, 'auto');
    await chooseScenario(page, label);
    await signup.createCompany(name);
    await page
      .locator('#scenario-status')
      .filter({ hasText: `Simulated sync: ${scenario}.` })
      .waitFor();
    const companyId = fx.demo.simulator.listCompanies()[0]?.id ?? '';
    assert.equal(fx.demo.simulator.scenarioOf(companyId), scenario);

    const [popup] = await Promise.all([page.waitForEvent('popup'), signup.clickConnect()]);
    await signup.waitForState('linking');
    await finishLink(popup, 'Xero', 'Authorise');
    await popup.waitForEvent('close');
    return companyId;
  }

  it('fetch-error: error naming invoices with "Try again"; back to normal, Try again queues a refresh and completes', async () => {
    const page = await fx.context.newPage();
    const refreshes = countRefreshes(page);
    const signup = new SignupPage(page);
    const companyId = await signUpWith(page, 'Invoices fail to fetch', 'fetch-error', 'Acme Fetch Ltd');

    await signup.waitForState('error');
    const message = 'We couldn’t fetch your invoices. Try again to fetch them once more.';
    await signup.errorAlert().filter({ hasText: message }).waitFor();
    await page.getByRole('button', { name: 'Try again' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Reconnect' }).count(), 0);
    assert.deepEqual(collapseRepeats(await signup.events()), [
      ...CREATED,
      ...LINKED_AND_SYNCING,
      ...SYNC_FAILED,
    ]);
    assert.deepEqual(await signup.lastDetail('onboard-error'), {
      code: 'sync-failed',
      message,
      retryable: true,
      companyId,
    });
    assert.deepEqual(await signup.lastDetail('onboard-link-opened'), { mode: 'popup', companyId });
    // The reading that ended it: invoices failed (the element stops at the first failed type).
    const reading = (await signup.lastDetail('onboard-sync-progress'))?.['progress'] as {
      types: { dataType: string; status: string; phase: string }[];
    };
    assert.deepEqual(
      reading.types.filter((t) => t.phase === 'failed').map((t) => [t.dataType, t.status]),
      [['invoices', 'FetchError']],
    );
    let companies = fx.demo.simulator.listCompanies();
    assert.equal(companies.length, 1);
    assert.equal(companies[0]?.lastSync, undefined, 'no complete sync yet');
    assert.deepEqual(
      companies[0]?.dataConnections.map((c) => [c.platformName, c.status]),
      [['Xero', 'Linked']],
    );
    assert.equal(refreshes(), 0);

    // The company's next sync plays `normal`; "Try again" queues it (a refresh) and follows it to the end.
    await chooseScenario(page, 'Normal', 'normal');
    assert.equal(fx.demo.simulator.scenarioOf(companyId), 'normal');
    await page.getByRole('button', { name: 'Try again' }).click();
    await signup.waitForState('syncing');
    await signup.waitForState('complete');

    assert.deepEqual(collapseRepeats(await signup.events()), [
      ...CREATED,
      ...LINKED_AND_SYNCING,
      ...SYNC_FAILED,
      'state:syncing',
      'onboard-sync-progress',
      ...TO_COMPLETE,
    ]);
    assert.equal(refreshes(), 1, 'one refresh queued');
    companies = fx.demo.simulator.listCompanies();
    assert.equal(companies.length, 1);
    assert.equal(companies[0]?.id, companyId);
    assert.ok(companies[0]?.lastSync, 'the refreshed sync completed');
    assert.deepEqual(
      companies[0]?.dataConnections.map((c) => [c.platformName, c.status]),
      [['Xero', 'Linked']],
    );
  });

  it('auth-error: "Please connect … again" with "Reconnect"; back to normal, Reconnect relinks the same company in a popup and completes', async () => {
    const page = await fx.context.newPage();
    const refreshes = countRefreshes(page);
    const signup = new SignupPage(page);
    const companyId = await signUpWith(page, 'Invoices fail authorisation', 'auth-error', 'Acme Auth Ltd');

    await signup.waitForState('error');
    const message = 'Its permission to share data has ended. Connect it again to carry on.';
    await signup.errorAlert().filter({ hasText: message }).waitFor();
    await page.getByRole('button', { name: 'Reconnect' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Try again' }).count(), 0);
    assert.deepEqual(collapseRepeats(await signup.events()), [
      ...CREATED,
      ...LINKED_AND_SYNCING,
      ...SYNC_FAILED,
    ]);
    assert.deepEqual(await signup.lastDetail('onboard-error'), {
      code: 'sync-auth-error',
      message,
      retryable: true,
      companyId,
    });
    // The AuthError deauthorised the connection on the platform.
    const [broken] = fx.demo.simulator.listCompanies();
    assert.equal(fx.demo.simulator.listCompanies().length, 1);
    assert.deepEqual(
      broken?.dataConnections.map((c) => [c.platformName, c.status]),
      [['Xero', 'Deauthorized']],
    );
    const connection = broken.dataConnections[0]!;

    // Back to `normal`; "Reconnect" opens Link again for the same company, in a popup, inside the click.
    await chooseScenario(page, 'Normal', 'normal');
    const [popup] = await Promise.all([
      page.waitForEvent('popup'),
      page.getByRole('button', { name: 'Reconnect' }).click(),
    ]);
    await signup.waitForState('linking');
    assert.ok(new URL(popup.url()).pathname.includes(companyId), `Link for the same company: ${popup.url()}`);
    await popup.getByRole('heading', { name: /Connect Acme Auth Ltd to your accounting software/ }).waitFor();
    await finishLink(popup, 'Xero', 'Authorise');
    await popup.waitForEvent('close');
    await signup.waitForState('complete');

    assert.deepEqual(collapseRepeats(await signup.events()), [
      ...CREATED,
      ...LINKED_AND_SYNCING,
      ...SYNC_FAILED,
      ...LINKED_AND_SYNCING,
      ...TO_COMPLETE,
    ]);
    assert.deepEqual(await signup.lastDetail('onboard-linked'), { connectionId: connection.id, companyId });
    // Codat starts no sync after a re-authorisation: the widget queued one itself, and judged only that one.
    assert.equal(refreshes(), 1, 'one refresh queued after re-linking');
    const companies = fx.demo.simulator.listCompanies();
    assert.equal(companies.length, 1, 'no company created');
    assert.equal(companies[0]?.id, companyId);
    assert.ok(companies[0]?.lastSync, 'the sync after re-linking completed');
    assert.deepEqual(
      companies[0]?.dataConnections.map((c) => [c.id, c.platformName, c.status]),
      [[connection.id, 'Xero', 'Linked']],
    );
    assert.equal((await signup.events()).filter((e) => e === 'onboard-company-created').length, 1);
  });
});
