import { expect } from 'chai';
import {
  initialContext,
  transition,
  type JourneyEvent,
  type JourneySnapshot,
} from '../../src/machine/index.ts';
import {
  at,
  brokenCompany,
  callback,
  company,
  failed,
  labels,
  linkedCompany,
  reading,
  request,
  run,
  start,
  success,
} from './fixtures.ts';

const idle: JourneySnapshot = { state: 'idle', context: { ...initialContext, journeyId: 'j-1' } };
const open = { type: 'LINK.OPEN', linkState: 'n1', ...request } as const;
const retry = { type: 'RETRY', linkState: 'n2', ...request } as const;

describe('machine: starting a journey', () => {
  it('starts fresh with the journey id it is given', () => {
    const result = transition({ state: 'idle', context: initialContext }, start());
    expect(result).to.deep.include({ state: 'idle', effects: [] });
    expect(result.context.journeyId).to.equal('j-new');
  });

  it('loads a given company, for the dashboard with its data status', () => {
    const reconnect = transition(idle, start({ companyId: 'c-1' }));
    expect(reconnect.state).to.equal('loading');
    expect(reconnect.effects).to.deep.equal([{ type: 'loadCompany', companyId: 'c-1', withStatuses: false }]);
    const manage = transition(idle, start({ companyId: 'c-1', manage: true }));
    expect(manage.context.home).to.equal('overview');
    expect(manage.effects).to.deep.equal([{ type: 'loadCompany', companyId: 'c-1', withStatuses: true }]);
  });

  it('in the Link popup hands the callback over and does nothing else', () => {
    const result = transition(idle, start({ callback: success().outcome, hasOpener: true }));
    expect(result.context.handedOff).to.equal(true);
    expect(labels(result)).to.deep.equal(['handOffCallback']);
    // No callback, no hand-off, opener or not.
    expect(transition(idle, start({ hasOpener: true })).context.handedOff).to.equal(false);
  });

  it('takes a popup copy of the saved journey for a popup even without an opener (COOP)', () => {
    const saved = at('linking');
    const result = transition(idle, start({ saved, callback: success().outcome, hasOpener: false }));
    expect(labels(result)).to.deep.equal(['handOffCallback']);
  });

  it('after a redirect, resumes the saved journey and takes its callback: URL cleaned, link confirmed', () => {
    const saved = at('linking', { linkMode: 'redirect' });
    const result = transition(idle, start({ saved, callback: success().outcome, hasOpener: true }));
    expect(result.state).to.equal('confirming');
    expect(result.context.journeyId).to.equal('j-1');
    expect(labels(result)).to.deep.equal(['cleanCallbackUrl', 'closeLink', 'checkLink']);
  });

  it('refuses a resumed callback without the saved nonce', () => {
    const saved = at('linking', { linkMode: 'redirect' });
    const result = transition(idle, start({ saved, callback: success('forged').outcome }));
    expect(result.context.error?.code).to.equal('callback-state-mismatch');
  });

  it('ignores a replayed callback once the journey has moved on', () => {
    const saved = at('complete');
    const result = transition(idle, start({ saved, callback: success().outcome }));
    expect(result.state).to.equal('complete');
    expect(labels(result)).to.deep.equal(['cleanCallbackUrl']);
  });

  it('a callback with no saved journey only cleans the URL', () => {
    const result = transition(idle, start({ callback: success().outcome }));
    expect(result.state).to.equal('idle');
    expect(labels(result)).to.deep.equal(['cleanCallbackUrl']);
  });

  it('a reload while Link was open offers to connect again', () => {
    const result = transition(idle, start({ saved: at('linking') }));
    expect(result.state).to.equal('ready');
    expect(result.context.notice).to.equal('link-unfinished');
    expect(result.context.linkState).to.equal(null);
  });

  it('never resumes a saved journey that belongs to another company-id', () => {
    const saved = at('syncing');
    const other = transition(idle, start({ saved, companyId: 'c-2' }));
    expect(other.state).to.equal('loading');
    expect(other.context.companyId).to.equal('c-2');
    expect(other.effects).to.deep.equal([{ type: 'loadCompany', companyId: 'c-2', withStatuses: false }]);
    const same = transition(idle, start({ saved, companyId: 'c-1' }));
    expect(same.state).to.equal('syncing');
  });

  it('resumes each step where it was', () => {
    const cases = [
      ['creating', 'creating', ['createCompany']],
      ['loading', 'loading', ['loadCompany']],
      ['confirming', 'confirming', ['checkLink']],
      ['syncing', 'syncing', ['startSync']],
      ['overview', 'loading', ['loadCompany']],
      ['ready', 'ready', []],
      ['complete', 'complete', []],
      ['error', 'error', []],
    ] as const;
    for (const [saved, state, effects] of cases) {
      const result = transition(idle, start({ saved: at(saved) }));
      expect([saved, result.state, labels(result)]).to.deep.equal([saved, state, effects]);
    }
    const waiting = transition(idle, start({ saved: at('linking', { linkState: null }) }));
    expect(waiting.state).to.equal('ready');
  });

  it('starts only once', () => {
    expect(transition(at('ready'), start({ companyId: 'c-1' })).effects).to.deep.equal([]);
  });
});

