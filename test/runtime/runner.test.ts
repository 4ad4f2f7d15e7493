import { expect } from 'chai';
import { HttpError } from '../../src/backend/index.ts';
import { SAVED_JOURNEY_TTL_MS } from '../../src/link/index.ts';
import { initialContext, type JourneySnapshot } from '../../src/machine/index.ts';
import * as followSyncModule from '../../src/runtime/follow-sync.ts';
import { flush } from '../sync/manual-clock.ts';
import { COMPANY, LINKED, journeyKit, readyKit, status, success } from './kit.ts';

describe('runner: a whole journey in Node, no DOM', () => {
  it('creates, opens Link, takes the popup’s callback, confirms, follows the sync on the clock and completes', async () => {
    const kit = await readyKit();
    expect(kit.state()).to.equal('ready');
    kit.backend.statuses = [status('Queued'), status('Fetching'), status('Complete')];
    kit.runner.send({ type: 'LINK.OPEN' });
    expect(kit.link.asked).to.deep.equal([`popup ${COMPANY.redirect}?state=n3`]);
    kit.link.popup().onCallback(success('n3'));
    await flush();
    expect(kit.state()).to.equal('syncing');
    await kit.time.next();
    await kit.time.next();
    expect(kit.state()).to.equal('complete');
    expect(kit.time.pending()).to.equal(0);
    expect(kit.types()).to.deep.equal([
      'state:creating',
      'state:ready',
      'company-created',
      'link-ready',
      'state:linking',
      'link-opened',
      'state:confirming',
      'state:syncing',
      'linked',
      'sync-progress',
      'sync-progress',
      'state:complete',
      'sync-progress',
      'complete',
    ]);
    // One journey id on every event and every request; the company on every event once it exists.
    const journeyId = kit.runner.getSnapshot().context.journeyId;
    expect(journeyId).to.equal('n1');
    expect(new Set(kit.events.map((e) => e.detail.journeyId))).to.deep.equal(new Set([journeyId]));
    expect(new Set(kit.backend.calls.map((c) => c.journeyId))).to.deep.equal(new Set([journeyId]));
    expect(kit.events.slice(1).every((e) => e.detail.companyId === 'c-1')).to.equal(true);
    expect(kit.backend.names()).to.deep.equal([
      'create Acme Ltd n2',
      'get c-1',
      'status c-1',
      'status c-1',
      'status c-1',
    ]);
  });

  it('saves the journey after every transition, before any effect runs: the key is kept before the create is sent', async () => {
    const kit = journeyKit();
    const seen: (JourneySnapshot | undefined)[] = [];
    kit.backend.onCall = () => seen.push(kit.store.load('signup')?.snapshot);
    kit.runner.start();
    kit.runner.send({ type: 'NAME.SUBMIT', name: 'Acme Ltd' });
    expect(seen[0]?.state).to.equal('creating');
    expect(seen[0]?.context.idempotencyKey).to.equal('n2');
    await flush();
    expect(kit.store.load('signup')?.snapshot.state).to.equal('ready');
  });

  it('a popup closed without an answer goes back to Connect and stops watching', async () => {
    const kit = await readyKit();
    kit.runner.send({ type: 'LINK.OPEN' });
    expect(kit.link.state.watching).to.equal(true);
    kit.link.popup().onClosed();
    expect(kit.state()).to.equal('ready');
    expect(kit.runner.getSnapshot().context.notice).to.equal('popup-closed');
    expect(kit.link.state.watching).to.equal(false);
  });

  it('refuses a callback without state: no confirmation is asked', async () => {
    const kit = await readyKit();
    kit.runner.send({ type: 'LINK.OPEN' });
    kit.link.popup().onCallback(success(null));
    await flush();
    expect(kit.state()).to.equal('error');
    expect(kit.runner.getSnapshot().context.error?.code).to.equal('callback-state-mismatch');
    expect(kit.backend.names().filter((c) => c.startsWith('get'))).to.deep.equal([]);
  });
});

