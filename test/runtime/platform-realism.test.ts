/**
 * The runner against a backend that behaves like Codat where it is inconvenient: syncs that must be told from
 * the last one, types the platform never fetches, Link URLs that work once, pending connections, limits that
 * retrying cannot lift. Time is the manual clock's; nothing sleeps.
 */
import { expect } from 'chai';
import type { Company, DataStatuses } from '../../src/backend/index.ts';
import { HttpError } from '../../src/backend/index.ts';
import { flush } from '../sync/manual-clock.ts';
import { COMPANY, LINKED, journeyKit, readyKit, status, success } from './kit.ts';

const DEAUTHORIZED: Company = {
  ...COMPANY,
  dataConnections: [
    {
      id: 'conn-1',
      platformName: 'Xero',
      status: 'Deauthorized',
      linkUrl: 'https://link-api.codat.io/companies/c-1/connections/conn-1/start',
    },
  ],
};

const PENDING: Company = {
  ...COMPANY,
  dataConnections: [
    {
      id: 'conn-p',
      platformName: 'Xero',
      status: 'PendingAuth',
      linkUrl: 'https://link-api.codat.io/companies/c-1/connections/conn-p/start',
    },
  ],
};

const two = (invoices: string | undefined, orders: string | undefined, syncId = 's1'): DataStatuses => ({
  invoices: {
    dataType: 'invoices',
    ...(invoices === undefined ? {} : { currentStatus: invoices, latestSyncId: syncId }),
  },
  purchaseOrders: {
    dataType: 'purchaseOrders',
    ...(orders === undefined ? {} : { currentStatus: orders, latestSyncId: 'q1' }),
  },
});

/** Connect, and come back from Link authorised. */
async function authorise(kit: Awaited<ReturnType<typeof readyKit>>): Promise<void> {
  kit.runner.send({ type: 'LINK.OPEN' });
  kit.link.popup().onCallback(success(kit.link.nonce()));
  await flush();
}

describe('runner: a new sync is told from the last one', () => {
  it('after re-authorising, queues a refresh itself and never loops on the old AuthError', async () => {
    const kit = journeyKit({ companyId: 'c-1', intent: 'reconnect' });
    kit.backend.companies = [DEAUTHORIZED, LINKED];
    // Baseline and first readings still show the sync that failed; then the one we asked for.
    kit.backend.statuses = [
      status('AuthError', 's1'),
      status('AuthError', 's1'),
      status('Fetching', 's2'),
      status('Complete', 's2'),
    ];
    kit.runner.start();
    await flush();
    expect(kit.state()).to.equal('ready');
    kit.runner.send({ type: 'LINK.OPEN' });
    expect(kit.link.asked[0]).to.match(
      /^popup https:\/\/link-api\.codat\.io\/companies\/c-1\/connections\/conn-1\/start\?state=/,
    );
    kit.link.popup().onCallback(success(kit.link.nonce()));
    await flush();
    expect(kit.state()).to.equal('syncing');
    expect(kit.backend.names()).to.deep.equal([
      'get c-1',
      'get c-1',
      'status c-1',
      'refresh c-1',
      'status c-1',
    ]);
    expect(kit.runner.getSnapshot().context.progress?.types[0]).to.deep.equal({
      dataType: 'invoices',
      status: null,
      phase: 'pending',
    });
    await kit.time.next();
    expect(kit.state()).to.equal('syncing');
    await kit.time.next();
    expect(kit.state()).to.equal('complete');
  });

  it('after a company’s first link, follows the sync the platform started by itself, asking for none', async () => {
    const kit = await readyKit();
    kit.backend.statuses = [status('Complete', 's1')];
    await authorise(kit);
    expect(kit.state()).to.equal('complete');
    expect(kit.backend.names().filter((name) => name.startsWith('refresh'))).to.deep.equal([]);
  });

  it('"Refresh data" never reports the previous sync’s Complete as done', async () => {
    const kit = journeyKit({ companyId: 'c-1', intent: 'manage' });
    kit.backend.statuses = [
      status('Complete', 's1'),
      status('Complete', 's1'),
      status('Complete', 's1'),
      status('Complete', 's1'),
      status('Queued', 's2'),
      status('Complete', 's2'),
    ];
    kit.runner.start();
    await flush();
    kit.runner.send({ type: 'DATA.REFRESH' });
    await flush();
    await kit.time.next();
    expect(kit.state()).to.equal('syncing');
    await kit.time.next();
    expect(kit.state()).to.equal('syncing');
    await kit.time.next();
    expect(kit.state()).to.equal('overview');
    expect(kit.types()).to.include('complete');
  });

  it('a reload in the middle of a refresh keeps judging against the same baseline', async () => {
    const kit = journeyKit({ companyId: 'c-1', intent: 'manage' });
    kit.backend.statuses = [status('Complete', 's1')];
    kit.runner.start();
    await flush();
    kit.runner.send({ type: 'DATA.REFRESH' });
    await flush();
    const saved = kit.runner.getSnapshot().context.watch.baseline;
    expect(saved).to.deep.equal({ invoices: { syncId: 's1', status: 'Complete' } });
    expect(kit.state()).to.equal('syncing');
    kit.runner.stop();

    // The page reloads: a new runner finds the saved journey, and the old sync is still not news.
    const again = journeyKit({ companyId: 'c-1', intent: 'manage' });
    const journey = kit.store.load('signup');
    if (journey === null) throw new Error('nothing saved');
    again.store.save('signup', journey);
    again.backend.statuses = [status('Complete', 's1'), status('Complete', 's3')];
    again.runner.start();
    await flush();
    expect(again.runner.getSnapshot().context.watch.baseline).to.deep.equal(saved);
    expect(again.state()).to.equal('syncing');
    await again.time.next();
    expect(again.backend.names().slice(0, 2)).to.deep.equal(['status c-1', 'status c-1']);
    expect(again.types()).to.include('complete');
  });
});

