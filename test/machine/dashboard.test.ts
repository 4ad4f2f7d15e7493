import { expect } from 'chai';
import {
  confirmsDelete,
  dashboardTransition,
  initialDashboard,
  type DashboardEvent,
  type DashboardState,
} from '../../src/machine/dashboard.ts';
import { transition, type CompanyRecord, type JourneyEvent } from '../../src/machine/index.ts';
import { at, company, labels, linkedCompany, request, run, success } from './fixtures.ts';

const steps = (...events: DashboardEvent[]) => {
  let state: DashboardState = initialDashboard;
  let effects: unknown[] = [];
  for (const event of events) {
    const result = dashboardTransition(state, event);
    state = result.state;
    effects = [...result.effects];
  }
  return { state, effects };
};

const disconnect = { kind: 'disconnect', connectionId: 'conn-1' } as const;
const failure = { code: 'server-error', params: { status: 500 } };

describe('dashboard machine: asking before changing anything', () => {
  it('disconnects only once the user confirms; cancelling asks nothing of the backend', () => {
    const asked = steps({ type: 'ASK', request: disconnect });
    expect(asked.state.asking).to.deep.equal(disconnect);
    expect(asked.effects).to.deep.equal([]);
    expect(steps({ type: 'ASK', request: disconnect }, { type: 'CANCEL' }).state).to.deep.equal(
      initialDashboard,
    );
    const confirmed = steps({ type: 'ASK', request: disconnect }, { type: 'CONFIRM', companyName: 'Acme' });
    expect(confirmed.effects).to.deep.equal([disconnect]);
    expect(confirmed.state.working).to.deep.equal(disconnect);
  });

  it('deletes only when the typed text is the company’s name (spaces around it aside)', () => {
    const ask = { type: 'ASK', request: { kind: 'delete' } } as const;
    for (const typed of ['', 'acme ltd', 'Acme', 'Acme Ltd.']) {
      const tried = steps(ask, { type: 'TYPE', text: typed }, { type: 'CONFIRM', companyName: 'Acme Ltd' });
      expect(tried.effects, typed).to.deep.equal([]);
      expect(tried.state.working, typed).to.equal(null);
    }
    const done = steps(
      ask,
      { type: 'TYPE', text: '  Acme Ltd ' },
      { type: 'CONFIRM', companyName: 'Acme Ltd' },
    );
    expect(done.effects).to.deep.equal([{ kind: 'delete' }]);
    expect(confirmsDelete('', '')).to.equal(false);
  });

  it('one request at a time: while one runs, asking, cancelling and confirming again change nothing', () => {
    const working = steps(
      { type: 'ASK', request: disconnect },
      { type: 'CONFIRM', companyName: 'Acme' },
    ).state;
    for (const event of [
      { type: 'ASK', request: { kind: 'delete' } },
      { type: 'CANCEL' },
      { type: 'CONFIRM', companyName: 'Acme' },
    ] as const) {
      const result = dashboardTransition(working, event);
      expect(result.state, event.type).to.equal(working);
      expect(result.effects, event.type).to.deep.equal([]);
    }
  });

  it('a failure keeps the confirmation open with its reason, so the user can try again or cancel', () => {
    const { state: failed, effects } = steps(
      { type: 'ASK', request: disconnect },
      { type: 'CONFIRM', companyName: 'Acme' },
      { type: 'FAILED', failure },
    );
    expect(failed).to.deep.include({ asking: disconnect, working: null, failure });
    expect(effects).to.deep.equal([{ kind: 'tell-failure', failure }], 'told once, as it is shown');
    const again = dashboardTransition(failed, { type: 'CONFIRM', companyName: 'Acme' });
    expect(again.effects).to.deep.equal([disconnect]);
    expect(again.state.failure).to.equal(null);
    expect(dashboardTransition(failed, { type: 'DONE' }).state).to.deep.equal(initialDashboard);
  });
});