describe('machine: creating a company at most once', () => {
  it('sends the name and key with the create effect', () => {
    const result = run(idle, { type: 'NAME.SUBMIT', name: 'Acme', idempotencyKey: 'k1' });
    expect(result.effects).to.deep.equal([{ type: 'createCompany', name: 'Acme', idempotencyKey: 'k1' }]);
  });

  it('keeps the name and reuses the key when "Try again" follows a failed create', () => {
    const result = run(idle, { type: 'NAME.SUBMIT', name: 'Acme', idempotencyKey: 'k1' }, failed(), retry);
    expect(result.state).to.equal('creating');
    expect(result.effects).to.deep.equal([{ type: 'createCompany', name: 'Acme', idempotencyKey: 'k1' }]);
  });

  it('lets the user fix a refused name: a fresh key only when the name changed', () => {
    const refused = run(
      idle,
      { type: 'NAME.SUBMIT', name: 'Acme <b>', idempotencyKey: 'k1' },
      failed('invalid-name', 'name'),
    );
    expect(refused.context.error).to.deep.include({ step: null, field: 'name', code: 'invalid-name' });
    expect(transition(refused, retry).effects).to.deep.equal([]);
    const same = transition(refused, { type: 'NAME.SUBMIT', name: 'Acme <b>', idempotencyKey: 'k2' });
    expect(same.effects).to.deep.equal([{ type: 'createCompany', name: 'Acme <b>', idempotencyKey: 'k1' }]);
    const fixed = transition(refused, { type: 'NAME.SUBMIT', name: 'Acme', idempotencyKey: 'k2' });
    expect(fixed.effects).to.deep.equal([{ type: 'createCompany', name: 'Acme', idempotencyKey: 'k2' }]);
  });

  it('never creates again once a company exists', () => {
    const broken = run(
      at('ready'),
      open,
      callback({ kind: 'failed', code: 'link-failed', state: 'n1', detail: null }),
    );
    expect(broken.state).to.equal('error');
    expect(
      transition(broken, { type: 'NAME.SUBMIT', name: 'Other', idempotencyKey: 'k9' }).effects,
    ).to.deep.equal([]);
  });

  it('tells the world about the company it created, with the full record', () => {
    const result = run(at('creating'), { type: 'COMPANY.CREATED', company });
    expect(result.context.company).to.equal(company);
    expect(result.effects).to.deep.equal([
      { type: 'emit', event: 'company-created', detail: { company } },
      { type: 'emit', event: 'link-ready', detail: { linkUrl: company.redirect } },
    ]);
  });

  it('drops a late load answer for another company', () => {
    const result = transition(at('loading'), {
      type: 'COMPANY.LOADED',
      company: { ...company, id: 'c-2' },
      statuses: null,
    });
    expect(result.state).to.equal('loading');
  });
});

