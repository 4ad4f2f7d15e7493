import { expect, waitUntil } from '@open-wc/testing';
import { sessionJourneyStore } from '../../src/link/index.ts';

const store = sessionJourneyStore();
const loadJourney = (key: string) => store.load(key);
import { initialContext } from '../../src/machine/index.ts';
import { COMPANY_ID, FakeBackend, company, linkedCompany, ofSync, statuses } from './fake-backend.ts';
import { mount } from './harness.ts';
import { restoreVisibility, setVisibility } from './visibility.ts';
import { sendCallbackOverChannel, stubWindowOpen } from './popup-stub.ts';

const summary = { id: COMPANY_ID, name: 'Acme Ltd', redirect: company().redirect };
const saved = (state: 'syncing' | 'linking', extra = {}) =>
  store.save('signup', {
    snapshot: {
      state,
      context: {
        ...initialContext,
        companyName: 'Acme Ltd',
        idempotencyKey: 'k1',
        companyId: COMPANY_ID,
        company: summary,
        linkMode: state === 'linking' ? 'popup' : null,
        ...extra,
      },
    },
    returnUrl: window.location.href,
  });

describe('<company-onboard>: a reload resumes the journey', () => {
  it('while creating: the new page repeats the create with the same key, never a second company', async () => {
    const first = new FakeBackend();
    first.createCompany = (_input, { idempotencyKey }) => {
      first.idempotencyKeys.push(idempotencyKey);
      return new Promise(() => {}); // the page is reloaded before the answer
    };
    const before = await mount(first);
    await before.type('Acme Ltd');
    await before.submit();
    before.element.remove();

    const second = new FakeBackend();
    second.created = [company()];
    const after = await mount(second);
    await after.until('ready');
    expect(second.idempotencyKeys).to.deep.equal(first.idempotencyKeys);
    expect(second.calls).to.deep.equal(['create Acme Ltd']);
  });

  it('while syncing: polling goes on and the journey completes, nothing created', async () => {
    saved('syncing');
    const backend = new FakeBackend();
    backend.statuses = [statuses(['invoices', 'Fetching']), statuses(['invoices', 'Complete'])];
    const h = await mount(backend);
    await h.until('complete');
    expect(backend.calls).to.deep.equal([`status ${COMPANY_ID}`, `status ${COMPANY_ID}`]);
  });

  it('while Link was open: back to ready, saying connecting was not finished', async () => {
    saved('linking', { linkState: 'n1' });
    const h = await mount(new FakeBackend());
    expect(h.element.state).to.equal('ready');
    expect(h.text()).to.contain('Connecting was not finished.');
    expect(loadJourney('signup')?.snapshot.state).to.equal('ready');
  });

  it('back from Link to a page restored from the back/forward cache: back to ready as well', async () => {
    const popup = stubWindowOpen();
    try {
      const backend = new FakeBackend();
      backend.created = [company()];
      const h = await mount(backend);
      await h.type('Acme Ltd');
      await h.submit();
      await h.until('ready');
      await h.click('Connect');
      window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: false }));
      expect(h.element.state).to.equal('linking');
      window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
      await h.until('ready');
      expect(h.events.at(-1)?.detail).to.include({ reason: 'link-unfinished' });
    } finally {
      popup.restore();
    }
  });

  it('removed while syncing: no request and no timer outlive it', async () => {
    saved('syncing');
    const backend = new FakeBackend();
    backend.statuses = [statuses(['invoices', 'Fetching'])];
    const h = await mount(backend); // polls every 0 ms
    await waitUntil(() => backend.calls.length >= 2, 'never polled twice');
    h.element.remove();
    const seen = backend.calls.length;
    // Any timer left behind would fire within these turns (the interval is 0).
    for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
    expect(backend.calls.length).to.equal(seen);
  });

  it('makes no request while the tab is hidden, and reads at once when it is back', async () => {
    saved('syncing');
    const backend = new FakeBackend();
    backend.statuses = [statuses(['invoices', 'Fetching'])];
    const h = await mount(backend);
    await waitUntil(() => backend.calls.length >= 1, 'never polled');
    setVisibility('hidden');
    try {
      await new Promise((resolve) => setTimeout(resolve, 0)); // a read in flight may land
      const seen = backend.calls.length;
      for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
      expect(backend.calls.length).to.equal(seen);
      setVisibility('visible');
      expect(backend.calls.length).to.equal(seen + 1);
    } finally {
      restoreVisibility();
      h.element.remove();
    }
  });

  it('keeps journeys of elements with different ids apart', async () => {
    saved('syncing');
    const other = await mount(new FakeBackend(), { id: 'dashboard' });
    expect(other.element.state).to.equal('idle');
  });
});

