/**
 * Push, not polling, in Chromium against the demo: the simulator's signed webhooks reach the reference backend,
 * which streams them to the element; it reads the data status when told. Counted at the backend's door.
 */
import assert from 'node:assert/strict';
import type { Connect } from 'vite';
import { useDemo } from './demo-fixture.ts';
import { DashboardPage, SignupPage, finishLink } from './signup-page.ts';

/** Counts the element's requests by kind at `/api`; `cut` makes every event stream answer 503. */
function doorman() {
  const counts = { dataStatus: 0, events: 0 };
  let cut = false;
  const middleware: Connect.NextHandleFunction = (req, res, next) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    if (/\/data-status$/.test(path)) counts.dataStatus += 1;
    if (/\/events$/.test(path)) {
      counts.events += 1;
      if (cut) {
        res
          .writeHead(503, { 'content-type': 'application/json' })
          .end('{"error":"down","code":"platform-unavailable"}');
        return;
      }
    }
    next();
  };
  return { counts, middleware, cut: () => void (cut = true) };
}

/** Signs up through the popup and waits for the journey to complete; the company count afterwards. */
async function signUp(fx: ReturnType<typeof useDemo>, name: string): Promise<number> {
  const page = await fx.context.newPage();
  const signup = await SignupPage.open(page, fx.demo.url, 'popup');
  await signup.createCompany(name);
  const [popup] = await Promise.all([page.waitForEvent('popup'), signup.clickConnect()]);
  await finishLink(popup, 'Xero', 'Authorise');
  await signup.waitForState('complete', 30_000);
  return fx.demo.simulator.listCompanies().length;
}

describe('push: Codat webhooks to the browser, in Chromium against the demo', () => {
  describe('with webhooks', () => {
    const door = doorman();
    const fx = useDemo({ syncDurationMs: 8000, beforeApi: door.middleware });

    it('an 8-second sync is followed with at most 3 data-status requests (polling would make 6 or more)', async () => {
      const before = { ...door.counts };
      assert.equal(await signUp(fx, 'Push Ltd'), 1);
      const reads = door.counts.dataStatus - before.dataStatus;
      console.log(`      measured: ${reads} data-status requests with push`);
      assert.ok(reads <= 3, `${reads} data-status requests`);
      assert.ok(door.counts.events - before.events >= 1, 'the element listened');
    });

    it('a stream that fails (503) falls back to polling: the journey completes, one company', async () => {
      door.cut();
      const before = { ...door.counts };
      assert.equal(await signUp(fx, 'Cut Ltd'), 1);
      console.log(
        `      measured: ${door.counts.dataStatus - before.dataStatus} data-status requests, stream cut`,
      );
      assert.ok(door.counts.dataStatus - before.dataStatus >= 4, 'polled instead');
    });
  });

  describe('an open dashboard', () => {
    const door = doorman();
    const fx = useDemo({ beforeApi: door.middleware });

    it('shows access revoked elsewhere within seconds, without a reload: the webhook reaches it through the stream', async () => {
      const page = await fx.context.newPage();
      const dashboard = await DashboardPage.visit(page, fx.demo.url);
      await page.getByRole('heading', { name: 'Your connections' }).waitFor();
      assert.equal(await dashboard.connectionStatus('Xero'), 'Connected');
      await waitFor(() => door.counts.events >= 1, 'the dashboard listens');
      let reloaded = false;
      page.on('load', () => void (reloaded = true));

      // Revoked in Xero: Codat tells the backend by webhook (connection.disconnected), nobody reloads.
      assert.ok(fx.demo.simulator.deauthorize(dashboard.companyId()));
      await dashboard
        .connection('Xero')
        .getByRole('button', { name: 'Reconnect' })
        .waitFor({ timeout: 10_000 });
      assert.equal(await dashboard.connectionStatus('Xero'), 'Access revoked');
      assert.equal(reloaded, false);
      assert.equal(fx.demo.simulator.listCompanies().length, 1);
    });
  });

  describe('without webhooks', () => {
    const door = doorman();
    const fx = useDemo({ syncDurationMs: 8000, beforeApi: door.middleware, webhooks: false });

    it('the same sync is followed by polling, as before', async () => {
      assert.equal(await signUp(fx, 'Poll Ltd'), 1);
      console.log(`      measured: ${door.counts.dataStatus} data-status requests without webhooks`);
      assert.ok(door.counts.dataStatus >= 4, `${door.counts.dataStatus} data-status requests`);
    });
  });
});

/** Waits for `done` to hold, checking every 50 ms, for at most 10 s. */
async function waitFor(done: () => boolean, what: string): Promise<void> {
  for (const started = Date.now(); !done(); await new Promise((resolve) => setTimeout(resolve, 50))) {
    if (Date.now() - started > 10_000) throw new Error(`timed out: ${what}`);
  }
}