describe('machine: opening Link', () => {
  it('opens a popup with a fresh nonce on the company’s Link URL', () => {
    const result = transition(at('ready'), open);
    expect(result.context).to.deep.include({ linkState: 'n1', linkMode: 'popup', redirectIfBlocked: false });
    expect(result.effects).to.deep.equal([
      { type: 'openLink', window: 'popup', url: company.redirect, linkState: 'n1' },
    ]);
  });

  it('in auto mode a blocked popup becomes a redirect, saying so', () => {
    const opened = transition(at('ready'), { ...open, mode: 'auto' });
    expect(opened.context.redirectIfBlocked).to.equal(true);
    const blocked = transition(opened, { type: 'LINK.POPUP_BLOCKED' });
    expect(blocked.state).to.equal('linking');
    expect(blocked.context).to.deep.include({
      linkMode: 'redirect',
      redirectIfBlocked: false,
      linkState: 'n1',
    });
    expect(blocked.effects).to.deep.equal([
      { type: 'emit', event: 'popup-blocked', detail: {} },
      { type: 'openLink', window: 'redirect', url: company.redirect, linkState: 'n1' },
    ]);
  });

  it('in popup mode a blocked popup is an error that "Try again" reopens', () => {
    const blocked = run(at('ready'), open, { type: 'LINK.POPUP_BLOCKED' });
    expect(blocked.context.error).to.deep.include({ code: 'popup-blocked', step: 'linking' });
    // The blocked attempt spent the URL: a blank popup opens in the click while a fresh one is fetched.
    expect(labels(transition(blocked, retry))).to.deep.equal(['openLink', 'fetchLinkUrl']);
  });

  it('in auto mode inside a webview goes straight to a redirect, saying the popup was not used', () => {
    const result = transition(at('ready'), { ...open, mode: 'auto', inWebview: true });
    expect(result.context).to.deep.include({ linkMode: 'redirect', redirectIfBlocked: false });
    expect(labels(result)).to.deep.equal(['emit:popup-blocked', 'openLink']);
    // Only auto falls back: a popup asked for in a webview is still tried.
    expect(transition(at('ready'), { ...open, inWebview: true }).context.linkMode).to.equal('popup');
  });

  it('redirect mode leaves the page', () => {
    const result = transition(at('ready'), { ...open, mode: 'redirect' });
    expect(result.effects).to.deep.equal([
      { type: 'openLink', window: 'redirect', url: company.redirect, linkState: 'n1' },
    ]);
  });

  it('reports the window Link opened in', () => {
    const result = run(at('ready'), { ...open, mode: 'redirect' }, { type: 'LINK.OPENED' });
    expect(result.effects).to.deep.equal([
      { type: 'emit', event: 'link-opened', detail: { mode: 'redirect' } },
    ]);
  });

  it('refuses a Link URL that is not allowed, and a redirect the browser cannot survive', () => {
    expect(run(at('ready'), open, { type: 'LINK.URL_REJECTED' }).context.error?.code).to.equal(
      'link-url-rejected',
    );
    expect(run(at('ready'), open, { type: 'LINK.STORAGE_FAILED' }).context.error?.code).to.equal(
      'storage-unavailable',
    );
  });

  it('re-authorises on the broken connection’s own Link URL, the most urgent first', () => {
    const result = transition(at('ready', { company: brokenCompany }), open);
    expect(result.effects).to.deep.equal([
      {
        type: 'openLink',
        window: 'popup',
        url: 'https://link-api.codat.io/companies/c-1/connections/conn-1/start',
        linkState: 'n1',
      },
    ]);
    const unlinkedOnly = {
      ...company,
      dataConnections: [{ id: 'x', platformName: 'Sage', status: 'Unlinked' }],
    };
    expect(transition(at('ready', { company: unlinkedOnly }), open).effects).to.deep.include({
      type: 'openLink',
      window: 'popup',
      url: company.redirect,
      linkState: 'n1',
    });
  });

  it('a vetoed redirect or a closed popup goes back to where the user was, with a notice and a cancel', () => {
    const closed = run(at('ready'), open, { type: 'LINK.ABANDONED', reason: 'popup-closed' });
    expect(closed).to.deep.include({ state: 'ready' });
    expect(closed.context).to.deep.include({ notice: 'popup-closed', linkState: null, linkMode: null });
    expect(closed.effects).to.deep.equal([
      { type: 'closeLink' },
      { type: 'emit', event: 'cancel', detail: { reason: 'popup-closed' } },
    ]);
    const vetoed = run(at('overview'), open, { type: 'LINK.ABANDONED', reason: 'redirect-vetoed' });
    expect(vetoed.state).to.equal('overview');
    expect(vetoed.context.notice).to.equal(null);
  });
});

