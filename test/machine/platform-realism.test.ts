/**
 * The machine's decisions where the platform is inconvenient: which sync a reading belongs to, when to queue a
 * type the platform never fetched and when to give up on it, Link URLs that work once, limits retrying cannot lift.
 */
import { expect } from 'chai';
import { emptyWatch, transition, type JourneyEvent, type JourneySnapshot } from '../../src/machine/index.ts';
import { at, brokenCompany, company, failed, labels, linkedCompany, progress, request } from './fixtures.ts';

const open = { type: 'LINK.OPEN', linkState: 'n1', ...request } as const;

/** A reading in which `purchaseOrders` (required) has never started, at time `at`. */
const notStarted = (at: number, othersStarted: boolean): JourneyEvent => ({
  type: 'SYNC.READING',
  progress: othersStarted ? progress('in-progress') : { types: [], finished: 0, total: 0 },
  outcome: 'in-progress',
  notStarted: ['purchaseOrders'],
  at,
  startTimeoutMs: 60_000,
});

const syncing = (watch = {}): JourneySnapshot => at('syncing', { watch: { ...emptyWatch, ...watch } });

describe('machine: types the platform never fetched', () => {
  it('queues them once other types have started', () => {
    const result = transition(syncing(), notStarted(1_000, true));
    expect(result.effects.at(-1)).to.deep.equal({
      type: 'queueDataTypes',
      companyId: company.id,
      types: ['purchaseOrders'],
    });
    expect(result.context.watch).to.deep.equal({
      baseline: null,
      since: 1_000,
      queued: { types: ['purchaseOrders'], at: 1_000 },
    });
  });

  it('with nothing else started, waits the grace period before queueing', () => {
    const first = transition(syncing(), notStarted(1_000, false));
    expect(labels(first)).to.deep.equal(['emit:sync-progress']);
    expect(labels(transition(first, notStarted(10_999, false)))).to.deep.equal(['emit:sync-progress']);
    expect(labels(transition(first, notStarted(11_000, false)))).to.deep.equal([
      'emit:sync-progress',
      'queueDataTypes',
    ]);
  });

  it('queues only once, then ends naming them when they have not started in time', () => {
    const queued = syncing({ since: 0, queued: { types: ['purchaseOrders'], at: 5_000 } });
    expect(labels(transition(queued, notStarted(64_999, true)))).to.deep.equal(['emit:sync-progress']);
    const late = transition(queued, notStarted(65_000, true));
    expect(late.state).to.equal('error');
    expect(late.context.error).to.deep.equal({
      code: 'sync-not-started',
      params: { types: ['purchaseOrders'] },
      step: 'syncing',
    });
    // "Try again" follows afresh: the watch was cleared on leaving, so the types are queued again.
    const again = transition(late, { type: 'RETRY', linkState: 'n2', ...request });
    expect(again.context.watch).to.deep.equal(emptyWatch);
    expect(again.effects).to.deep.equal([
      { type: 'startSync', companyId: company.id, refresh: false, baseline: false },
    ]);
  });
});

describe('machine: a new sync is told from the last one', () => {
  it('after a re-authorisation, asks for a refresh and a baseline; after a first link, neither', () => {
    const reauthorising = at('confirming', { company: brokenCompany, connectionId: 'conn-1' });
    expect(
      transition(reauthorising, { type: 'LINK.CHECKED', company: linkedCompany() }).effects.at(-1),
    ).to.deep.equal({
      type: 'startSync',
      companyId: company.id,
      refresh: true,
      baseline: true,
    });
    const firstLink = at('confirming', { connectionId: 'conn-1' });
    expect(
      transition(firstLink, { type: 'LINK.CHECKED', company: linkedCompany() }).effects.at(-1),
    ).to.deep.equal({
      type: 'startSync',
      companyId: company.id,
      refresh: false,
      baseline: false,
    });
  });

  it('a connection left pending is not a previous link', () => {
    const pending = {
      ...company,
      dataConnections: [{ id: 'conn-p', platformName: 'Xero', status: 'PendingAuth' }],
    };
    const result = transition(at('confirming', { company: pending }), {
      type: 'LINK.CHECKED',
      company: linkedCompany(),
    });
    expect(result.effects.at(-1)).to.deep.include({ refresh: false, baseline: false });
  });

  it('keeps the baseline it was given, and does not ask for another after a reload', () => {
    const baseline = { invoices: { syncId: 's1', status: 'Complete' } };
    const taken = transition(syncing(), { type: 'SYNC.BASELINE', baseline });
    expect(taken.context.watch.baseline).to.equal(baseline);
    const resumed = transition(
      { state: 'idle', context: at('idle').context },
      {
        type: 'JOURNEY.START',
        journeyId: 'j-new',
        companyId: null,
        manage: false,
        saved: { state: 'syncing', context: { ...taken.context, refreshing: true } },
        callback: null,
        hasOpener: false,
      },
    );
    expect(resumed.effects).to.deep.include({
      type: 'startSync',
      companyId: company.id,
      refresh: true,
      baseline: false,
    });
  });
});

