/**
 * The sign-up journey with the keyboard alone, in Chromium against the demo: where focus is after each step.
 * (Hosted Link is the platform's page; the user finishes it there.)
 */
import assert from 'node:assert/strict';
import { useDemo } from './demo-fixture.ts';
import { SignupPage, finishLink, focusedInElement, tabTo } from './signup-page.ts';

describe('keyboard only, in Chromium against the demo server', () => {
  const fx = useDemo();

  it('sign-up: focus goes to each new state’s heading or status line, never to the page', async () => {
    const page = await fx.context.newPage();
    const signup = await SignupPage.open(page, fx.demo.url, 'popup');
    await tabTo(page, 'name');
    await page.keyboard.type('Keyboard Ltd');
    await page.keyboard.press('Enter');
    await signup.waitForState('ready');
    assert.equal(await focusedInElement(page), 'Connect your accounting software');

    await tabTo(page, 'Connect');
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('Enter')]);
    await signup.waitForState('linking');
    assert.equal(await focusedInElement(page), 'Finish connecting in the window that opened.');

    await finishLink(popup, 'Xero', 'Authorise');
    await popup.waitForEvent('close');
    await signup.waitForState('complete');
    assert.equal(await focusedInElement(page), 'You’re all set');
    assert.equal(fx.demo.simulator.listCompanies().length, 1);
  });
});