describe('machine: Link callbacks', () => {
  it('confirms a success with the backend before trusting it', () => {
    const result = run(at('linking'), success());
    expect(result.state).to.equal('confirming');
    expect(result.context).to.deep.include({ connectionId: 'conn-1', linkState: null, linkMode: null });
    expect(result.effects).to.deep.equal([
      { type: 'closeLink' },
      { type: 'checkLink', companyId: company.id },
    ]);
  });

  it('refuses a callback without a state, with another state, or replayed', () => {
    for (const state of [null, 'forged']) {
      const result = run(at('linking'), success(state));
      expect(result.state).to.equal('error');
      expect(result.context.error).to.deep.include({ code: 'callback-state-mismatch', step: 'linking' });
      expect(result.effects.some((e) => e.type === 'checkLink')).to.equal(false);
    }
    const confirmed = run(at('linking'), success());
    expect(transition(confirmed, success()).effects).to.deep.equal([]);
    // A journey with no nonce takes no callback at all, even one without state.
    expect(run(at('linking', { linkState: null }), success(null)).context.error?.code).to.equal(
      'callback-state-mismatch',
    );
  });

  it('refuses a callback that names another company, accepts one that names none', () => {
    expect(run(at('linking'), success('nonce-1', { companyId: 'c-2' })).context.error?.code).to.equal(
      'callback-company-mismatch',
    );
    expect(
      run(at('linking'), success('nonce-1', { companyId: null, statusCode: 201, connectionId: null })).state,
    ).to.equal('confirming');
  });

  it('a cancel returns where the user was, with a notice', () => {
    const result = run(at('linking'), callback({ kind: 'cancelled', state: 'nonce-1' }));
    expect(result.state).to.equal('ready');
    expect(result.context.notice).to.equal('user-cancelled');
    expect(result.effects.at(-1)).to.deep.equal({
      type: 'emit',
      event: 'cancel',
      detail: { reason: 'user-cancelled' },
    });
    expect(
      run(at('linking', { home: 'overview' }), callback({ kind: 'cancelled', state: 'nonce-1' })).state,
    ).to.equal('overview');
  });

  it('a failure in Link carries Link’s message, and "Try again" opens Link with a fresh nonce', () => {
    const failedLink = run(
      at('linking'),
      callback({ kind: 'failed', code: 'link-failed', state: 'nonce-1', detail: 'Bad token' }),
    );
    expect(failedLink.context.error).to.deep.equal({
      code: 'link-failed',
      params: { detail: 'Bad token' },
      step: 'linking',
    });
    const again = transition(failedLink, retry);
    expect(again.context.linkState).to.equal('n2');
    expect(labels(again)).to.deep.equal(['openLink']);
    const unsupported = run(
      at('linking'),
      callback({ kind: 'failed', code: 'platform-not-supported', state: 'nonce-1', detail: null }),
    );
    expect(unsupported.context.error?.params).to.deep.equal({});
  });
});