describe('machine: a Link URL is opened once', () => {
  it('opens the fresh one directly, then asks for another while a blank popup opens', () => {
    const first = transition(at('ready'), open);
    expect(first.effects).to.deep.equal([
      { type: 'openLink', window: 'popup', url: company.redirect, linkState: 'n1' },
    ]);
    const back = transition(first, { type: 'LINK.ABANDONED', reason: 'popup-closed' });
    const second = transition(back, { ...open, linkState: 'n2' });
    expect(second.context.linkUrl).to.equal('awaited');
    expect(second.effects).to.deep.equal([
      { type: 'openLink', window: 'popup', url: null, linkState: 'n2' },
      { type: 'fetchLinkUrl', companyId: company.id },
    ]);
    const fresh = { ...company, redirect: `${company.redirect}?link.otp=two` };
    const ready = transition(second, { type: 'LINK.URL_READY', company: fresh });
    expect(ready.context).to.deep.include({ company: fresh, linkUrl: 'used' });
    expect(ready.effects).to.deep.equal([
      { type: 'openLink', window: 'popup', url: fresh.redirect, linkState: 'n2' },
    ]);
  });

  it('a blank popup blocked in auto mode waits for the URL, then the page goes', () => {
    const awaiting = transition(at('ready', { linkUrl: 'used' }), { ...open, mode: 'auto' });
    const blocked = transition(awaiting, { type: 'LINK.POPUP_BLOCKED' });
    expect(blocked.context.linkMode).to.equal('redirect');
    expect(labels(blocked)).to.deep.equal(['emit:popup-blocked']);
    expect(transition(blocked, { type: 'LINK.URL_READY', company }).effects).to.deep.equal([
      { type: 'openLink', window: 'redirect', url: company.redirect, linkState: 'n1' },
    ]);
  });

  it('when the fresh URL does not come, says so and closes Link; "Try again" asks again', () => {
    const awaiting = transition(at('ready', { linkUrl: 'used' }), open);
    const broken = transition(awaiting, {
      type: 'STEP.FAILED',
      failure: { code: 'network-error', params: {}, correlationId: 'corr-1' },
    });
    expect(broken.context.error).to.deep.equal({
      code: 'link-url-unavailable',
      params: {},
      step: 'linking',
      correlationId: 'corr-1',
    });
    expect(labels(broken)).to.deep.equal(['closeLink', 'emit:error']);
    expect(labels(transition(broken, { type: 'RETRY', linkState: 'n2', ...request }))).to.deep.equal([
      'openLink',
      'fetchLinkUrl',
    ]);
  });

  it('continuing a pending connection opens its own URL; Connect opens the company’s', () => {
    const pending = {
      ...company,
      dataConnections: [
        { id: 'conn-p', platformName: 'Xero', status: 'PendingAuth', linkUrl: 'https://link-api.codat.io/p' },
      ],
    };
    const urlOf = (event: JourneyEvent): unknown => {
      const effect = transition(at('overview', { company: pending }), event).effects[0];
      return effect?.type === 'openLink' ? effect.url : null;
    };
    expect(urlOf({ ...open, connectionId: 'conn-p' })).to.equal('https://link-api.codat.io/p');
    expect(urlOf(open)).to.equal(company.redirect);
  });
});

describe('machine: failures retrying cannot fix', () => {
  it('an account limit offers no "Try again"; other failures do', () => {
    expect(transition(at('creating'), failed('account-limit')).context.error?.step).to.equal(null);
    expect(transition(at('creating'), failed('server-error')).context.error?.step).to.equal('creating');
  });
});
