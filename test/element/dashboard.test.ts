import { expect, waitUntil } from '@open-wc/testing';
import type { CompanyWatchHandlers, Connection } from '../../src/backend/index.ts';
import { COMPANY_ID, FakeBackend, company, ofSync, statuses } from './fake-backend.ts';
import { mount } from './harness.ts';
import { sendCallbackOverChannel, stubWindowOpen } from './popup-stub.ts';

const HOUR = 3600_000;
const ago = (ms: number): string => new Date(Date.now() - ms).toISOString();

const connection = (extra: Partial<Connection> = {}): Connection => ({
  id: 'conn-1',
  platformName: 'Xero',
  status: 'Linked',
  lastSync: ago(2 * HOUR),
  linkUrl: `https://link-api.codat.io/companies/${COMPANY_ID}/connections/conn-1/start`,
  ...extra,
});

const freshness = () => ({
  invoices: { dataType: 'invoices', currentStatus: 'Complete', lastSuccessfulSync: ago(2 * HOUR) },
  bills: { dataType: 'bills' },
});

async function dashboard(backend: FakeBackend) {
  const h = await mount(backend, { companyId: COMPANY_ID, intent: 'manage', id: 'dashboard' });
  await h.until('overview');
  return h;
}

describe('<company-onboard intent="manage">: the dashboard', () => {
  it('shows each connection with its status in words, its last sync in relative time and data freshness', async () => {
    const backend = new FakeBackend();
    backend.companies = [company({ dataConnections: [connection()] })];
    backend.statuses = [freshness()];
    const h = await dashboard(backend);
    const text = h.text();
    expect(text).to.contain('Your connections');
    expect(text).to.contain('Xero Connected');
    expect(text).to.contain('Last synced 2 hours ago');
    expect(text).to.contain('Bills Never synced');
    expect(text).to.contain('Invoices 2 hours ago');
    expect(text).not.to.contain('out of date');
    expect(h.root.querySelector('.badge')?.classList.contains('Linked')).to.equal(true);
    await expect(h.element).to.be.accessible();
  });

  it('warns when the last sync is older than stale-after', async () => {
    const backend = new FakeBackend();
    backend.companies = [company({ dataConnections: [connection({ lastSync: ago(3 * 24 * HOUR) })] })];
    backend.statuses = [freshness()];
    const h = await dashboard(backend);
    expect(h.text()).to.contain('Last synced 3 days ago');
    expect(h.text()).to.contain('This data may be out of date.');
  });

  it('follows stale-after, also when it changes on an open dashboard', async () => {
    const backend = new FakeBackend();
    backend.companies = [company({ dataConnections: [connection({ lastSync: ago(3 * 24 * HOUR) })] })];
    backend.statuses = [freshness()];
    const h = await dashboard(backend);
    h.element.staleAfter = 4 * 24 * HOUR;
    await h.element.updateComplete;
    expect(h.text()).not.to.contain('out of date');
    h.element.setAttribute('stale-after', String(HOUR));
    await h.element.updateComplete;
    expect(h.text()).to.contain('This data may be out of date.');
  });

  it('"Refresh data" queues a refresh, follows the sync, and returns to the overview read afresh', async () => {
    const backend = new FakeBackend();
    backend.companies = [company({ dataConnections: [connection()] })];
    // The dashboard's reading, the baseline (the last sync), then the sync the refresh asked for.
    const done = statuses(['invoices', 'Complete']);
    backend.statuses = [freshness(), ofSync('s1', done), ofSync('s2', done)];
    const h = await dashboard(backend);
    await h.click('Refresh data');
    await h.until('overview');
    expect(h.eventTypes().slice(-6)).to.deep.equal([
      'state:syncing',
      'state:loading',
      'onboard-sync-progress',
      'onboard-complete',
      'state:overview',
      'onboard-link-ready',
    ]);
    expect(backend.calls.filter((c) => c.startsWith('refresh'))).to.deep.equal([`refresh ${COMPANY_ID}`]);
    expect(backend.calls.filter((c) => c.startsWith('get'))).to.have.length(2);
  });

  it('offers Reconnect on a broken connection: Link opens on its linkUrl, and the journey comes back to the overview', async () => {
    const popup = stubWindowOpen();
    try {
      const backend = new FakeBackend();
      backend.companies = [
        company({ dataConnections: [connection({ status: 'Deauthorized' })] }),
        company({ dataConnections: [connection()] }),
      ];
      // After re-authorising, the refresh's sync (s2) is told from the last one (s1).
      const done = statuses(['invoices', 'Complete']);
      backend.statuses = [freshness(), ofSync('s1', done), ofSync('s2', done)];
      const h = await dashboard(backend);
      expect(h.text()).to.contain('Xero Access revoked');
      expect(h.text()).not.to.contain('Refresh data');
      await expect(h.element).to.be.accessible();
      await h.click('Reconnect');
      expect(popup.opened[0]).to.match(
        /^https:\/\/link-api\.codat\.io\/companies\/.+\/connections\/conn-1\/start\?state=/,
      );
      sendCallbackOverChannel(`?statusCode=200&connectionId=conn-1&state=${popup.state()}`);
      await h.until('overview');
      // The first overview came before the harness listened (the fake backend answers at once).
      expect(h.eventTypes()).to.deep.equal([
        'state:linking',
        'onboard-link-opened',
        'state:confirming',
        'state:syncing',
        'onboard-linked',
        'state:loading',
        'onboard-sync-progress',
        'onboard-complete',
        'state:overview',
        'onboard-link-ready',
      ]);
      expect(h.text()).to.contain('Xero Connected');
      expect(backend.calls.filter((c) => c.startsWith('create'))).to.deep.equal([]);
    } finally {
      popup.restore();
    }
  });

  it('a company without connections offers to connect', async () => {
    const backend = new FakeBackend();
    backend.companies = [company()];
    backend.statuses = [{}];
    const h = await dashboard(backend);
    expect(h.text()).to.contain('No accounting software is connected yet.');
    expect(h.button('Connect')).to.exist;
  });

  it('while open, shows news of the company without a reload, and closes the stream when the element is removed', async () => {
    const backend = new FakeBackend();
    const streams: { handlers: CompanyWatchHandlers; stopped: boolean }[] = [];
    Object.assign(backend, {
      watchCompany: (_companyId: string, handlers: CompanyWatchHandlers) => {
        const stream = { handlers, stopped: false };
        streams.push(stream);
        return { stop: () => void (stream.stopped = true) };
      },
    });
    backend.companies = [company({ dataConnections: [connection()] })];
    backend.statuses = [freshness()];
    const h = await dashboard(backend);
    await waitUntil(() => streams.length === 1, 'the dashboard listens while shown');
    expect(h.text()).to.contain('Xero Connected');

    // Revoked in Xero, elsewhere: the platform says so by webhook, the backend by the stream.
    backend.companies = [company({ dataConnections: [connection({ status: 'Deauthorized' })] })];
    streams[0]?.handlers.onNews({ type: 'connection-changed', connectionId: 'conn-1', status: 'Deauthorized' });
    await waitUntil(() => h.text().includes('Xero Access revoked'), 'the revoked connection shows');
    expect(h.button('Reconnect')).to.exist;
    expect(h.events.filter((e) => e.type === 'onboard-error')).to.deep.equal([]);

    h.element.remove();
    expect(streams.map((s) => s.stopped)).to.deep.equal([true]);
  });
});