describe('machine: confirming', () => {
  const confirming = at('confirming', { connectionId: 'conn-1' });

  it('a Linked connection (the one named) confirms: linked, then the sync is followed', () => {
    const result = transition(confirming, { type: 'LINK.CHECKED', company: linkedCompany() });
    expect(result.state).to.equal('syncing');
    expect(result.context.company).to.deep.equal(linkedCompany());
    expect(result.effects).to.deep.equal([
      { type: 'emit', event: 'linked', detail: { connectionId: 'conn-1' } },
      { type: 'startSync', companyId: company.id, refresh: false, baseline: false },
    ]);
  });

  it('another Linked connection does not confirm the one named; any does when none was named', () => {
    expect(
      transition(confirming, { type: 'LINK.CHECKED', company: linkedCompany('conn-2') }).context.error?.code,
    ).to.equal('link-not-confirmed');
    const unnamed = transition(at('confirming'), { type: 'LINK.CHECKED', company: linkedCompany('conn-2') });
    expect(unnamed.context.connectionId).to.equal('conn-2');
  });

  it('nothing Linked is not confirmed, and "Try again" goes back to Link', () => {
    const result = transition(confirming, { type: 'LINK.CHECKED', company: brokenCompany });
    expect(result.context.error).to.deep.include({ code: 'link-not-confirmed', step: 'linking' });
    expect(result.context.company).to.equal(brokenCompany);
    expect(transition(result, retry).state).to.equal('linking');
  });
});

describe('machine: syncing', () => {
  it('tells progress, and completes when every type finished', () => {
    const progressed = transition(at('syncing', { refreshing: true }), reading('in-progress'));
    expect(progressed.context.refreshing).to.equal(false);
    expect(progressed.effects).to.deep.equal([
      { type: 'emit', event: 'sync-progress', detail: { progress: progressed.context.progress } },
    ]);
    const done = transition(progressed, reading('finished'));
    expect(done.state).to.equal('complete');
    expect(labels(done)).to.deep.equal(['stopSync', 'emit:sync-progress', 'emit:complete']);
  });

  it('names the failed types, and "Try again" queues a new sync before following it', () => {
    const failedSync = transition(at('syncing'), reading('failed'));
    expect(failedSync.context.error).to.deep.equal({
      code: 'sync-failed',
      params: { types: ['invoices'] },
      step: 'syncing',
    });
    expect(labels(failedSync)).to.deep.equal(['stopSync', 'emit:sync-progress', 'emit:error']);
    expect(transition(failedSync, retry).effects).to.deep.equal([
      { type: 'startSync', companyId: company.id, refresh: true, baseline: true },
    ]);
  });

  it('on AuthError asks to connect again: the retry opens Link for the same company', () => {
    const lost = transition(at('syncing'), reading('failed', 'AuthError'));
    expect(lost.context.error).to.deep.include({ code: 'sync-auth-error', step: 'linking' });
    expect(transition(lost, retry).effects).to.deep.equal([
      { type: 'openLink', window: 'popup', url: company.redirect, linkState: 'n2' },
    ]);
  });

  it('a sync past its time limit can be waited for again, without a new refresh', () => {
    const late = transition(at('syncing'), { type: 'SYNC.TIMED_OUT' });
    expect(late.context.error).to.deep.include({ code: 'sync-timeout', step: 'syncing' });
    expect(transition(late, retry).effects).to.deep.equal([
      { type: 'startSync', companyId: company.id, refresh: false, baseline: false },
    ]);
  });
});

describe('machine: the dashboard (intent="manage")', () => {
  it('rests in overview once the company is loaded, keeping the statuses it read', () => {
    const statuses = { invoices: { dataType: 'invoices' } };
    const result = transition(at('loading', { home: 'overview' }), {
      type: 'COMPANY.LOADED',
      company,
      statuses,
    });
    expect(result.state).to.equal('overview');
    expect(result.context.statuses).to.equal(statuses);
    expect(result.context.companyName).to.equal('Acme Ltd');
  });

  it('"Refresh data" queues a sync, follows it, then reads the company and its status again', () => {
    const refreshing = transition(at('overview'), { type: 'DATA.REFRESH' });
    expect(refreshing.effects).to.deep.equal([
      { type: 'startSync', companyId: company.id, refresh: true, baseline: true },
    ]);
    const done = transition(refreshing, reading('finished'));
    expect(done.state).to.equal('loading');
    expect(done.effects.at(-1)).to.deep.equal({
      type: 'loadCompany',
      companyId: company.id,
      withStatuses: true,
    });
  });
});