describe('runner: failures and late answers', () => {
  it('a failed create keeps the name and the key; "Try again" sends the same key', async () => {
    const kit = journeyKit();
    kit.backend.created = [new HttpError(500, { serverText: 'Busy.' }), COMPANY];
    kit.runner.start();
    kit.runner.send({ type: 'NAME.SUBMIT', name: 'Acme Ltd' });
    await flush();
    expect(kit.runner.getSnapshot().context.error).to.deep.include({
      code: 'server-error',
      step: 'creating',
    });
    kit.runner.send({ type: 'RETRY' });
    await flush();
    expect(kit.state()).to.equal('ready');
    expect(kit.backend.names()).to.deep.equal(['create Acme Ltd n2', 'create Acme Ltd n2']);
  });

  it('a call that is not a backend error is reported as unexpected; an abort is not reported', async () => {
    const kit = journeyKit();
    kit.backend.created = [new TypeError('boom')];
    kit.runner.start();
    kit.runner.send({ type: 'NAME.SUBMIT', name: 'Acme Ltd' });
    await flush();
    expect(kit.runner.getSnapshot().context.error?.code).to.equal('unexpected');
  });

  it('drops the answer of a call still in flight when the runner stops', async () => {
    const kit = journeyKit();
    let answerFirst: (company: typeof COMPANY) => void = () => undefined;
    kit.backend.created = [new Promise((resolve) => (answerFirst = resolve))];
    kit.runner.start();
    kit.runner.send({ type: 'NAME.SUBMIT', name: 'Acme Ltd' });
    await flush();
    // The element was removed while the create was in flight: its late answer must change nothing.
    kit.runner.stop();
    answerFirst(COMPANY);
    await flush();
    expect(kit.state()).to.equal('creating');
    expect(kit.events.filter((e) => e.type === 'company-created')).to.deep.equal([]);
  });

  it('a sync follower that fails to load is a failed step: "Try again" loads it again and follows the sync', async () => {
    let loads = 0;
    const kit = journeyKit({}, () =>
      ++loads === 1
        ? Promise.reject(new TypeError('Failed to fetch dynamically imported module'))
        : Promise.resolve(followSyncModule),
    );
    kit.backend.created = [COMPANY];
    kit.backend.companies = [LINKED];
    kit.backend.statuses = [status('Complete')];
    kit.runner.start();
    kit.runner.send({ type: 'NAME.SUBMIT', name: 'Acme Ltd' });
    await flush();
    kit.runner.send({ type: 'LINK.OPEN' });
    kit.link.popup().onCallback(success('n3'));
    await flush();
    expect(kit.state()).to.equal('error', 'not stuck in syncing');
    expect(kit.runner.getSnapshot().context.error).to.deep.include({ code: 'unexpected', step: 'syncing' });
    kit.runner.send({ type: 'RETRY' });
    await flush();
    expect(kit.state()).to.equal('complete');
    expect(loads).to.equal(2);
  });

  it('after stop(), intents and answers change nothing and tell nothing', async () => {
    const kit = await readyKit();
    const before = kit.runner.getSnapshot();
    const told = kit.events.length;
    kit.runner.stop();
    kit.runner.send({ type: 'LINK.OPEN' });
    await flush();
    expect(kit.runner.getSnapshot()).to.equal(before);
    expect(kit.events.length).to.equal(told);
    expect(kit.link.asked).to.deep.equal([]);
  });
});

describe('runner: subscribers', () => {
  it('hears every change once, nothing for an event that changes nothing, and nothing after unsubscribing', async () => {
    const kit = journeyKit();
    const heard: string[] = [];
    const unsubscribe = kit.runner.subscribe((snapshot) => heard.push(snapshot.state));
    kit.runner.start();
    kit.runner.send({ type: 'LINK.OPEN' }); // idle takes no LINK.OPEN
    kit.runner.send({ type: 'NAME.SUBMIT', name: 'Acme Ltd' });
    await flush();
    expect(heard).to.deep.equal(['idle', 'creating', 'ready']);
    expect(kit.types().filter((t) => t.startsWith('state:'))).to.deep.equal([
      'state:creating',
      'state:ready',
    ]);
    unsubscribe();
    kit.runner.send({ type: 'LINK.OPEN' });
    expect(heard).to.have.length(3);
  });

  it('stop() on a runner that never started is harmless', () => {
    const kit = journeyKit();
    expect(() => kit.runner.stop()).not.to.throw();
    kit.runner.start();
    expect(kit.events).to.deep.equal([]);
  });

  it('a vetoed redirect tells why', async () => {
    const kit = await readyKit({ linkMode: 'redirect' });
    kit.veto();
    kit.runner.send({ type: 'LINK.OPEN' });
    expect(kit.events.at(-1)).to.deep.equal({
      type: 'cancel',
      detail: { reason: 'redirect-vetoed', journeyId: 'n1', companyId: 'c-1' },
    });
  });
});