describe('runner: data types the platform never fetched', () => {
  it('are not waited for unless required', async () => {
    const kit = await readyKit();
    kit.backend.statuses = [two('Complete', undefined)];
    await authorise(kit);
    expect(kit.state()).to.equal('complete');
    expect(kit.runner.getSnapshot().context.progress?.types.map((t) => t.dataType)).to.deep.equal([
      'invoices',
    ]);
  });

  it('a required one is queued once, and followed when it starts', async () => {
    const kit = await readyKit({ requiredDataTypes: ['invoices', 'purchaseOrders'] });
    kit.backend.statuses = [
      two('Complete', undefined),
      two('Complete', 'Queued'),
      two('Complete', 'Complete'),
    ];
    await authorise(kit);
    await kit.time.next();
    await kit.time.next();
    expect(kit.state()).to.equal('complete');
    expect(kit.backend.names().filter((name) => name.startsWith('queue'))).to.deep.equal([
      'queue c-1 purchaseOrders',
    ]);
  });

  it('waits a grace period before queueing when nothing else has started either', async () => {
    const kit = await readyKit({ requiredDataTypes: ['purchaseOrders'] });
    kit.backend.statuses = [two(undefined, undefined)];
    await authorise(kit);
    const queued = (): string[] => kit.backend.names().filter((name) => name.startsWith('queue'));
    let waited = 0;
    while (queued().length === 0) waited += await kit.time.next();
    // Not before the grace period, and at the first reading after it (one capped, jittered delay later).
    expect(waited)
      .to.be.at.least(10_000)
      .and.below(10_000 + 2 * 7_000 * 1.2);
  });

  it('one still not started after the bound ends the journey naming it; "Try again" queues it again', async () => {
    const kit = await readyKit({ requiredDataTypes: ['invoices', 'purchaseOrders'], startTimeoutMs: 20_000 });
    kit.backend.statuses = [two('Complete', undefined)];
    await authorise(kit);
    const queuedAt = kit.time.now();
    while (kit.state() === 'syncing') await kit.time.next();
    const { error } = kit.runner.getSnapshot().context;
    expect(error).to.deep.include({ code: 'sync-not-started', step: 'syncing' });
    expect(error?.params).to.deep.equal({ types: ['purchaseOrders'] });
    const late = kit.time.now() - queuedAt;
    expect(late)
      .to.be.at.least(20_000)
      .and.below(20_000 + 7_000 * 1.2 + 1);
    expect(kit.backend.names().filter((name) => name.startsWith('queue'))).to.have.length(1);

    kit.runner.send({ type: 'RETRY' });
    await flush();
    await kit.time.next();
    expect(kit.backend.names().filter((name) => name.startsWith('queue'))).to.have.length(2);
  });

  it('a backend without the queue call still ends with the type named, after the bound', async () => {
    const kit = await readyKit({ requiredDataTypes: ['purchaseOrders'], startTimeoutMs: 5_000 });
    Object.assign(kit.backend, { queueDataType: undefined });
    kit.backend.statuses = [two('Complete', undefined)];
    await authorise(kit);
    while (kit.state() === 'syncing') await kit.time.next();
    expect(kit.runner.getSnapshot().context.error?.code).to.equal('sync-not-started');
  });
});