describe('machine: "Try again" after a failure, whatever it was', () => {
  it('returns to each step that failed', () => {
    const steps = [
      ['creating', 'createCompany'],
      ['loading', 'loadCompany'],
      ['linking', 'openLink'],
      ['confirming', 'checkLink'],
      ['syncing', 'startSync'],
    ] as const;
    for (const [step, effect] of steps) {
      const broken = transition(at(step), failed('unauthorized'));
      // While Link opens, the only request is for a fresh Link URL: its failure says so.
      const code = step === 'linking' ? 'link-url-unavailable' : 'unauthorized';
      expect(broken.context.error).to.deep.include({ step, code });
      expect(labels(transition(broken, retry))).to.include(effect);
    }
  });

  it('keeps the platform’s correlation id for support', () => {
    const broken = transition(at('loading'), {
      type: 'STEP.FAILED',
      failure: { code: 'platform-error', params: { status: 502 }, correlationId: 'corr-1' },
    });
    expect(broken.context.error).to.deep.equal({
      code: 'platform-error',
      params: { status: 502 },
      step: 'loading',
      correlationId: 'corr-1',
    });
    expect(broken.effects).to.deep.equal([
      { type: 'emit', event: 'error', detail: { error: broken.context.error } },
    ]);
  });

  it('asks again for a refresh whose own request failed', () => {
    const broken = run(at('overview'), { type: 'DATA.REFRESH' }, failed());
    expect(transition(broken, retry).effects).to.deep.equal([
      { type: 'startSync', companyId: company.id, refresh: true, baseline: true },
    ]);
  });

  it('without a company, a later step starts over rather than guess', () => {
    const lost = at('error', {
      companyId: null,
      company: null,
      idempotencyKey: null,
      error: { code: 'x', params: {}, step: 'syncing' },
    });
    expect(transition(lost, retry).state).to.equal('idle');
    const noCompanyRecord = at('error', { company: null, error: { code: 'x', params: {}, step: 'linking' } });
    expect(labels(transition(noCompanyRecord, retry))).to.deep.equal(['loadCompany']);
  });
});

describe('machine: details that decide where Link opens and what an error means', () => {
  it('a company whose connections are all Linked opens the company’s Link page, not a connection’s', () => {
    const linked = {
      ...company,
      dataConnections: [
        {
          id: 'conn-1',
          platformName: 'Xero',
          status: 'Linked',
          linkUrl: 'https://link-api.codat.io/x/start',
        },
      ],
    };
    expect(transition(at('ready', { company: linked }), open).effects).to.deep.equal([
      { type: 'openLink', window: 'popup', url: company.redirect, linkState: 'n1' },
    ]);
  });

  it('any AuthError among the failed types asks to connect again', () => {
    const mixed = {
      type: 'SYNC.READING',
      outcome: 'failed',
      notStarted: [],
      at: 0,
      startTimeoutMs: 60_000,
      progress: {
        types: [
          { dataType: 'invoices', status: 'FetchError', phase: 'failed' },
          { dataType: 'bills', status: 'AuthError', phase: 'failed' },
        ],
        finished: 0,
        total: 2,
      },
    } as const;
    expect(transition(at('syncing'), mixed).context.error?.code).to.equal('sync-auth-error');
  });
});