describe('runner: leaving for Link', () => {
  it('auto mode: a blocked popup becomes a redirect the host page may see first', async () => {
    const kit = await readyKit({ linkMode: 'auto' });
    kit.link.state.opening = 'blocked';
    kit.runner.send({ type: 'LINK.OPEN' });
    expect(kit.link.asked).to.deep.equal([
      `popup ${COMPANY.redirect}?state=n3`,
      `redirect ${COMPANY.redirect}?state=n3`,
    ]);
    expect(kit.redirects).to.deep.equal([`${COMPANY.redirect}?state=n3`]);
    expect(kit.types().slice(-3)).to.deep.equal(['state:linking', 'popup-blocked', 'link-opened']);
    expect(kit.store.load('signup')?.snapshot.context.linkMode).to.equal('redirect');
  });

  it('a vetoed redirect stays on the page', async () => {
    const kit = await readyKit({ linkMode: 'redirect' });
    kit.veto();
    kit.runner.send({ type: 'LINK.OPEN' });
    expect(kit.link.asked).to.deep.equal([]);
    expect(kit.state()).to.equal('ready');
    expect(kit.events.at(-1)).to.deep.include({ type: 'cancel' });
  });

  it('never leaves when the journey could not be saved', async () => {
    const kit = await readyKit({ linkMode: 'redirect' });
    kit.storage.setItem = () => {
      throw new DOMException('quota', 'QuotaExceededError');
    };
    kit.runner.send({ type: 'LINK.OPEN' });
    expect(kit.link.asked).to.deep.equal([]);
    expect(kit.redirects).to.deep.equal([]);
    expect(kit.runner.getSnapshot().context.error?.code).to.equal('storage-unavailable');
  });

  it('never opens a Link URL that is not allowed, in either window', async () => {
    for (const linkMode of ['popup', 'redirect'] as const) {
      const kit = await readyKit({ linkMode });
      kit.link.state.allowed = false;
      kit.runner.send({ type: 'LINK.OPEN' });
      expect(kit.redirects).to.deep.equal([]);
      expect(kit.runner.getSnapshot().context.error?.code).to.equal('link-url-rejected');
    }
  });

  it('in a webview, auto mode redirects without trying a popup', async () => {
    const kit = await readyKit({ linkMode: 'auto' });
    kit.link.state.webview = true;
    kit.runner.send({ type: 'LINK.OPEN' });
    expect(kit.link.asked).to.deep.equal([`redirect ${COMPANY.redirect}?state=n3`]);
  });
});

describe('runner: starting again after a reload', () => {
  const saved = (state: JourneySnapshot['state'], extra = {}) => ({
    snapshot: {
      state,
      context: {
        ...initialContext,
        journeyId: 'j-old',
        companyName: 'Acme Ltd',
        idempotencyKey: 'k1',
        companyId: 'c-1',
        company: COMPANY,
        ...extra,
      },
    },
    returnUrl: 'https://app.example/signup',
  });

  it('resumes a sync: polling goes on under the same journey id, nothing created', async () => {
    const kit = journeyKit();
    kit.store.save('signup', saved('syncing'));
    kit.runner.start();
    await flush();
    expect(kit.state()).to.equal('complete');
    expect(kit.backend.names()).to.deep.equal(['status c-1']);
    expect(kit.backend.calls[0]?.journeyId).to.equal('j-old');
  });

  it('takes the callback of a redirect back: URL cleaned, link confirmed', async () => {
    const kit = journeyKit({ linkMode: 'redirect' });
    kit.store.save('signup', saved('linking', { linkState: 'n-saved', linkMode: 'redirect' }));
    kit.link.state.callback = success('n-saved');
    kit.runner.start();
    await flush();
    expect(kit.link.asked).to.deep.equal(['clean']);
    expect(kit.backend.names()).to.deep.equal(['get c-1', 'status c-1']);
    expect(kit.state()).to.equal('complete');
  });

  it('in the Link popup hands the callback over instead of taking it', () => {
    const kit = journeyKit();
    kit.store.save('signup', saved('linking', { linkState: 'n-saved', linkMode: 'popup' }));
    kit.link.state.callback = success('n-saved');
    kit.runner.start();
    expect(kit.link.asked).to.deep.equal(['hand-off']);
    expect(kit.runner.getSnapshot().context.handedOff).to.equal(true);
    expect(kit.backend.calls).to.deep.equal([]);
  });

  it('does not resume a journey saved for another company-id: loads the one it was given', async () => {
    const kit = journeyKit({ companyId: 'c-2', intent: 'reconnect' });
    kit.store.save('signup', saved('syncing'));
    kit.backend.companies = [{ ...LINKED, id: 'c-2' }];
    kit.runner.start();
    await flush();
    expect(kit.backend.names()).to.deep.equal(['get c-2']);
    expect(kit.runner.getSnapshot().context.companyId).to.equal('c-2');
  });

  it('purges journeys that expired, whoever left them', () => {
    const kit = journeyKit();
    kit.store.save('old', saved('ready'));
    kit.time.pass(SAVED_JOURNEY_TTL_MS);
    kit.runner.start();
    expect(kit.storage.length).to.equal(0);
  });

  it('back from Link to a page restored from the back/forward cache: connect again', async () => {
    const kit = await readyKit();
    kit.runner.send({ type: 'LINK.OPEN' });
    kit.link.restore();
    expect(kit.state()).to.equal('ready');
    expect(kit.runner.getSnapshot().context.notice).to.equal('link-unfinished');
  });
});

