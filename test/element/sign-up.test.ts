import { expect, waitUntil } from '@open-wc/testing';
import { HttpError, NetworkError } from '../../src/backend/index.ts';
import { COMPANY_ID, FakeBackend, company, linkedCompany, ofSync, statuses } from './fake-backend.ts';
import { mount } from './harness.ts';
import { sendCallbackOverChannel, stubWindowOpen } from './popup-stub.ts';

describe('<company-onboard>: the name form', () => {
  it('starts idle with a labelled name field, and is accessible', async () => {
    const h = await mount();
    expect(h.element.getAttribute('state')).to.equal('idle');
    const input = h.input;
    expect(input?.labels?.[0]?.textContent).to.equal('Company name');
    await expect(h.element).to.be.accessible();
  });

  it('refuses a name with markup itself, naming the characters as text, keeping what was typed', async () => {
    const backend = new FakeBackend();
    const h = await mount(backend);
    await h.type('Acme <b>Ltd</b>');
    await h.submit();
    await waitUntil(() => h.alert() !== null, 'no complaint');
    expect(h.alert()).to.equal(
      'The name can’t contain < > /. Use letters, numbers, spaces and - ’ & @ . , ? !',
    );
    expect(h.element.state).to.equal('idle');
    expect(backend.calls).to.deep.equal([]);
    expect(h.input?.value).to.equal('Acme <b>Ltd</b>');
    expect(h.input?.getAttribute('aria-invalid')).to.equal('true');
    expect(h.root.querySelector('b')).to.equal(null);
    await expect(h.element).to.be.accessible();
  });

  it('checks a name by the server’s rules before sending it, and sends it once they pass', async () => {
    const backend = new FakeBackend();
    backend.created = [company()];
    const h = await mount(backend);
    const refused = async (name: string): Promise<string | null> => {
      await h.type(name);
      await h.submit();
      await waitUntil(() => h.alert() !== null, `no complaint about ${name}`);
      return h.alert();
    };
    expect(await refused('A'.repeat(101))).to.equal('Use at most 100 characters.');
    expect(await refused('Acme\u200BLtd')).to.contain('invisible characters');
    expect(await refused('株式会社')).to.contain('Latin letters (A–Z)');
    expect(backend.calls).to.deep.equal([]);
    await h.type('Café Müller');
    await h.submit();
    await h.until('ready');
    expect(backend.calls[0]).to.equal('create Café Müller');
  });

  it('caps the field at the server’s length limit', async () => {
    const h = await mount();
    expect(h.input?.maxLength).to.equal(100);
  });

  it('asks for a name when the field is empty', async () => {
    const h = await mount();
    await h.submit();
    expect(h.alert()).to.equal('Enter your company name.');
  });

  it('keeps the typed name visible and read-only while creating, and is accessible', async () => {
    const backend = new FakeBackend();
    backend.createCompany = () => new Promise(() => {}); // the answer never comes
    const h = await mount(backend);
    await h.type('Acme Ltd');
    await h.submit();
    expect(h.element.getAttribute('state')).to.equal('creating');
    expect(h.input?.value).to.equal('Acme Ltd');
    expect(h.input?.readOnly).to.equal(true);
    expect(h.liveRegion()).to.equal('Setting up your company…');
    await expect(h.element).to.be.accessible();
  });

  it('creates the company and becomes ready, announcing each step', async () => {
    const backend = new FakeBackend();
    backend.created = [company()];
    const h = await mount(backend);
    await h.type('  Acme Ltd ');
    await h.submit();
    await h.until('ready');
    expect(backend.calls).to.deep.equal(['create Acme Ltd']);
    expect(h.eventTypes()).to.deep.equal([
      'state:creating',
      'state:ready',
      'onboard-company-created',
      'onboard-link-ready',
    ]);
    expect(h.events[2]?.detail).to.deep.include({ companyId: COMPANY_ID });
    expect(h.liveRegion()).to.equal('Connect your accounting software');
    await expect(h.element).to.be.accessible();
  });

  it('shows the server’s field message, keeps the typed name, and lets the user fix it', async () => {
    const backend = new FakeBackend();
    backend.created = [
      new HttpError(400, {
        serverText: 'Company name must be at most 100 characters (it has 120).',
        code: 'invalid-name',
        field: 'name',
      }),
      company(),
    ];
    const h = await mount(backend);
    await h.type('A'.repeat(99));
    await h.submit();
    await h.until('error');
    // Told by its code, in the user's words; the server's English is only a fallback.
    expect(h.alert()).to.equal('Use letters, numbers, spaces and - ’ & @ . , ? !, then try again.');
    expect(h.input?.value).to.equal('A'.repeat(99));
    expect(h.events.find((e) => e.type === 'onboard-error')?.detail).to.include({
      code: 'invalid-name',
      retryable: false,
    });
    await expect(h.element).to.be.accessible();
    await h.type('Acme');
    await h.submit();
    await h.until('ready');
  });

  it('a code of the integrator’s own backend shows its sentence, under the general heading', async () => {
    const backend = new FakeBackend();
    backend.created = [new HttpError(422, { serverText: 'Your trial has ended.', code: 'trial-ended' })];
    const h = await mount(backend);
    await h.type('Acme');
    await h.submit();
    await h.until('error');
    expect(h.alert()).to.equal('Something went wrong Your trial has ended.');
  });

  it('never shows an HTTP status: a server failure is told in words, the status stays in the event', async () => {
    const backend = new FakeBackend();
    backend.created = [new HttpError(500), new HttpError(418)];
    const h = await mount(backend);
    await h.type('Acme');
    await h.submit();
    await h.until('error');
    expect(h.alert()).to.equal(
      'Something went wrong on our side Please try again in a moment. If it keeps happening, contact us.',
    );
    await h.submit();
    await waitUntil(() => h.events.filter((e) => e.type === 'onboard-error').length === 2);
    expect(h.alert()).to.equal(
      'Something went wrong Please try again in a moment. If it keeps happening, contact us.',
    );
    expect(h.text()).not.to.match(/HTTP|\b(500|418)\b/);
    expect(h.events.find((e) => e.type === 'onboard-error')?.detail).to.include({ code: 'server-error' });
  });

  it('after a lost connection, "Continue" again reuses the same idempotency key', async () => {
    const backend = new FakeBackend();
    backend.created = [new NetworkError(), company()];
    const h = await mount(backend);
    await h.type('Acme Ltd');
    await h.submit();
    await h.until('error');
    expect(h.alert()).to.contain('We couldn’t reach the server');
    // Announced once, by its alert; the live region stays quiet.
    expect(h.root.querySelectorAll('[role="alert"]')).to.have.length(1);
    expect(h.liveRegion()).to.equal('');
    expect(h.input?.value).to.equal('Acme Ltd');
    await h.submit();
    await h.until('ready');
    expect(backend.idempotencyKeys).to.have.length(2);
    expect(backend.idempotencyKeys[0]).to.equal(backend.idempotencyKeys[1]);
  });
});

