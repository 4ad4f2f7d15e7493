/**
 * What the user controls on the dashboard: every connection by source type, disconnecting, adding a source,
 * the sync history and deleting the company, against a fake backend in Chromium.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { HttpError, type Connection, type PullOperation } from '../../src/backend/index.ts';
import { COMPANY_ID, FakeBackend, company, ofSync, statuses } from './fake-backend.ts';
import { mount, type OnboardHarness } from './harness.ts';
import { sendCallbackOverChannel, stubWindowOpen } from './popup-stub.ts';

const HOUR = 3600_000;
const ago = (ms: number): string => new Date(Date.now() - ms).toISOString();

const xero: Connection = {
  id: 'conn-1',
  platformName: 'Xero',
  status: 'Linked',
  sourceType: 'Accounting',
  created: ago(90 * 24 * HOUR),
  lastSync: ago(2 * HOUR),
  linkUrl: `https://link-api.codat.io/companies/${COMPANY_ID}/connections/conn-1/start`,
};
const bank: Connection = {
  id: 'bank-1',
  platformName: 'Plaid',
  status: 'Linked',
  sourceType: 'Banking',
  created: ago(3 * 24 * HOUR),
  lastSync: ago(HOUR),
  linkUrl: `https://link-api.codat.io/companies/${COMPANY_ID}/connections/bank-1/start`,
};

async function dashboard(backend: FakeBackend, allowDelete = false): Promise<OnboardHarness> {
  const h = await mount(backend, { companyId: COMPANY_ID, intent: 'manage', id: 'dashboard', allowDelete });
  await h.until('overview');
  return h;
}

const withConnections = (...dataConnections: Connection[]): FakeBackend => {
  const backend = new FakeBackend();
  backend.companies = [company({ dataConnections })];
  backend.statuses = [statuses(['invoices', 'Complete'])];
  return backend;
};

/** Resolves the dashboard calls held by `backend.hold` when called. */
function holdCalls(backend: FakeBackend): () => void {
  let release = (): void => {};
  backend.hold = new Promise<void>((resolve) => {
    release = resolve;
  });
  return release;
}

/** Waits (on the page's own clock, no fixed sleep) until `done`, then for the element to render. */
async function until(h: OnboardHarness, done: () => boolean): Promise<void> {
  await waitUntil(done, 'never happened', { timeout: 3000 });
  await h.element.updateComplete;
}

const focused = (h: OnboardHarness): string =>
  h.root.activeElement?.textContent?.trim() || (h.root.activeElement?.id ?? '');

