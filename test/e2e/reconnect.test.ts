/**
 * Re-authorising a deauthorised connection in Chromium against the demo server: `/reconnect.html` gets a
 * company whose Xero access was revoked, the element (`intent="reconnect"`, `company-id`) shows why and
 * opens Link on that connection's own `linkUrl`; the connection is Linked again and no company is created.
 */
import assert from 'node:assert/strict';
import { useDemo } from './demo-fixture.ts';
import { ReconnectPage, collapseRepeats, finishLink } from './signup-page.ts';

/** What the user reads when their company is not found (the server's English is not shown). */
const NOT_FOUND = 'It may have been deleted. Start again, or contact us if you think this is wrong.';

describe('reconnect journey in Chromium against the demo server', () => {
  const fx = useDemo();

  it('a deauthorised Xero connection: shown with its reason, re-authorised in a popup, Linked again, nothing created', async () => {
    const page = await fx.context.newPage();
    const reconnect = await ReconnectPage.visit(page, fx.demo.url);
    const companyId = reconnect.companyId();

    const [broken] = fx.demo.simulator.listCompanies();
    assert.equal(fx.demo.simulator.listCompanies().length, 1);
    assert.equal(broken?.id, companyId);
    assert.deepEqual(
      broken?.dataConnections.map((c) => [c.platformName, c.status]),
      [['Xero', 'Deauthorized']],
    );
    const connection = broken.dataConnections[0]!;

    await page.getByRole('heading', { name: 'Reconnect Xero' }).waitFor();
    await page
      .getByText('Access was revoked or has expired, so we can no longer update your data.')
      .waitFor();
    assert.equal(await page.getByRole('button', { name: 'Connect', exact: true }).count(), 0);

    const [popup] = await Promise.all([page.waitForEvent('popup'), reconnect.clickReconnect()]);
    await reconnect.waitForState('linking');
    // Link opens on the broken connection's own linkUrl (with our state), not on the company's.
    const opened = new URL(popup.url());
    assert.equal(opened.origin + opened.pathname, connection.linkUrl);
    assert.ok(opened.searchParams.get('state'), 'state nonce on the Link URL');
    await popup
      .getByRole('heading', { name: /Connect Acme Trading Ltd to your accounting software/ })
      .waitFor();
    assert.equal(await popup.getByLabel('Xero').isChecked(), true, 'Xero preselected');

    await finishLink(popup, 'Xero', 'Authorise');
    await popup.waitForEvent('close');
    await reconnect.waitForState('complete');

    assert.deepEqual(collapseRepeats(await reconnect.events()), [
      'state:loading',
      'state:ready',
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
    assert.deepEqual(await reconnect.lastDetail('onboard-linked'), {
      connectionId: connection.id,
      companyId,
    });
    const companies = fx.demo.simulator.listCompanies();
    assert.equal(companies.length, 1, 'no company created');
    assert.equal(companies[0]?.id, companyId);
    assert.deepEqual(
      companies[0]?.dataConnections.map((c) => [c.id, c.platformName, c.status]),
      [[connection.id, 'Xero', 'Linked']],
    );
    assert.ok(!(await reconnect.events()).includes('onboard-company-created'));
  });

  it('popups blocked: re-authorised through a full-page redirect back to the reconnect page, nothing created', async () => {
    const page = await fx.context.newPage();
    await page.addInitScript(() => {
      window.open = () => null;
    });
    const reconnect = await ReconnectPage.visit(page, fx.demo.url);
    const companyId = reconnect.companyId();
    const connection = fx.demo.simulator.listCompanies()[0]!.dataConnections[0]!;

    await Promise.all([
      page.waitForURL((url) => url.href.startsWith(connection.linkUrl)),
      reconnect.clickReconnect(),
    ]);
    await finishLink(page, 'Xero', 'Authorise');
    // Back on the page that left, with its own `?company=` kept and Link's parameters removed.
    await page.waitForURL(
      (url) => url.pathname === '/reconnect.html' && url.search === `?company=${companyId}`,
    );
    await reconnect.waitForState('complete');

    assert.deepEqual(collapseRepeats(await reconnect.events()), [
      'state:loading',
      'state:ready',
      'onboard-link-ready',
      'state:linking',
      'onboard-popup-blocked',
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
    const companies = fx.demo.simulator.listCompanies();
    assert.equal(companies.length, 1);
    assert.deepEqual(
      companies[0]?.dataConnections.map((c) => [c.id, c.status]),
      [[connection.id, 'Linked']],
    );
  });

  it('popup closed: still asks to reconnect Xero, with the notice; the connection stays Deauthorized', async () => {
    const page = await fx.context.newPage();
    const reconnect = await ReconnectPage.visit(page, fx.demo.url);

    const [popup] = await Promise.all([page.waitForEvent('popup'), reconnect.clickReconnect()]);
    await popup.getByRole('heading', { name: /Connect .* to your accounting software/ }).waitFor();
    await popup.close();

    await reconnect.waitForState('ready');
    await page
      .locator('company-onboard .notice', {
        hasText: 'The window was closed before you finished connecting.',
      })
      .waitFor();
    await page.getByRole('heading', { name: 'Reconnect Xero' }).waitFor();
    await page.getByRole('button', { name: 'Reconnect' }).waitFor();
    assert.deepEqual(collapseRepeats(await reconnect.events()), [
      'state:loading',
      'state:ready',
      'onboard-link-ready',
      'state:linking',
      'onboard-link-opened',
      'state:ready',
      'onboard-cancel',
    ]);
    assert.equal((await reconnect.lastDetail('onboard-cancel'))?.['reason'], 'popup-closed');
    const companies = fx.demo.simulator.listCompanies();
    assert.equal(companies.length, 1);
    assert.deepEqual(
      companies[0]?.dataConnections.map((c) => c.status),
      ['Deauthorized'],
    );
  });

  it('a company that does not exist: an error with "Try again" (reads it again), no name form; nothing created', async () => {
    const page = await fx.context.newPage();
    const missing = '00000000-0000-4000-8000-000000000000';
    await page.goto(new URL(`reconnect.html?company=${missing}`, fx.demo.url).href);
    const reconnect = new ReconnectPage(page);
    await reconnect.waitForState('error');

    await reconnect.errorAlert().filter({ hasText: NOT_FOUND }).waitFor();
    assert.deepEqual(await reconnect.events(), ['state:loading', 'state:error', 'onboard-error']);
    const { correlationId, ...detail } = (await reconnect.lastDetail('onboard-error')) ?? {};
    assert.deepEqual(detail, {
      code: 'company-not-found',
      message: NOT_FOUND,
      retryable: true,
      companyId: missing,
    });
    // Traceable end to end: the platform's id for the failed call reaches the browser's event.
    assert.match(String(correlationId), /^[0-9a-f-]{36}$/);
    assert.equal(await page.getByLabel('Company name').count(), 0);
    assert.deepEqual(await page.getByRole('button').allInnerTexts(), ['Try again']);
    assert.equal(fx.demo.simulator.listCompanies().length, 0);
  });
});
