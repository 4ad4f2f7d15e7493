/**
 * The Link hand-off's unhappy and unusual paths in Chromium against the demo server: a blocked popup, a popup
 * the user closes, a reload while the first sync runs, forged and replayed callbacks. Each journey checks
 * where the element ends (its `state` attribute), the events in order, and what the simulator holds.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { useDemo } from './demo-fixture.ts';
import { SignupPage, collapseRepeats, finishLink, linkStateOf } from './signup-page.ts';

/** Up to confirming the company exists and Link can open; the same for every journey here. */
const CREATED = ['state:creating', 'state:ready', 'onboard-company-created', 'onboard-link-ready'];
/** From the callback being accepted to a finished first sync (sync-progress repeats collapsed). */
const CONFIRMED_TO_COMPLETE = [
  'state:confirming',
  'state:syncing',
  'onboard-linked',
  'onboard-sync-progress',
  'state:complete',
  'onboard-sync-progress',
  'onboard-complete',
];
/** Leaving for Link with a full-page redirect, and resuming at `linking` on the way back. */
const REDIRECTED_AND_BACK = ['onboard-before-redirect', 'onboard-link-opened', 'state:linking'];

const isLinkPage = (url: URL): boolean => url.pathname.startsWith('/platform/link/company/');
/** The demo callback page's words for an answer that matches no journey in this tab. */
const UNMATCHED = 'We couldn’t match this page to a connection you started in this browser tab';