describe('<company-onboard intent="reconnect">', () => {
  let popup: ReturnType<typeof stubWindowOpen>;
  beforeEach(() => {
    popup = stubWindowOpen();
  });
  afterEach(() => popup.restore());

  const deauthorized = company({
    dataConnections: [
      {
        id: 'conn-1',
        platformName: 'Xero',
        status: 'Deauthorized',
        linkUrl: `https://link-api.codat.io/companies/${COMPANY_ID}/connections/conn-1/start`,
      },
    ],
  });

  it('says which connection needs re-authorising and why, reopens it, and never creates', async () => {
    const backend = new FakeBackend();
    backend.companies = [deauthorized, linkedCompany('conn-1')];
    const done = statuses(['invoices', 'Complete']);
    backend.statuses = [ofSync('s1', done), ofSync('s2', done)];
    const h = await mount(backend, { companyId: COMPANY_ID, id: 'reconnect' });
    await h.until('ready');
    expect(h.text()).to.contain('Reconnect Xero');
    expect(h.text()).to.contain('Access was revoked or has expired');
    // The live region says what this page is about, not the sign-up page's "Connect your accounting software".
    expect(h.liveRegion()).to.equal('Reconnect Xero');
    await expect(h.element).to.be.accessible();

    await h.click('Reconnect');
    expect(popup.opened[0]).to.match(
      new RegExp(
        `^https://link-api\\.codat\\.io/companies/${COMPANY_ID}/connections/conn-1/start\\?state=[0-9a-f]{32}$`,
      ),
    );
    sendCallbackOverChannel(`?statusCode=200&connectionId=conn-1&state=${popup.state()}`);
    await h.until('complete');
    expect(backend.calls.filter((c) => c.startsWith('create'))).to.deep.equal([]);
  });
});

describe('<company-onboard>: two on one page', () => {
  let popup: ReturnType<typeof stubWindowOpen>;
  beforeEach(() => {
    popup = stubWindowOpen();
  });
  afterEach(() => popup.restore());

  it('run independent journeys: a callback reaches only the journey it belongs to', async () => {
    const make = () => {
      const backend = new FakeBackend();
      backend.created = [company()];
      backend.companies = [linkedCompany()];
      backend.statuses = [statuses(['invoices', 'Complete'])];
      return backend;
    };
    const a = await mount(make(), { id: 'first' });
    const b = await mount(make(), { id: 'second' });
    for (const h of [a, b]) {
      await h.type('Acme Ltd');
      await h.submit();
      await h.until('ready');
      await h.click('Connect');
    }
    const [stateA] = popup.opened.map((url) => new URL(url).searchParams.get('state'));
    sendCallbackOverChannel(`?statusCode=200&state=${stateA ?? ''}`);
    await a.until('complete');
    expect(b.element.state).to.equal('linking');
    expect(b.events.some((e) => e.type === 'onboard-error')).to.equal(false);
    expect(loadJourney('first')?.snapshot.state).to.equal('complete');
    expect(loadJourney('second')?.snapshot.state).to.equal('linking');
  });
});

describe('<company-onboard>: when storage is unavailable', () => {
  const original = Storage.prototype.setItem;
  beforeEach(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('denied', 'SecurityError');
    };
  });
  afterEach(() => {
    Storage.prototype.setItem = original;
  });

  it('popup mode still completes', async () => {
    const popup = stubWindowOpen();
    try {
      const backend = new FakeBackend();
      backend.created = [company()];
      backend.companies = [linkedCompany()];
      backend.statuses = [statuses(['invoices', 'Complete'])];
      const h = await mount(backend, { linkMode: 'popup' });
      await h.type('Acme');
      await h.submit();
      await h.until('ready');
      await h.click('Connect');
      sendCallbackOverChannel(`?statusCode=200&state=${popup.state()}`);
      await h.until('complete');
    } finally {
      popup.restore();
    }
  });

  it('redirect mode explains what would be lost instead of leaving', async () => {
    const backend = new FakeBackend();
    backend.created = [company()];
    const h = await mount(backend, { linkMode: 'redirect' });
    await h.type('Acme');
    await h.submit();
    await h.until('ready');
    await h.click('Connect');
    expect(h.element.state).to.equal('error');
    expect(h.alert()).to.contain('would lose your progress');
    expect(h.events.at(-1)?.detail).to.include({ code: 'storage-unavailable', retryable: true });
  });
});

describe('<company-onboard link-mode="auto"> in an in-app browser', () => {
  it('goes straight to a full-page redirect, saying the popup was not used', async () => {
    const popup = stubWindowOpen();
    Object.defineProperty(navigator, 'userAgent', {
      configurable: true,
      get: () => 'Mozilla/5.0 (Linux; Android 14; wv) AppleWebKit/537.36 Chrome/120 Mobile',
    });
    try {
      const backend = new FakeBackend();
      backend.created = [company()];
      const h = await mount(backend, { linkMode: 'auto' });
      h.element.addEventListener('onboard-before-redirect', (e) => e.preventDefault());
      await h.type('Acme');
      await h.submit();
      await h.until('ready');
      await h.click('Connect');
      expect(popup.opened).to.deep.equal([]);
      expect(h.eventTypes()).to.include.members(['onboard-popup-blocked', 'onboard-before-redirect']);
    } finally {
      delete (navigator as { userAgent?: string }).userAgent;
      popup.restore();
    }
  });
});
