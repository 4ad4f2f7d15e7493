/**
 * The widget itself, in Chromium against the demo server: the platform drops the connection after creating
 * the company and then fails the next lookups, so the adapter's own retries run out and the user sees an
 * error. Before a company exists the element keeps its form (with the name typed) in the error state;
 * submitting the same name again reuses the Idempotency-Key, and the journey goes on with the company the
 * platform already made.
 * Faults are injected through the simulator's HTTP control API, as an e2e or demo user would.
 */
import assert from 'node:assert/strict';
import { IDEMPOTENCY_TAG } from '../../src/server/index.ts';
import type { FaultSpec } from '../../src/simulator/index.ts';
import { useDemo } from './demo-fixture.ts';
import { SignupPage } from './signup-page.ts';

describe('create once in Chromium: a lost answer, then the user submits again', () => {
  const fx = useDemo();

  async function inject(fault: Omit<FaultSpec, 'path'> & { path: string }): Promise<void> {
    const response = await fetch(new URL('platform/_simulator/faults', fx.demo.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(fault),
    });
    assert.equal(response.status, 201, await response.text());
  }

  it('shows an error, and submitting again gets the company the platform already made', async () => {
    await inject({ method: 'POST', path: '/companies', kind: 'drop-after' });
    // Every retry of the adapter looks the key up first; fail those lookups until the user steps in.
    await inject({ method: 'GET', path: '/companies', kind: 'status', status: 503, times: 2 });

    const page = await fx.context.newPage();
    const signup = await SignupPage.open(page, fx.demo.url, 'popup');
    await page.getByLabel('Company name').fill('Acme Dropped Ltd');
    await page.getByRole('button', { name: 'Continue' }).click();
    await signup.waitForState('error');
    assert.equal(fx.demo.simulator.listCompanies().length, 1, 'the platform made it despite the error');

    assert.equal(await page.getByLabel('Company name').inputValue(), 'Acme Dropped Ltd', 'the name is kept');
    await page.getByRole('button', { name: 'Continue' }).click();
    await signup.waitForState('ready');

    const companies = fx.demo.simulator.listCompanies();
    assert.equal(companies.length, 1);
    assert.equal(companies[0]?.name, 'Acme Dropped Ltd');
    assert.match(companies[0]?.tags?.[IDEMPOTENCY_TAG] ?? '', /^[A-Za-z0-9_-]{16,100}$/);
    const events = await signup.events();
    assert.equal(events.filter((event) => event === 'onboard-error').length, 1);
    assert.equal(events.filter((event) => event === 'onboard-company-created').length, 1);
    assert.deepEqual(fx.demo.simulator.faults.list(), [], 'every injected fault was used');
  });
});
