/**
 * The element where the platform is inconvenient: names it stores differently, one-time Link URLs, pending
 * connections, dates that are not dates, and limits retrying cannot lift.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { HttpError } from '../../src/backend/index.ts';
import { COMPANY_ID, FakeBackend, company, linkedCompany } from './fake-backend.ts';
import { mount } from './harness.ts';
import { sendCallbackOverChannel, stubWindowOpen } from './popup-stub.ts';

const pendingUrl = `https://link-api.codat.io/companies/${COMPANY_ID}/connections/conn-p/start?otp=one`;
const pending = () =>
  company({
    dataConnections: [{ id: 'conn-p', platformName: 'Xero', status: 'PendingAuth', linkUrl: pendingUrl }],
  });

describe('<company-onboard>: as the platform really is', () => {
  let popup: ReturnType<typeof stubWindowOpen>;
  beforeEach(() => {
    popup = stubWindowOpen();
  });
  afterEach(() => popup.restore());

  it('says how a name will be saved before creating it, and sends it exactly as typed', async () => {
    const backend = new FakeBackend();
    backend.created = [company({ name: 'Cafe Muller' })];
    const h = await mount(backend);
    await h.type('Café Müller');
    // Codat's spelling rules load with the first name they could change.
    await waitUntil(() => h.text().includes('It will be saved as “Cafe Muller”'), 'no hint');
    await h.element.updateComplete;
    expect(h.input?.getAttribute('aria-describedby')).to.equal('name-saved-as');
    await h.type('Acme Ltd');
    expect(h.text()).not.to.contain('will be saved as');
    await h.type('Café Müller');
    await h.submit();
    await h.until('ready');
    expect(backend.calls).to.deep.equal(['create Café Müller']);
    await expect(h.element).to.be.accessible();
  });

  it('after a cancel, Connect opens a blank window in the click and sends it to a fresh Link URL', async () => {
    const backend = new FakeBackend();
    backend.created = [company({ redirect: `https://link.codat.io/company/${COMPANY_ID}?link.otp=one` })];
    backend.companies = [company({ redirect: `https://link.codat.io/company/${COMPANY_ID}?link.otp=two` })];
    const h = await mount(backend);
    await h.type('Acme Ltd');
    await h.submit();
    await h.until('ready');
    await h.click('Connect');
    expect(popup.opened[0]).to.match(/link\.otp=one&state=/);
    sendCallbackOverChannel(`?statusCode=403&state=${popup.state()}`);
    await h.until('ready');
    await h.click('Connect');
    expect(popup.opened[1]).to.equal('');
    await h.until('linking');
    await new Promise((resolve) => setTimeout(resolve, 0));
    await h.element.updateComplete;
    expect(popup.opened[2]).to.match(/link\.otp=two&state=/);
    expect(backend.calls).to.deep.equal(['create Acme Ltd', `get ${COMPANY_ID}`]);
  });

  it('closes the blank window and says so when the fresh Link URL never comes', async () => {
    const backend = new FakeBackend();
    backend.created = [company()];
    backend.companies = [new HttpError(503)];
    const h = await mount(backend);
    await h.type('Acme Ltd');
    await h.submit();
    await h.until('ready');
    await h.click('Connect');
    sendCallbackOverChannel(`?statusCode=403&state=${popup.state()}`);
    await h.until('ready');
    await h.click('Connect');
    await h.until('error');
    expect(popup.popup.closed).to.equal(true);
    expect(h.alert()).to.equal(
      'We couldn’t open the connection page Its window was closed because the page never came. Please try again.',
    );
    expect(h.button('Try again')).to.exist;
  });

  it('the dashboard shows a pending connection as not finished, to continue or to choose other software', async () => {
    const backend = new FakeBackend();
    backend.companies = [pending()];
    backend.statuses = [{}];
    const h = await mount(backend, { companyId: COMPANY_ID, intent: 'manage', id: 'dashboard' });
    await h.until('overview');
    expect(h.text()).to.contain('Xero Not finished');
    expect(h.text()).to.contain('Authorisation was started but never finished.');
    await expect(h.element).to.be.accessible();
    await h.click('Choose other software');
    expect(popup.opened.at(-1)).to.match(
      new RegExp(`^https://link\\.codat\\.io/company/${COMPANY_ID}\\?state=`),
    );
    sendCallbackOverChannel(`?statusCode=403&state=${popup.state()}`);
    await h.until('overview');
    await h.click('Continue with Xero');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(popup.opened.at(-1)).to.match(/connections\/conn-p\/start\?otp=one&state=/);
  });

  it('a last sync that is not a date reads as never synced, and breaks nothing', async () => {
    const backend = new FakeBackend();
    backend.companies = [
      company({
        dataConnections: [
          { id: 'conn-1', platformName: 'Xero', status: 'Linked', lastSync: 'yesterday-ish' },
        ],
      }),
    ];
    backend.statuses = [
      { invoices: { dataType: 'invoices', currentStatus: 'Complete', lastSuccessfulSync: 'n/a' } },
    ];
    const h = await mount(backend, { companyId: COMPANY_ID, intent: 'manage', id: 'dashboard' });
    await h.until('overview');
    expect(h.text()).to.contain('Xero Connected Never synced');
    expect(h.text()).to.contain('Invoices Never synced');
    expect(h.text()).not.to.contain('out of date');
  });

  it('an account limit (402) tells the user it is not their fault, offers no "Try again", keeps the name', async () => {
    const backend = new FakeBackend();
    backend.created = [new HttpError(402, { code: 'account-limit' })];
    const h = await mount(backend);
    await h.type('Acme Ltd');
    await h.submit();
    await h.until('error');
    expect(h.alert()).to.contain('This isn’t something you did, and trying again won’t help');
    expect(h.events.at(-1)?.detail).to.include({ code: 'account-limit', retryable: false });
    expect(h.input?.value).to.equal('Acme Ltd');
    expect(() => h.button('Try again')).to.throw();
  });

  it('re-authorising queues a refresh and follows only the new sync', async () => {
    const backend = new FakeBackend();
    backend.companies = [
      company({
        dataConnections: [
          {
            id: 'conn-1',
            platformName: 'Xero',
            status: 'Deauthorized',
            linkUrl: pendingUrl.replace('conn-p', 'conn-1'),
          },
        ],
      }),
      linkedCompany(),
    ];
    const old = { invoices: { dataType: 'invoices', currentStatus: 'AuthError', latestSyncId: 's1' } };
    backend.statuses = [
      old,
      old,
      { invoices: { dataType: 'invoices', currentStatus: 'Complete', latestSyncId: 's2' } },
    ];
    const h = await mount(backend, { companyId: COMPANY_ID, intent: 'reconnect', id: 'reconnect' });
    await h.until('ready');
    await h.click('Reconnect');
    sendCallbackOverChannel(`?statusCode=200&connectionId=conn-1&state=${popup.state()}`);
    await h.until('complete');
    expect(backend.calls).to.include(`refresh ${COMPANY_ID}`);
    expect(h.events.some((e) => e.type === 'onboard-error')).to.equal(false);
  });
});
