/**
 * What the one live region says in each state (once, and the right thing), and that an error is announced by
 * its alert alone.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { SCENES } from '../../demo/gallery/scenes.ts';
import { sessionJourneyStore } from '../../src/link/index.ts';
import { initialContext } from '../../src/machine/index.ts';
import { COMPANY_ID, FakeBackend, company, statuses } from './fake-backend.ts';
import { mount } from './harness.ts';

/** The live region of each scene, in English. */
const SAID: Record<string, string> = {
  idle: '',
  'name-refused': '',
  creating: 'Setting up your company…',
  'create-failed': '',
  ready: 'Connect your accounting software',
  linking: 'Finish connecting in the window that opened.',
  confirming: 'Confirming your connection…',
  syncing: '2 of 4 kinds of data ready',
  complete: 'Xero is connected and your data is synced.',
  'sync-failed': '',
  loading: 'Loading…',
  reconnect: 'Reconnect Lloyds Bank',
  dashboard: '',
  deleted: 'Acme Ltd and all its data were deleted.',
};

const regions = (root: ShadowRoot) => [...root.querySelectorAll('[aria-live], [role="status"]')];

beforeEach(() => sessionStorage.clear());

describe('<company-onboard>: announcements', () => {
  it('every scene is listed here', () => {
    expect(SCENES.map((scene) => scene.name)).to.have.members(Object.keys(SAID));
  });

  for (const scene of SCENES) {
    it(`${scene.name}: one live region says “${SAID[scene.name] ?? '?'}”; an error is its alert alone`, async () => {
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      const element = await scene.setUp(host, { lang: 'en', theme: 'light' });
      try {
        const root = element.shadowRoot as ShadowRoot;
        expect(regions(root)).to.have.length(1);
        expect(regions(root)[0]?.textContent?.trim()).to.equal(SAID[scene.name]);
        const alerts = root.querySelectorAll('[role="alert"]');
        expect(alerts.length).to.equal(scene.name.endsWith('failed') ? 1 : 0);
      } finally {
        element.remove();
      }
    });
  }

  it('a sync the platform has not picked up for a minute says so, shown and announced', async () => {
    const store = sessionJourneyStore();
    // A reload after more than a minute of every type sitting Queued.
    store.save('signup', {
      snapshot: {
        state: 'syncing',
        context: {
          ...initialContext,
          journeyId: 'j-1',
          companyName: 'Acme Ltd',
          idempotencyKey: 'k1',
          companyId: COMPANY_ID,
          company: { id: COMPANY_ID, name: 'Acme Ltd', redirect: company().redirect },
          watch: { baseline: null, since: Date.now() - 61_000, queued: null },
        },
      },
      returnUrl: window.location.href,
    });
    const backend = new FakeBackend();
    backend.statuses = [statuses(['invoices', 'Queued'], ['bills', 'Queued'])];
    const h = await mount(backend);
    await h.until('syncing');
    await waitUntil(() => h.root.querySelector('.notice') !== null, 'no notice');
    const notice = h.root.querySelector('.notice')?.textContent?.trim() ?? '';
    expect(notice).to.contain('has not started sending data yet');
    expect(h.liveRegion()).to.equal(notice);
    expect(h.element.state).to.equal('syncing');
    h.element.remove();
  });
});
