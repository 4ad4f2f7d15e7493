import { expect } from '@open-wc/testing';
import { sessionJourneyStore } from '../../src/link/index.ts';

const store = sessionJourneyStore();
const loadJourney = (key: string) => store.load(key);
import { initialContext } from '../../src/machine/index.ts';
import { COMPANY_ID, FakeBackend, company, linkedCompany, statuses } from './fake-backend.ts';
import { mount } from './harness.ts';

const pending = {
  ...initialContext,
  companyName: 'Acme Ltd',
  idempotencyKey: 'k1',
  companyId: COMPANY_ID,
  company: { id: COMPANY_ID, name: 'Acme Ltd', redirect: company().redirect },
  linkState: 'nonce-1',
};

describe('<company-onboard>: coming back from a full-page redirect', () => {
  const start = window.location.href;
  afterEach(() => {
    window.history.replaceState(null, '', start);
    sessionStorage.clear();
  });

  const arrive = (query: string) => {
    const url = new URL(start);
    url.search = query;
    window.history.replaceState(null, '', url);
  };

  it('resumes the saved journey, cleans the URL and completes', async () => {
    store.save('signup', {
      snapshot: { state: 'linking', context: { ...pending, linkMode: 'redirect' } },
      returnUrl: start,
    });
    arrive(`?plan=pro&statusCode=200&companyId=${COMPANY_ID}&connectionId=conn-1&state=nonce-1`);
    const backend = new FakeBackend();
    backend.companies = [linkedCompany('conn-1')];
    backend.statuses = [statuses(['invoices', 'Complete'])];
    const h = await mount(backend, { linkMode: 'redirect' });
    await h.until('complete');
    expect(new URL(window.location.href).search).to.equal('?plan=pro');
    expect(backend.calls).to.deep.equal([`get ${COMPANY_ID}`, `status ${COMPANY_ID}`]);
    expect(loadJourney('signup')?.snapshot.state).to.equal('complete');
  });

  it('refuses a callback whose state is not the saved one', async () => {
    store.save('signup', {
      snapshot: { state: 'linking', context: { ...pending, linkMode: 'redirect' } },
      returnUrl: start,
    });
    arrive('?statusCode=200&state=forged');
    const h = await mount(new FakeBackend(), { linkMode: 'redirect' });
    expect(h.element.state).to.equal('error');
    expect(h.alert()).to.contain('This isn’t the connection you started');
    expect(h.button('Try again')).to.exist;
  });

  it('refuses a callback that carries no state at all, confirming nothing', async () => {
    store.save('signup', {
      snapshot: { state: 'linking', context: { ...pending, linkMode: 'redirect' } },
      returnUrl: start,
    });
    arrive(`?statusCode=200&companyId=${COMPANY_ID}&connectionId=conn-1`);
    const backend = new FakeBackend();
    const h = await mount(backend, { linkMode: 'redirect' });
    expect(h.element.state).to.equal('error');
    expect(h.alert()).to.contain('This isn’t the connection you started');
    expect(backend.calls).to.deep.equal([]);
  });

  it('does not resume a journey saved for another company: it loads the company it was given', async () => {
    store.save('signup', {
      snapshot: { state: 'syncing', context: { ...pending, companyId: 'another-company' } },
      returnUrl: start,
    });
    const backend = new FakeBackend();
    backend.companies = [company({ dataConnections: [] })];
    const h = await mount(backend, { companyId: COMPANY_ID, intent: 'reconnect' });
    await h.until('ready');
    expect(backend.calls).to.deep.equal([`get ${COMPANY_ID}`]);
  });

  it('does nothing with a callback it has no journey for', async () => {
    arrive('?statusCode=200&state=nonce-1');
    const h = await mount(new FakeBackend(), { linkMode: 'redirect' });
    expect(h.element.state).to.equal('idle');
    expect(new URL(window.location.href).search).to.equal('');
  });
});