describe('machine: the small print', () => {
  it('a journey saved waiting for Link without a nonce comes back quietly, with no notice or cancel', () => {
    const result = transition(idle, start({ saved: at('linking', { linkState: null }) }));
    expect(result.state).to.equal('ready');
    expect(result.context.notice).to.equal(null);
    expect(labels(result)).to.deep.equal([]);
  });

  it('a resumed journey is never a hand-off, whatever was saved', () => {
    const result = transition(idle, start({ saved: at('ready', { handedOff: true }) }));
    expect(result.context.handedOff).to.equal(false);
  });

  it('tells where Link will open when a company is loaded, and the reading a failed sync ended on', () => {
    const loaded = transition(at('loading'), {
      type: 'COMPANY.LOADED',
      company: brokenCompany,
      statuses: null,
    });
    expect(loaded.effects).to.deep.equal([
      {
        type: 'emit',
        event: 'link-ready',
        detail: { linkUrl: 'https://link-api.codat.io/companies/c-1/connections/conn-1/start' },
      },
    ]);
    const failedSync = transition(at('syncing'), reading('failed'));
    expect(failedSync.effects[1]).to.deep.equal({
      type: 'emit',
      event: 'sync-progress',
      detail: { progress: failedSync.context.progress },
    });
  });

  it('an error carries only what the failure said: no correlation id when there was none', () => {
    const broken = transition(at('loading'), failed('not-found'));
    expect(broken.context.error).to.deep.equal({ code: 'not-found', params: {}, step: 'loading' });
  });

  it('re-authorises the most urgent broken connection: revoked, then switched off, then the rest; never a pending one', () => {
    const connection = (id: string, status: string) => ({
      id,
      platformName: id,
      status,
      linkUrl: `https://link-api.codat.io/${id}/start`,
    });
    const urlFor = (...connections: ReturnType<typeof connection>[]) => {
      const result = transition(at('ready', { company: { ...company, dataConnections: connections } }), open);
      return result.effects[0]?.type === 'openLink' ? result.effects[0].url : null;
    };
    expect(urlFor(connection('a', 'Unlinked'), connection('b', 'Deauthorized'))).to.equal(
      'https://link-api.codat.io/b/start',
    );
    // Unfinished is not broken: the user chooses their software again on the company's page.
    expect(urlFor(connection('a', 'PendingAuth'))).to.equal(company.redirect);
    expect(urlFor(connection('a', 'SomethingNew'), connection('b', 'Unlinked'))).to.equal(
      'https://link-api.codat.io/b/start',
    );
    expect(urlFor(connection('a', 'SomethingNew'))).to.equal('https://link-api.codat.io/a/start');
  });

  it('the name form cannot be sent again once any step after creating failed', () => {
    const broken = at('error', { companyId: null, error: { code: 'x', params: {}, step: 'linking' } });
    expect(
      transition(broken, { type: 'NAME.SUBMIT', name: 'Other', idempotencyKey: 'k9' }).effects,
    ).to.deep.equal([]);
    const noError = at('error', { companyId: null, error: null });
    expect(
      labels(transition(noError, { type: 'NAME.SUBMIT', name: 'Other', idempotencyKey: 'k9' })),
    ).to.deep.equal(['createCompany']);
  });
});

describe('machine: a sync the platform has not picked up', () => {
  const queued = (at: number, statuses: readonly string[]): JourneyEvent => ({
    type: 'SYNC.READING',
    outcome: 'in-progress',
    notStarted: [],
    at,
    startTimeoutMs: 60_000,
    progress: {
      types: statuses.map((status, i) => ({
        dataType: `type${i}`,
        status,
        phase: status === 'Complete' ? 'finished' : status === 'Queued' ? 'pending' : 'in-progress',
      })),
      finished: statuses.filter((status) => status === 'Complete').length,
      total: statuses.length,
    },
  });
  const follow = (...events: JourneyEvent[]) =>
    events.reduce((snapshot, event) => transition(snapshot, event), at('syncing'));

  it('says so once every waiting type has sat Queued for a minute, and not before', () => {
    const early = follow(queued(1_000, ['Queued', 'Queued']), queued(60_999, ['Queued', 'Complete']));
    expect(early.context.notice).to.equal(null);
    const late = follow(queued(1_000, ['Queued', 'Queued']), queued(61_000, ['Queued', 'Complete']));
    expect(late.state).to.equal('syncing');
    expect(late.context.notice).to.equal('sync-queued');
  });

  it('says nothing while one type is being fetched, and takes the notice back when the sync moves', () => {
    const moving = follow(queued(0, ['Queued', 'Queued']), queued(90_000, ['Queued', 'Fetching']));
    expect(moving.context.notice).to.equal(null);
    const resumed = follow(queued(0, ['Queued']), queued(90_000, ['Queued']), queued(95_000, ['Fetching']));
    expect(resumed.context.notice).to.equal(null);
  });
});