describe('<company-onboard intent="manage">: connections the user controls', () => {
  it('groups every connection by source type, with when it was first authorised and last synced', async () => {
    const h = await dashboard(withConnections(bank, xero));
    const groups = [...h.root.querySelectorAll('section.source')].map((section) => [
      section.querySelector('h3')?.textContent?.trim(),
      [...section.querySelectorAll('h4')].map((h4) => h4.textContent?.replace(/\s+/g, ' ').trim()),
    ]);
    expect(groups).to.deep.equal([
      ['Accounting', ['Xero Connected']],
      ['Banking', ['Plaid Connected']],
    ]);
    expect(h.text()).to.contain('Connected 3 months ago');
    expect(h.text()).to.contain('Connected 3 days ago');
    expect(h.text()).to.contain('Last synced 2 hours ago');
    await expect(h.element).to.be.accessible();
  });

  it('Disconnect says what it means first; Cancel returns focus; confirming leaves it Unlinked with Reconnect', async () => {
    const backend = withConnections(xero);
    backend.disconnected = [{ ...xero, status: 'Unlinked' }];
    const h = await dashboard(backend);
    h.button('Disconnect').focus();
    await h.click('Disconnect');
    await h.element.updateComplete;
    expect(h.text()).to.contain('Disconnect Xero?');
    expect(h.text()).to.contain('Data already fetched is kept, but nothing new will be fetched from it.');
    expect(focused(h)).to.equal('Disconnect', 'focus moves into the confirmation');
    await expect(h.element).to.be.accessible();
    await h.click('Cancel');
    await h.element.updateComplete;
    expect(h.text()).not.to.contain('Disconnect Xero?');
    expect(focused(h)).to.equal('Disconnect', 'back on the button that opened it');
    expect(backend.calls.filter((c) => c.startsWith('disconnect'))).to.deep.equal([]);

    // Escape closes it too, like a dialog.
    await h.click('Disconnect');
    h.root
      .querySelector('.confirm')
      ?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await h.element.updateComplete;
    expect(h.text()).not.to.contain('Disconnect Xero?');

    const release = holdCalls(backend);
    await h.click('Disconnect');
    h.root.querySelector<HTMLButtonElement>('.confirm button')?.click();
    await h.element.updateComplete;
    expect(h.text()).to.contain('Disconnecting…');
    release();
    await until(h, () => h.text().includes('Xero Switched off'));
    expect(backend.calls).to.include(`disconnect ${COMPANY_ID} conn-1`);
    expect(h.text()).to.contain('Xero Switched off');
    expect(h.button('Reconnect')).to.exist;
    const told = h.events.find((e) => e.type === 'onboard-disconnected');
    expect(told?.detail).to.deep.include({ companyId: COMPANY_ID, connectionId: 'conn-1' });
    await expect(h.element).to.be.accessible();
  });

  it('a failed disconnect keeps the confirmation with the reason in words; trying again goes through', async () => {
    const backend = withConnections(xero);
    backend.disconnected = [
      new HttpError(503, { code: 'platform-unavailable' }),
      { ...xero, status: 'Unlinked' },
    ];
    const h = await dashboard(backend);
    await h.click('Disconnect');
    h.root.querySelector<HTMLButtonElement>('.confirm button')?.click();
    await until(h, () => h.alert() !== null);
    expect(h.text()).to.contain('Disconnect Xero?');
    expect(h.alert()).to.be.a('string').and.not.equal('');
    expect(h.events.some((e) => e.type === 'onboard-disconnected')).to.equal(false);
    const errors = h.events.filter((e) => e.type === 'onboard-error').map((e) => e.detail);
    expect(errors).to.have.length(1, 'told once, as a failed step is');
    expect(errors[0]).to.deep.include({
      code: 'platform-unavailable',
      retryable: true,
      companyId: COMPANY_ID,
    });
    h.root.querySelector<HTMLButtonElement>('.confirm button')?.click();
    await until(h, () => h.text().includes('Xero Switched off'));
  });

  it('"Reconnect" on a disconnected connection opens that connection’s own Link URL', async () => {
    const popup = stubWindowOpen();
    try {
      const h = await dashboard(withConnections({ ...xero, status: 'Unlinked' }, bank));
      await h.click('Reconnect');
      expect(popup.opened[0]).to.match(/connections\/conn-1\/start\?state=/);
    } finally {
      popup.restore();
    }
  });

  it('"Connect another account" opens Link for the same company; a new Banking connection is told when confirmed', async () => {
    const popup = stubWindowOpen();
    try {
      const backend = withConnections(xero);
      backend.companies = [company({ dataConnections: [xero] }), company({ dataConnections: [xero, bank] })];
      // The dashboard's reading, the baseline (the last sync), then the sync queued for the new source.
      const done = statuses(['invoices', 'Complete']);
      backend.statuses = [done, ofSync('s1', done), ofSync('s2', done)];
      const h = await dashboard(backend);
      await h.click('Connect another account');
      expect(new URL(popup.opened[0] ?? '').pathname).to.equal(`/company/${COMPANY_ID}`);
      sendCallbackOverChannel(`?statusCode=200&connectionId=bank-1&state=${popup.state()}`);
      await h.until('overview');
      const added = h.events.find((e) => e.type === 'onboard-connection-added');
      expect(added?.detail['connection']).to.deep.include({ id: 'bank-1', sourceType: 'Banking' });
      expect(backend.calls.filter((c) => c.startsWith('create'))).to.deep.equal([], 'never a new company');
      expect(h.text()).to.contain('Banking');
    } finally {
      popup.restore();
    }
  });

  it('the sync history shows each pull: when, which data type, and what failed in words', async () => {
    const backend = withConnections(xero);
    const pulls: PullOperation[] = [
      {
        id: 'p2',
        dataType: 'invoices',
        status: 'FetchError',
        requested: ago(HOUR),
        errorMessage: 'Xero refused the token.',
      },
      { id: 'p1', dataType: 'bills', status: 'Complete', requested: ago(3 * HOUR), completed: ago(3 * HOUR) },
    ];
    backend.history = [new HttpError(500), pulls];
    const h = await dashboard(backend);
    await h.click('Show sync history');
    await until(h, () => h.alert() !== null);
    await h.click('Try again');
    await until(h, () => h.root.querySelector('[part="history"]') !== null);
    const rows = [...h.root.querySelectorAll('[part="history"] li')].map((li) =>
      li.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(rows).to.deep.equal([
      'Invoices Failed: Xero refused the token. 1 hour ago',
      'Bills Done 3 hours ago',
    ]);
    await expect(h.element).to.be.accessible();
    await h.click('Hide sync history');
    expect(h.root.querySelector('[part="history"]')).to.equal(null);
  });

  it('without allow-delete there is no way to delete; with it, only the typed company name deletes', async () => {
    expect((await dashboard(withConnections(xero))).text()).not.to.contain('Delete');
    const backend = withConnections(xero);
    const h = await dashboard(backend, true);
    h.button('Delete company and data').focus();
    await h.click('Delete company and data');
    await h.element.updateComplete;
    expect(h.text()).to.contain('Delete Acme Ltd and all its data?');
    expect(h.root.activeElement?.id).to.equal('delete-name', 'focus goes to the field to type in');
    await expect(h.element).to.be.accessible();
    const input = h.root.querySelector<HTMLInputElement>('#delete-name');
    const form = h.root.querySelector<HTMLFormElement>('form.confirm');
    const submitButton = h.button('Delete for good');
    expect(submitButton.getAttribute('aria-disabled')).to.equal('true');
    for (const typed of ['Acme', 'acme ltd']) {
      if (input) input.value = typed;
      input?.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await h.element.updateComplete;
      form?.requestSubmit();
      await h.element.updateComplete;
    }
    expect(backend.calls.filter((c) => c.startsWith('delete'))).to.deep.equal([]);
    if (input) input.value = 'Acme Ltd';
    input?.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await h.element.updateComplete;
    expect(h.button('Delete for good').getAttribute('aria-disabled')).to.equal('false');
    h.root.querySelector<HTMLFormElement>('form.confirm')?.requestSubmit();
    await h.until('deleted');
    expect(backend.calls).to.include(`delete ${COMPANY_ID}`);
    expect(h.text()).to.contain('Company deleted');
    expect(h.text()).to.contain('Acme Ltd and all its data were deleted.');
    expect(h.events.map((e) => e.type)).to.include('onboard-company-deleted');
    await expect(h.element).to.be.accessible();
  });

  it('a refresh keeps the dashboard on screen with its progress inline, then says it is done', async () => {
    const backend = withConnections(xero);
    const done = statuses(['invoices', 'Complete']);
    backend.statuses = [
      done,
      { invoices: { ...done['invoices']!, latestSyncId: 's1' } },
      { invoices: { dataType: 'invoices', currentStatus: 'Fetching', latestSyncId: 's2' } },
      { invoices: { dataType: 'invoices', currentStatus: 'Complete', latestSyncId: 's2' } },
    ];
    const h = await dashboard(backend);
    h.button('Refresh data').focus();
    await h.click('Refresh data');
    expect(h.text()).to.contain('Your connections');
    expect(h.text()).to.contain('Refreshing your data…');
    expect(h.root.querySelector('progress')).to.exist;
    await h.until('overview');
    await h.element.updateComplete;
    expect(h.text()).to.contain('Your data is up to date.');
    expect(h.root.activeElement?.textContent).to.equal('Your connections', 'focus stays on the dashboard');
    expect(h.liveRegion()).to.equal('Your data is up to date.');
  });

  it('relative times keep ticking while the dashboard is open', async () => {
    const ticks: (() => void)[] = [];
    const original = window.setInterval;
    window.setInterval = ((fn: () => void) => (ticks.push(fn), 0)) as typeof window.setInterval;
    const realNow = Date.now;
    try {
      const h = await dashboard(withConnections(xero));
      expect(h.text()).to.contain('Last synced 2 hours ago');
      expect(ticks.length).to.be.greaterThan(0);
      Date.now = () => realNow() + 2 * HOUR;
      for (const tick of ticks) tick();
      await h.element.updateComplete;
      expect(h.text()).to.contain('Last synced 4 hours ago');
    } finally {
      window.setInterval = original;
      Date.now = realNow;
    }
  });

  it('keyboard focus never falls to the page: history opens onto its heading, closes back onto its button', async () => {
    const backend = withConnections(xero);
    backend.history = [[]];
    backend.disconnected = [{ ...xero, status: 'Unlinked' }];
    const h = await dashboard(backend);
    h.button('Show sync history').focus();
    await h.click('Show sync history');
    await until(h, () => h.text().includes('Nothing has been synced yet.'));
    expect(h.root.activeElement?.id).to.equal('history-title');
    h.button('Hide sync history').focus();
    await h.click('Hide sync history');
    await until(h, () => h.root.activeElement !== null);
    expect(focused(h)).to.equal('Show sync history');

    // Disconnected: on to the connection's Reconnect, not the page body.
    h.button('Disconnect').focus();
    await h.click('Disconnect');
    await h.element.updateComplete;
    h.root.querySelector<HTMLButtonElement>('.confirm button')?.click();
    await until(h, () => h.root.activeElement?.getAttribute('data-reconnect') === 'conn-1');
    expect(focused(h)).to.equal('Reconnect');
  });

  it('a refresh that fails stays on the dashboard with the reason and "Try again", which then succeeds', async () => {
    const backend = withConnections(xero);
    const done = statuses(['invoices', 'Complete']);
    const failed = statuses(['invoices', 'FetchError']);
    backend.statuses = [
      done,
      ofSync('s1', done),
      ofSync('s2', failed),
      ofSync('s2', failed),
      ofSync('s3', done),
    ];
    const h = await dashboard(backend);
    await h.click('Refresh data');
    await until(h, () => h.alert() !== null && h.element.state === 'overview');
    expect(h.text()).to.contain('Your connections');
    expect(h.alert()).to.contain('We couldn’t fetch your invoices. Try again to fetch them once more.');
    expect(h.button('Disconnect')).to.exist;
    await expect(h.element).to.be.accessible();
    await h.click('Try again');
    await until(h, () => h.text().includes('Your data is up to date.'));
    expect(h.alert()).to.equal(null);
    expect(h.events.filter((e) => e.type === 'onboard-error').map((e) => e.detail['code'])).to.deep.equal([
      'sync-failed',
    ]);
  });
});