describe('<company-onboard>: the whole journey in popup mode', () => {
  let popup: ReturnType<typeof stubWindowOpen>;
  beforeEach(() => {
    popup = stubWindowOpen();
  });
  afterEach(() => popup.restore());

  async function readyJourney(backend = new FakeBackend()) {
    backend.created = [company()];
    const h = await mount(backend);
    await h.type('Acme Ltd');
    await h.submit();
    await h.until('ready');
    return h;
  }

  it('while Link is open: "Bring the window back" raises the popup; "Cancel" closes it and says so', async () => {
    const h = await readyJourney();
    await h.click('Connect');
    expect(h.element.state).to.equal('linking');
    await expect(h.element).to.be.accessible();
    await h.click('Bring the window back');
    expect(popup.focused()).to.equal(1);
    expect(h.element.state).to.equal('linking');
    await h.click('Cancel');
    await h.until('ready');
    expect(popup.popup.closed).to.equal(true, 'the popup is closed');
    expect(h.text()).to.contain('You cancelled connecting your accounting software.');
    expect(h.liveRegion()).to.equal('You cancelled connecting your accounting software.');
    expect(h.events.find((e) => e.type === 'onboard-cancel')?.detail).to.deep.include({
      reason: 'user-cancelled',
    });
    // A late callback from the closed window changes nothing: its nonce was spent.
    sendCallbackOverChannel(`?statusCode=200&connectionId=conn-1&state=${popup.state()}`);
    await h.element.updateComplete;
    expect(h.element.state).to.equal('ready');
  });

  it('focus follows the journey from a control the user pressed, and is never taken from the page', async () => {
    const backend = new FakeBackend();
    backend.created = [company()];
    // After a cancel, Connect asks for a fresh Link URL (they work once).
    backend.companies = [company()];
    const h = await mount(backend);
    const focused = (): string => h.root.activeElement?.textContent?.trim() ?? '';
    await h.type('Acme Ltd');
    h.button('Continue').focus();
    await h.submit();
    await h.until('ready');
    expect(focused()).to.equal('Connect your accounting software', 'the new state’s heading');
    h.button('Connect').focus();
    await h.click('Connect');
    expect(focused()).to.equal('Finish connecting in the window that opened.');
    h.button('Cancel').focus();
    await h.click('Cancel');
    await h.until('ready');
    expect(focused()).to.equal('Connect your accounting software');

    // Focus elsewhere on the page stays there, whatever the journey does.
    const outside = document.createElement('input');
    document.body.append(outside);
    try {
      outside.focus();
      await h.click('Connect');
      expect(h.element.state).to.equal('linking');
      expect(document.activeElement).to.equal(outside);
      expect(h.root.activeElement).to.equal(null);
    } finally {
      outside.remove();
    }
  });

  it('opens Link with a fresh state, follows the sync and completes', async () => {
    const backend = new FakeBackend();
    backend.companies = [linkedCompany('conn-1')];
    backend.statuses = [
      statuses(['invoices', 'Fetching'], ['bills', 'Queued']),
      statuses(['invoices', 'Complete'], ['bills', 'Complete']),
    ];
    const h = await readyJourney(backend);
    await h.click('Connect');
    expect(h.element.state).to.equal('linking');
    expect(popup.opened).to.have.length(1);
    expect(popup.opened[0]).to.match(
      new RegExp(`^https://link\\.codat\\.io/company/${COMPANY_ID}\\?state=[0-9a-f]{32}$`),
    );
    await expect(h.element).to.be.accessible();

    sendCallbackOverChannel(
      `?statusCode=200&companyId=${COMPANY_ID}&connectionId=conn-1&state=${popup.state()}`,
    );
    await h.until('complete');
    expect(h.eventTypes()).to.deep.equal([
      'state:creating',
      'state:ready',
      'onboard-company-created',
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
    expect(h.events.find((e) => e.type === 'onboard-linked')?.detail).to.deep.equal({
      companyId: COMPANY_ID,
      connectionId: 'conn-1',
      journeyId: h.journeyId(),
    });
    expect(h.root.querySelector('h2')?.textContent).to.equal('You’re all set');
    expect(h.text()).to.contain('Xero is connected and your data is synced.');
    expect(h.root.querySelector('progress')?.value).to.equal(2);
    await expect(h.element).to.be.accessible();
  });

  it('shows per-type progress in words while syncing', async () => {
    const backend = new FakeBackend();
    backend.companies = [linkedCompany()];
    backend.statuses = [statuses(['invoices', 'Complete'], ['bills', 'Fetching'])];
    const h = await readyJourney(backend);
    await h.click('Connect');
    sendCallbackOverChannel(`?statusCode=200&state=${popup.state()}`);
    await h.until('syncing');
    await waitUntil(() => h.liveRegion() === '1 of 2 kinds of data ready', 'no progress shown');
    await h.element.updateComplete;
    expect(h.text()).to.contain('Bills ◔ In progress');
    expect(h.text()).to.contain('Invoices ✓ Done');
    expect(h.liveRegion()).to.equal('1 of 2 kinds of data ready');
    await expect(h.element).to.be.accessible();
    h.element.remove(); // stops polling
  });

  it('ignores a callback carrying another state, then accepts its own', async () => {
    const backend = new FakeBackend();
    backend.companies = [linkedCompany()];
    backend.statuses = [statuses(['invoices', 'Complete'])];
    const h = await readyJourney(backend);
    await h.click('Connect');
    // Delivered in order: had the forged one been taken, the journey would have failed on a state mismatch.
    sendCallbackOverChannel('?statusCode=200&state=forged');
    sendCallbackOverChannel(`?statusCode=200&state=${popup.state()}`);
    await h.until('complete');
    expect(h.events.some((e) => e.type === 'onboard-error')).to.equal(false);
  });

  it('does not trust a success the backend cannot confirm', async () => {
    const backend = new FakeBackend();
    backend.companies = [
      company({ dataConnections: [{ id: 'conn-1', platformName: 'Xero', status: 'PendingAuth' }] }),
    ];
    const h = await readyJourney(backend);
    await h.click('Connect');
    sendCallbackOverChannel(`?statusCode=200&connectionId=conn-1&state=${popup.state()}`);
    await h.until('error');
    expect(h.events.at(-1)?.detail).to.include({ code: 'link-not-confirmed', retryable: true });
    expect(h.button('Try again')).to.exist;
  });

  it('returns to ready with a notice when the user cancels in Link', async () => {
    const h = await readyJourney();
    await h.click('Connect');
    sendCallbackOverChannel(`?statusCode=403&errorMessage=User%20cancelled.&state=${popup.state()}`);
    await h.until('ready');
    expect(h.text()).to.contain('You cancelled connecting');
    expect(h.events.at(-1)).to.deep.equal({
      type: 'onboard-cancel',
      detail: { reason: 'user-cancelled', companyId: COMPANY_ID, journeyId: h.journeyId() },
    });
  });

  it('names the types that failed to sync', async () => {
    const backend = new FakeBackend();
    backend.companies = [linkedCompany()];
    backend.statuses = [statuses(['invoices', 'FetchError'], ['bills', 'Complete'])];
    const h = await readyJourney(backend);
    await h.click('Connect');
    sendCallbackOverChannel(`?statusCode=200&state=${popup.state()}`);
    await h.until('error');
    expect(h.alert()).to.equal(
      'Some of your data didn’t arrive We couldn’t fetch your invoices. Try again to fetch them once more.',
    );
    await expect(h.element).to.be.accessible();
  });

  it('"Try again" after a failed type queues a refresh, then follows the new sync to the end', async () => {
    const backend = new FakeBackend();
    backend.companies = [linkedCompany()];
    const failed = ofSync('s1', statuses(['invoices', 'FetchError']));
    backend.statuses = [failed, failed, ofSync('s2', statuses(['invoices', 'Complete']))];
    const h = await readyJourney(backend);
    await h.click('Connect');
    sendCallbackOverChannel(`?statusCode=200&state=${popup.state()}`);
    await h.until('error');
    await h.click('Try again');
    await h.until('complete');
    expect(backend.calls).to.deep.equal([
      'create Acme Ltd',
      `get ${COMPANY_ID}`,
      `status ${COMPANY_ID}`, // FetchError
      `status ${COMPANY_ID}`, // how it stands before asking: the failed sync s1
      `refresh ${COMPANY_ID}`,
      `status ${COMPANY_ID}`, // Complete, in the new sync s2
    ]);
  });

  it('when access was lost (AuthError), offers Reconnect, which opens Link for the same company', async () => {
    const backend = new FakeBackend();
    backend.companies = [linkedCompany()];
    backend.statuses = [statuses(['invoices', 'AuthError'])];
    const h = await readyJourney(backend);
    await h.click('Connect');
    sendCallbackOverChannel(`?statusCode=200&state=${popup.state()}`);
    await h.until('error');
    expect(h.alert()).to.equal(
      'Your accounting software needs you again Its permission to share data has ended. Connect it again to carry on.',
    );
    await expect(h.element).to.be.accessible();
    await h.click('Reconnect');
    expect(h.element.state).to.equal('linking');
    expect(popup.opened).to.have.length(2);
    expect(backend.calls.filter((c) => c.startsWith('create'))).to.have.length(1);
  });

  it('never opens a Link URL outside the allowed origins', async () => {
    const backend = new FakeBackend();
    backend.created = [company({ redirect: 'javascript:alert(1)' })];
    const h = await mount(backend);
    await h.type('Acme');
    await h.submit();
    await h.until('ready');
    await h.click('Connect');
    expect(popup.opened).to.deep.equal([]);
    expect(h.element.state).to.equal('error');
    expect(h.events.at(-1)?.detail).to.include({ code: 'link-url-rejected' });
  });
});

describe('<company-onboard>: when the popup is blocked', () => {
  it('in popup mode, explains and offers to try again', async () => {
    const stub = stubWindowOpen(true);
    try {
      const backend = new FakeBackend();
      backend.created = [company()];
      const h = await mount(backend, { linkMode: 'popup' });
      await h.type('Acme');
      await h.submit();
      await h.until('ready');
      await h.click('Connect');
      expect(h.alert()).to.contain('Your browser blocked the window Allow pop-ups for this site');
      expect(h.button('Try again')).to.exist;
    } finally {
      stub.restore();
    }
  });

  it('in auto mode, falls back to a redirect the host page may veto', async () => {
    const stub = stubWindowOpen(true);
    try {
      const backend = new FakeBackend();
      backend.created = [company()];
      const h = await mount(backend, { linkMode: 'auto' });
      h.element.addEventListener('onboard-before-redirect', (e) => e.preventDefault());
      await h.type('Acme');
      await h.submit();
      await h.until('ready');
      await h.click('Connect');
      expect(h.eventTypes().slice(-4)).to.deep.equal([
        'onboard-popup-blocked',
        'onboard-before-redirect',
        'state:ready',
        'onboard-cancel',
      ]);
      expect(h.events.at(-1)?.detail).to.include({ reason: 'redirect-vetoed' });
    } finally {
      stub.restore();
    }
  });
});