describe('Link journeys in Chromium against the demo server', () => {
  describe('with a short first sync', () => {
    const fx = useDemo();

    /** Creates a company in redirect mode and presses Connect: resolves on the hosted Link page. */
    async function leaveForLink(page: Page, name: string): Promise<SignupPage> {
      const signup = await SignupPage.open(page, fx.demo.url, 'redirect');
      await signup.createCompany(name);
      await Promise.all([page.waitForURL(isLinkPage), signup.clickConnect()]);
      return signup;
    }

    it('auto mode with popups blocked: falls back to a redirect, authorise, complete, one company', async () => {
      const page = await fx.context.newPage();
      await page.addInitScript(() => {
        window.open = () => null;
      });
      const signup = await SignupPage.open(page, fx.demo.url, 'auto');
      await signup.createCompany('Acme Blocked Ltd');

      await Promise.all([page.waitForURL(isLinkPage), signup.clickConnect()]);
      await finishLink(page, 'Xero', 'Authorise');
      await page.waitForURL((url) => url.pathname === '/' && !url.search.includes('statusCode'));
      await signup.waitForState('complete');

      assert.deepEqual(collapseRepeats(await signup.events()), [
        ...CREATED,
        'state:linking',
        'onboard-popup-blocked',
        ...REDIRECTED_AND_BACK,
        ...CONFIRMED_TO_COMPLETE,
      ]);
      assert.deepEqual(await signup.lastDetail('onboard-link-opened'), {
        mode: 'redirect',
        companyId: fx.demo.simulator.listCompanies()[0]?.id,
      });
      assert.equal(new URL(page.url()).search, '?mode=auto');
      const companies = fx.demo.simulator.listCompanies();
      assert.equal(companies.length, 1);
      assert.deepEqual(
        companies[0]?.dataConnections.map((c) => [c.platformName, c.status]),
        [['Xero', 'Linked']],
      );
    });

    it('popup closed by the user: back to ready with a notice and a cancel; connecting again completes', async () => {
      const page = await fx.context.newPage();
      const signup = await SignupPage.open(page, fx.demo.url, 'popup');
      await signup.createCompany('Acme Closed Ltd');

      const [first] = await Promise.all([page.waitForEvent('popup'), signup.clickConnect()]);
      await signup.waitForState('linking');
      await first.getByRole('heading', { name: /Connect .* to your accounting software/ }).waitFor();
      await first.close();

      await signup.waitForState('ready');
      await page
        .locator('company-onboard .notice', {
          hasText: 'The window was closed before you finished connecting.',
        })
        .waitFor();
      assert.deepEqual(collapseRepeats(await signup.events()), [
        ...CREATED,
        'state:linking',
        'onboard-link-opened',
        'state:ready',
        'onboard-cancel',
      ]);
      const companyId = fx.demo.simulator.listCompanies()[0]?.id;
      assert.deepEqual(await signup.lastDetail('onboard-cancel'), { reason: 'popup-closed', companyId });
      assert.deepEqual(fx.demo.simulator.listCompanies()[0]?.dataConnections, []);

      const [second] = await Promise.all([page.waitForEvent('popup'), signup.clickConnect()]);
      await finishLink(second, 'Sandbox', 'Authorise');
      await signup.waitForState('complete');

      assert.deepEqual(collapseRepeats(await signup.events()), [
        ...CREATED,
        'state:linking',
        'onboard-link-opened',
        'state:ready',
        'onboard-cancel',
        'state:linking',
        'onboard-link-opened',
        ...CONFIRMED_TO_COMPLETE,
      ]);
      const companies = fx.demo.simulator.listCompanies();
      assert.equal(companies.length, 1);
      assert.deepEqual(
        companies[0]?.dataConnections.map((c) => [c.platformName, c.status]),
        [['Sandbox', 'Linked']],
      );
    });

    it('forged callback (a state that is not the journey’s) reaching the element: refused, nothing linked', async () => {
      const page = await fx.context.newPage();
      const signup = await leaveForLink(page, 'Acme Forged Ltd');
      const companyId = fx.demo.simulator.listCompanies()[0]?.id ?? '';

      // As if the Portal's redirect URL were the page holding the element, without the demo's callback page.
      await page.goto(`${fx.demo.url}?mode=redirect&statusCode=200&state=forged&connectionId=x`);
      await signup.waitForState('error');

      const message =
        'You came back from a connection started elsewhere, perhaps in another tab. Please connect again here.';
      await signup.errorAlert().filter({ hasText: message }).waitFor();
      assert.deepEqual(collapseRepeats(await signup.events()), [
        ...CREATED,
        'state:linking',
        ...REDIRECTED_AND_BACK,
        'state:error',
        'onboard-error',
      ]);
      assert.deepEqual(await signup.lastDetail('onboard-error'), {
        code: 'callback-state-mismatch',
        message,
        retryable: true,
        companyId,
      });
      assert.equal(new URL(page.url()).search, '?mode=redirect', 'callback parameters removed');
      const companies = fx.demo.simulator.listCompanies();
      assert.equal(companies.length, 1);
      assert.deepEqual(companies[0]?.dataConnections, []);
    });

    it('forged callback on the callback page inside the Link popup: handed to the opener, refused', async () => {
      const page = await fx.context.newPage();
      const signup = await SignupPage.open(page, fx.demo.url, 'popup');
      await signup.createCompany('Acme Forged Popup Ltd');
      const companyId = fx.demo.simulator.listCompanies()[0]?.id ?? '';

      const [popup] = await Promise.all([page.waitForEvent('popup'), signup.clickConnect()]);
      await signup.waitForState('linking');
      const forged = new URL('callback.html?statusCode=200&state=forged&connectionId=x', fx.demo.url).href;
      // The callback page hands the answer to the opener and closes itself.
      await Promise.all([popup.waitForEvent('close'), popup.goto(forged, { waitUntil: 'commit' })]);
      await signup.waitForState('error');

      const message =
        'You came back from a connection started elsewhere, perhaps in another tab. Please connect again here.';
      await signup.errorAlert().filter({ hasText: message }).waitFor();
      assert.deepEqual(collapseRepeats(await signup.events()), [
        ...CREATED,
        'state:linking',
        'onboard-link-opened',
        'state:error',
        'onboard-error',
      ]);
      assert.deepEqual(await signup.lastDetail('onboard-error'), {
        code: 'callback-state-mismatch',
        message,
        retryable: true,
        companyId,
      });
      const companies = fx.demo.simulator.listCompanies();
      assert.equal(companies.length, 1);
      assert.deepEqual(companies[0]?.dataConnections, []);
    });

    it('forged callback on the demo’s callback page: belongs to no journey, the element never sees it', async () => {
      const page = await fx.context.newPage();
      const signup = await leaveForLink(page, 'Acme Forged Page Ltd');

      await page.goto(new URL('callback.html?statusCode=200&state=forged&connectionId=x', fx.demo.url).href);
      await page.getByText(UNMATCHED).waitFor();
      assert.equal(new URL(page.url()).pathname, '/callback.html', 'not sent back to the sign-up page');

      // Going back to the sign-up page finds the journey still waiting for Link: offered to connect again.
      await page.getByRole('link', { name: 'Start again' }).click();
      await signup.waitForState('ready');
      await page.locator('company-onboard .notice', { hasText: 'Connecting was not finished.' }).waitFor();
      assert.deepEqual(collapseRepeats(await signup.events()), [
        ...CREATED,
        'state:linking',
        ...REDIRECTED_AND_BACK,
        // Resumed at `linking` with no answer from Link: offered to connect again.
        'state:ready',
        'onboard-cancel',
      ]);
      assert.equal((await signup.lastDetail('onboard-cancel'))?.['reason'], 'link-unfinished');
      const companies = fx.demo.simulator.listCompanies();
      assert.equal(companies.length, 1);
      assert.deepEqual(companies[0]?.dataConnections, []);
    });

    it('a success with the right state but nothing authorised: link-not-confirmed; "Try again" then completes', async () => {
      const page = await fx.context.newPage();
      const signup = await leaveForLink(page, 'Acme Unconfirmed Ltd');
      const state = linkStateOf(page);
      const companyId = fx.demo.simulator.listCompanies()[0]?.id ?? '';

      // What a tampered or broken Link would send: statusCode 200 for this journey, no connection behind it.
      const callback = new URL('callback.html', fx.demo.url);
      callback.search = new URLSearchParams({ statusCode: '200', companyId, state }).toString();
      await page.goto(callback.href);
      await signup.waitForState('error');

      const message = 'Your accounting software didn’t confirm that it is connected. Please connect again.';
      await signup.errorAlert().filter({ hasText: message }).waitFor();
      assert.deepEqual(collapseRepeats(await signup.events()), [
        ...CREATED,
        'state:linking',
        ...REDIRECTED_AND_BACK,
        'state:confirming',
        'state:error',
        'onboard-error',
      ]);
      assert.deepEqual(await signup.lastDetail('onboard-error'), {
        code: 'link-not-confirmed',
        message,
        retryable: true,
        companyId,
      });
      assert.equal(new URL(page.url()).search, '?mode=redirect');
      assert.equal(fx.demo.simulator.listCompanies().length, 1);
      assert.deepEqual(fx.demo.simulator.listCompanies()[0]?.dataConnections, []);

      // "Try again" goes back to Link with a fresh state; authorising there completes the same company.
      await Promise.all([
        page.waitForURL(isLinkPage),
        page.getByRole('button', { name: 'Try again' }).click(),
      ]);
      assert.notEqual(linkStateOf(page), state);
      await finishLink(page, 'Xero', 'Authorise');
      await signup.waitForState('complete');
      assert.deepEqual(collapseRepeats(await signup.events()), [
        ...CREATED,
        'state:linking',
        ...REDIRECTED_AND_BACK,
        'state:confirming',
        'state:error',
        'onboard-error',
        'state:linking',
        ...REDIRECTED_AND_BACK,
        ...CONFIRMED_TO_COMPLETE,
      ]);
      const companies = fx.demo.simulator.listCompanies();
      assert.equal(companies.length, 1);
      assert.deepEqual(
        companies[0]?.dataConnections.map((c) => c.status),
        ['Linked'],
      );
    });

    describe('a replayed callback after the journey completed', () => {
      /** Completes a redirect journey; returns the callback page's URL and the sign-up URL it sent us back to. */
      async function completeRedirectJourney(
        page: Page,
        name: string,
      ): Promise<{ signup: SignupPage; callbackUrl: string; returnUrl: string }> {
        const visited: string[] = [];
        page.on('framenavigated', (frame) => {
          if (frame === page.mainFrame()) visited.push(frame.url());
        });
        const signup = await leaveForLink(page, name);
        await finishLink(page, 'Xero', 'Authorise');
        await page.waitForURL((url) => url.pathname === '/' && !url.search.includes('statusCode'));
        await signup.waitForState('complete');
        const callbackUrl = visited.find((url) => new URL(url).pathname === '/callback.html');
        const returnUrl = visited.find((url) => {
          const { pathname, searchParams } = new URL(url);
          return pathname === '/' && searchParams.has('statusCode');
        });
        assert.ok(callbackUrl, `callback page visited: ${visited.join(' ')}`);
        assert.ok(returnUrl, `sent back with the callback parameters: ${visited.join(' ')}`);
        assert.equal(new URL(callbackUrl).searchParams.get('statusCode'), '200');
        return { signup, callbackUrl, returnUrl };
      }

      const COMPLETED = [...CREATED, 'state:linking', ...REDIRECTED_AND_BACK, ...CONFIRMED_TO_COMPLETE];

      it('on the callback page: its nonce is spent, it belongs to no journey; the sign-up page stays complete', async () => {
        const page = await fx.context.newPage();
        const { signup, callbackUrl } = await completeRedirectJourney(page, 'Acme Replay Ltd');
        const logged = (await signup.events()).length;
        assert.deepEqual(collapseRepeats(await signup.events()), COMPLETED);

        await page.goto(callbackUrl);
        await page.getByText(UNMATCHED).waitFor();
        await page.getByRole('link', { name: 'Start again' }).click();
        await signup.waitForState('complete');

        // Back on the page: the saved journey resumes as it was; nothing else happens.
        assert.deepEqual((await signup.events()).slice(logged), ['state:complete']);
        const companies = fx.demo.simulator.listCompanies();
        assert.equal(companies.length, 1);
        assert.deepEqual(
          companies[0]?.dataConnections.map((c) => c.status),
          ['Linked'],
        );
      });

      it('on the sign-up page itself: ignored, still complete, no error, nothing created', async () => {
        const page = await fx.context.newPage();
        const { signup, returnUrl } = await completeRedirectJourney(page, 'Acme Replay Twice Ltd');
        const logged = (await signup.events()).length;

        await page.goto(returnUrl);
        await signup.waitForState('complete');
        await page.waitForURL((url) => url.pathname === '/' && !url.search.includes('statusCode'));

        const after = (await signup.events()).slice(logged);
        assert.deepEqual(after, ['state:complete']);
        assert.ok(!after.includes('onboard-error'));
        assert.equal(await signup.errorAlert().count(), 0);
        assert.equal(new URL(page.url()).search, '?mode=redirect');
        const companies = fx.demo.simulator.listCompanies();
        assert.equal(companies.length, 1);
        assert.deepEqual(
          companies[0]?.dataConnections.map((c) => c.status),
          ['Linked'],
        );
      });
    });
  });

  describe('with a first sync long enough to reload during it', () => {
    const fx = useDemo({ syncDurationMs: 4000 });

    it('reload while syncing: resumes polling and completes, one company, one connection', async () => {
      const page = await fx.context.newPage();
      const signup = await SignupPage.open(page, fx.demo.url, 'popup');
      await signup.createCompany('Acme Reload Ltd');

      const [popup] = await Promise.all([page.waitForEvent('popup'), signup.clickConnect()]);
      await finishLink(popup, 'QuickBooks Online', 'Authorise');
      await signup.waitForState('syncing');
      // A first reading is in: the reload interrupts a running sync, not the hand-over to it.
      await signup.waitForLogged('onboard-sync-progress');
      const before = (await signup.lastDetail('onboard-sync-progress'))?.['progress'] as
        { finished: number; total: number } | undefined;
      assert.ok(before !== undefined && before.finished < before.total, 'still syncing when reloaded');

      await page.reload();
      await signup.waitForState('syncing');
      await signup.waitForState('complete');

      assert.deepEqual(collapseRepeats(await signup.events()), [
        ...CREATED,
        'state:linking',
        'onboard-link-opened',
        'state:confirming',
        'state:syncing',
        'onboard-linked',
        'onboard-sync-progress',
        // After the reload: the saved journey resumes at `syncing` and polls again.
        'state:syncing',
        'onboard-sync-progress',
        'state:complete',
        'onboard-sync-progress',
        'onboard-complete',
      ]);
      const companies = fx.demo.simulator.listCompanies();
      assert.equal(companies.length, 1);
      assert.deepEqual(
        companies[0]?.dataConnections.map((c) => [c.platformName, c.status]),
        [['QuickBooks Online', 'Linked']],
      );
    });
  });
});