describe('runner: polling belongs to the page', () => {
  async function syncingKit() {
    const kit = await readyKit();
    kit.backend.statuses = [status('Fetching')];
    kit.runner.send({ type: 'LINK.OPEN' });
    kit.link.popup().onCallback(success('n3'));
    await flush();
    return kit;
  }
  const reads = (kit: ReturnType<typeof journeyKit>) =>
    kit.backend.names().filter((c) => c.startsWith('status')).length;

  it('reads nothing while the tab is hidden, and one reading at once when it is back, never two chains', async () => {
    const kit = await syncingKit();
    expect(reads(kit)).to.equal(1);
    await kit.page.set('hidden');
    await kit.time.next();
    expect(reads(kit)).to.equal(1);
    await kit.page.set('visible');
    expect(reads(kit)).to.equal(2);
    await kit.page.set('hidden');
    await kit.page.set('visible');
    expect(reads(kit)).to.equal(2);
    expect(kit.time.pending()).to.equal(1);
  });

  it('stop() leaves no timer, listener or answer behind', async () => {
    const kit = await syncingKit();
    kit.runner.stop();
    expect(kit.time.pending()).to.equal(0);
    expect(kit.page.listeners()).to.equal(0);
    expect(kit.link.listeners()).to.equal(0);
    const before = kit.events.length;
    kit.runner.send({ type: 'RETRY' });
    await flush();
    expect(kit.events.length).to.equal(before);
  });

  it('a failure carries its code, parameters and the platform’s correlation id', async () => {
    const kit = await syncingKit();
    kit.backend.statuses = [
      new HttpError(502, { code: 'platform-error', serverText: 'Down.', correlationId: 'corr-9' }),
    ];
    await kit.time.next();
    expect(kit.events.at(-1)).to.deep.equal({
      type: 'error',
      detail: {
        error: {
          code: 'platform-error',
          params: { status: 502, serverText: 'Down.' },
          step: 'syncing',
          correlationId: 'corr-9',
        },
        journeyId: 'n1',
        companyId: 'c-1',
      },
    });
    expect(kit.time.pending()).to.equal(0);
  });

  it('a sync past its time limit stops with a retryable error; "Try again" follows it again', async () => {
    const kit = await readyKit({ polling: { initialDelayMs: 1000, maxDelayMs: 1000, timeoutMs: 2500 } });
    kit.backend.statuses = [status('Queued')];
    kit.runner.send({ type: 'LINK.OPEN' });
    kit.link.popup().onCallback(success('n3'));
    await flush();
    await kit.time.next();
    await kit.time.next();
    await kit.time.next();
    expect(kit.runner.getSnapshot().context.error?.code).to.equal('sync-timeout');
    kit.runner.send({ type: 'RETRY' });
    await flush();
    expect(kit.state()).to.equal('syncing');
  });

  it('a refresh from the dashboard is queued once, then the status is followed', async () => {
    const kit = journeyKit({ companyId: 'c-1', intent: 'manage' });
    // The dashboard's read and the baseline show the last sync; the reading after the refresh a new one.
    kit.backend.statuses = [status('Complete', 's1'), status('Complete', 's1'), status('Complete', 's2')];
    kit.runner.start();
    await flush();
    expect(kit.state()).to.equal('overview');
    kit.runner.send({ type: 'DATA.REFRESH' });
    await flush();
    expect(kit.backend.names()).to.deep.equal([
      'get c-1',
      'status c-1',
      'status c-1',
      'refresh c-1',
      'status c-1',
      'get c-1',
      'status c-1',
    ]);
    expect(kit.state()).to.equal('overview');
  });
});