describe('dashboard machine: the sync history', () => {
  const operation = { id: 'p1', dataType: 'invoices', status: 'Complete', requested: '2026-12-03T10:00:00Z' };

  it('loads when opened, shows what came, and drops an answer that comes after it was closed', () => {
    const opened = steps({ type: 'HISTORY.OPEN' });
    expect(opened.effects).to.deep.equal([{ kind: 'history', request: 1 }]);
    expect(opened.state.history).to.deep.equal({ status: 'loading', request: 1 });
    const shown = dashboardTransition(opened.state, {
      type: 'HISTORY.LOADED',
      request: 1,
      operations: [operation],
    });
    expect(shown.state.history).to.deep.equal({ status: 'shown', operations: [operation] });
    const closed = dashboardTransition(opened.state, { type: 'HISTORY.CLOSE' }).state;
    expect(
      dashboardTransition(closed, { type: 'HISTORY.LOADED', request: 1, operations: [operation] }).state,
    ).to.equal(closed);
    expect(dashboardTransition(closed, { type: 'HISTORY.FAILED', request: 1, failure }).state).to.equal(
      closed,
    );
  });

  it('open, close, open: only the newest read counts, however late the first answers', () => {
    const reopened = steps({ type: 'HISTORY.OPEN' }, { type: 'HISTORY.CLOSE' }, { type: 'HISTORY.OPEN' });
    expect(reopened.effects).to.deep.equal([{ kind: 'history', request: 2 }]);
    const lateFailure = dashboardTransition(reopened.state, { type: 'HISTORY.FAILED', request: 1, failure });
    expect(lateFailure.state).to.equal(reopened.state);
    expect(lateFailure.effects).to.deep.equal([], 'a dropped answer is not told');
    const shown = dashboardTransition(lateFailure.state, {
      type: 'HISTORY.LOADED',
      request: 2,
      operations: [operation],
    });
    expect(shown.state.history).to.deep.equal({ status: 'shown', operations: [operation] });
  });

  it('a history on screen is read again when the journey settles (a refresh ended); a closed one is not', () => {
    const shown = steps({ type: 'HISTORY.OPEN' }, { type: 'HISTORY.LOADED', request: 1, operations: [] });
    expect(dashboardTransition(shown.state, { type: 'JOURNEY.SETTLED' }).effects).to.deep.equal([
      { kind: 'history', request: 2 },
    ]);
    expect(dashboardTransition(initialDashboard, { type: 'JOURNEY.SETTLED' }).effects).to.deep.equal([]);
  });

  it('a failure is shown, and opening again asks again; a second open while loading asks nothing', () => {
    const failed = steps({ type: 'HISTORY.OPEN' }, { type: 'HISTORY.FAILED', request: 1, failure }).state;
    expect(failed.history).to.deep.equal({ status: 'failed', failure });
    expect(dashboardTransition(failed, { type: 'HISTORY.OPEN' }).effects).to.deep.equal([
      { kind: 'history', request: 2 },
    ]);
    expect(steps({ type: 'HISTORY.OPEN' }, { type: 'HISTORY.OPEN' }).effects).to.deep.equal([]);
  });
});