describe('runner: a Link URL is opened once', () => {
  it('after a cancel, Connect opens a blank popup in the click and sends it to a fresh URL', async () => {
    const kit = await readyKit();
    kit.runner.send({ type: 'LINK.OPEN' });
    kit.link.popup().onCallback({ kind: 'cancelled', state: kit.link.nonce() });
    await flush();
    expect(kit.state()).to.equal('ready');
    const fresh = { ...COMPANY, redirect: 'https://link.codat.io/company/c-1?link.otp=two' };
    kit.backend.companies = [fresh];
    kit.link.asked.length = 0;
    kit.runner.send({ type: 'LINK.OPEN' });
    expect(kit.link.asked).to.deep.equal(['popup null']);
    await flush();
    expect(kit.link.asked).to.deep.equal([
      'popup null',
      'navigate https://link.codat.io/company/c-1?link.otp=two&state=n4',
    ]);
    expect(kit.backend.names().at(-1)).to.equal('get c-1');
    expect(kit.state()).to.equal('linking');
  });

  it('closes the blank popup with a clear error when the fresh URL never comes; "Try again" asks again', async () => {
    const kit = await readyKit();
    kit.runner.send({ type: 'LINK.OPEN' });
    kit.link.popup().onClosed();
    await flush();
    kit.backend.companies = [new HttpError(503, { code: 'unavailable' })];
    kit.runner.send({ type: 'LINK.OPEN' });
    await flush();
    expect(kit.link.asked.slice(-2)).to.deep.equal(['popup null', 'close']);
    expect(kit.runner.getSnapshot().context.error).to.deep.include({
      code: 'link-url-unavailable',
      step: 'linking',
    });
    kit.backend.companies = [COMPANY];
    kit.runner.send({ type: 'RETRY' });
    await flush();
    expect(kit.link.asked.slice(-2)).to.deep.equal(['popup null', `navigate ${COMPANY.redirect}?state=n5`]);
  });

  it('auto mode with the blank popup blocked redirects once the fresh URL comes', async () => {
    const kit = await readyKit({ linkMode: 'auto' });
    kit.runner.send({ type: 'LINK.OPEN' });
    kit.link.popup().onClosed();
    await flush();
    kit.link.state.opening = 'blocked';
    kit.runner.send({ type: 'LINK.OPEN' });
    expect(kit.redirects).to.deep.equal([]);
    await flush();
    expect(kit.redirects).to.deep.equal([`${COMPANY.redirect}?state=n4`]);
    expect(kit.types()).to.include('popup-blocked');
  });
});

describe('runner: pending connections', () => {
  it('Connect lets the user choose again (the company’s page); continuing opens the pending connection', async () => {
    const kit = journeyKit({ companyId: 'c-1', intent: 'manage' });
    kit.backend.companies = [PENDING];
    kit.runner.start();
    await flush();
    kit.runner.send({ type: 'LINK.OPEN' });
    expect(kit.link.asked.at(-1)).to.equal(`popup ${COMPANY.redirect}?state=n2`);
    kit.link.popup().onClosed();
    await flush();
    kit.runner.send({ type: 'LINK.OPEN', connectionId: 'conn-p' });
    await flush();
    expect(kit.link.asked.at(-1)).to.equal(
      'navigate https://link-api.codat.io/companies/c-1/connections/conn-p/start?state=n3',
    );
  });
});

describe('runner: failures retrying cannot fix', () => {
  it('an account limit (402) offers no "Try again", and the name typed is kept', async () => {
    const kit = journeyKit();
    kit.backend.created = [new HttpError(402, { code: 'account-limit' })];
    kit.runner.start();
    kit.runner.send({ type: 'NAME.SUBMIT', name: 'Acme Ltd' });
    await flush();
    const { error, companyName } = kit.runner.getSnapshot().context;
    expect(error).to.deep.include({ code: 'account-limit', step: null });
    expect(companyName).to.equal('Acme Ltd');
    expect(kit.backend.names()).to.have.length(1);
  });
});