describe('journey: what the dashboard changes', () => {
  const bank = { id: 'bank-1', platformName: 'Plaid', status: 'Linked', sourceType: 'Banking' } as const;
  const open: JourneyEvent = { type: 'LINK.OPEN', adding: true, linkState: 'nonce-1', ...request };

  it('"Connect another account" opens the company’s own Link URL, not a connection’s', () => {
    const result = transition(at('overview', { company: linkedCompany() }), open);
    expect(result.state).to.equal('linking');
    expect(result.effects[0]).to.deep.include({ type: 'openLink', url: 'https://link.codat.io/company/c-1' });
  });

  it('adding is confirmed only by a connection that was not authorised before: then connection-added', () => {
    const before = linkedCompany();
    const after: CompanyRecord = { ...before, dataConnections: [...(before.dataConnections ?? []), bank] };
    const added = run(at('overview', { company: before }), open, success('nonce-1', { connectionId: null }), {
      type: 'LINK.CHECKED',
      company: after,
    });
    expect(added.state).to.equal('syncing');
    expect(labels(added)).to.deep.equal(['emit:linked', 'emit:connection-added', 'startSync']);
    expect(added.effects[1]).to.deep.include({ detail: { connection: bank } });
    expect(added.context.adding).to.equal(false);

    // Link answered 201 (already linked, nothing changed): the old connection does not count as added.
    const nothingNew = run(
      at('overview', { company: before }),
      open,
      success('nonce-1', { statusCode: 201, connectionId: null }),
      {
        type: 'LINK.CHECKED',
        company: before,
      },
    );
    // On the dashboard the failure shows on the dashboard, which stays usable.
    expect(nothingNew.state).to.equal('overview');
    expect(nothingNew.context.error?.code).to.equal('link-not-confirmed');
  });

  it('adding may take up a connection the company had (disconnected): linked, but not a new source', () => {
    const unlinked: CompanyRecord = {
      ...company,
      dataConnections: [{ id: 'conn-1', platformName: 'Xero', status: 'Unlinked' }],
    };
    const relinked = run(at('overview', { company: unlinked }), open, success('nonce-1'), {
      type: 'LINK.CHECKED',
      company: linkedCompany(),
    });
    expect(relinked.state).to.equal('syncing');
    expect(labels(relinked)).to.deep.equal(['emit:linked', 'startSync']);
  });

  it('a failure on the dashboard stays on it; "Try again" goes back to the step that failed', () => {
    const failed = run(at('overview'), { type: 'DATA.REFRESH' }, { type: 'SYNC.TIMED_OUT' });
    expect(failed.state).to.equal('overview');
    expect(failed.context.error).to.deep.include({ code: 'sync-timeout', step: 'syncing' });
    expect(labels(failed)).to.deep.equal(['stopSync', 'emit:error']);
    const again = transition(failed, { type: 'RETRY', linkState: 'nonce-2', ...request });
    expect(again.state).to.equal('syncing');
    expect(again.context.error).to.equal(null);
    // Before its company is known, the dashboard has nothing to show: the error page it is.
    expect(
      transition(at('loading', { home: 'overview' }), {
        type: 'STEP.FAILED',
        failure: { code: 'network-error', params: {} },
      }).state,
    ).to.equal('error');
  });

  it('a disconnected connection shows at once, with disconnected told; a deleted company ends the journey', () => {
    const bank = { id: 'bank-1', platformName: 'Plaid', status: 'Linked' };
    const before: CompanyRecord = {
      ...linkedCompany(),
      dataConnections: [...(linkedCompany().dataConnections ?? []), bank],
    };
    const unlinked = { id: 'conn-1', platformName: 'Xero', status: 'Unlinked' };
    const shown = transition(at('overview', { company: before, notice: 'data-refreshed' }), {
      type: 'CONNECTION.DISCONNECTED',
      connection: unlinked,
    });
    expect(shown.state).to.equal('overview');
    expect(shown.context.company?.dataConnections).to.deep.equal([unlinked, bank]);
    expect(shown.context.notice).to.equal(null);
    expect(shown.effects).to.deep.equal([
      { type: 'emit', event: 'disconnected', detail: { connectionId: 'conn-1' } },
    ]);

    const deleted = transition(at('overview'), { type: 'COMPANY.DELETED' });
    expect(deleted.state).to.equal('deleted');
    expect(deleted.context).to.deep.include({ company: null, companyName: 'Acme Ltd', companyId: 'c-1' });
    expect(labels(deleted)).to.deep.equal(['emit:company-deleted']);
    // Final: nothing moves it.
    expect(transition(deleted, open).state).to.equal('deleted');
  });

  it('the company read again after news shows as it is now, without a word told; another company’s, or off the dashboard, is ignored', () => {
    const revoked = { id: 'conn-1', platformName: 'Xero', status: 'Deauthorized' };
    const now = { ...linkedCompany(), dataConnections: [revoked] };
    const statuses = { invoices: { dataType: 'invoices', currentStatus: 'Complete' } };
    const shown = transition(at('overview', { company: linkedCompany(), notice: 'data-refreshed' }), {
      type: 'COMPANY.LOADED',
      company: now,
      statuses,
    });
    expect(shown.state).to.equal('overview');
    expect(shown.context).to.deep.include({ company: now, statuses, notice: 'data-refreshed' });
    expect(shown.effects).to.deep.equal([]);

    const other = { ...now, id: 'c-2' };
    const mixedUp = transition(at('overview', { company: linkedCompany() }), {
      type: 'COMPANY.LOADED',
      company: other,
      statuses,
    });
    expect(mixedUp.context.company).to.deep.equal(linkedCompany());
    // While a refresh runs, the reading it makes is the one that counts.
    const syncing = at('syncing', { company: linkedCompany() });
    expect(transition(syncing, { type: 'COMPANY.LOADED', company: now, statuses }).context).to.equal(
      syncing.context,
    );
  });

  it('a refresh from the dashboard ends with the notice that the data is up to date', () => {
    const refreshed = run(
      at('overview'),
      { type: 'DATA.REFRESH' },
      {
        type: 'SYNC.READING',
        progress: { types: [], finished: 0, total: 0 },
        outcome: 'complete',
        notStarted: [],
        at: 0,
        startTimeoutMs: 60_000,
      },
    );
    expect(refreshed.state).to.equal('loading');
    expect(refreshed.context.notice).to.equal('data-refreshed');
  });
});
