import { expect } from '@open-wc/testing';
import {
  initialContext,
  transition,
  type JourneyEvent,
  type JourneySnapshot,
  type LinkOutcome,
} from '../../src/machine/index.ts';
import { company, contextFor } from './fixtures.ts';

/** Runs events from a snapshot, returning the final result. */
function run(from: JourneySnapshot, ...events: JourneyEvent[]) {
  let result = { ...from, effects: [] as unknown[] } as ReturnType<typeof transition>;
  for (const event of events) result = transition(result, event);
  return result;
}

const idle: JourneySnapshot = { state: 'idle', context: initialContext };
const linking: JourneySnapshot = { state: 'linking', context: contextFor('linking') };
const callback = (outcome: LinkOutcome): JourneyEvent => ({ type: 'LINK.CALLBACK', outcome });
const failed = (retryable: boolean, field?: string): JourneyEvent => ({
  type: 'STEP.FAILED',
  code: retryable ? 'network-error' : 'invalid-name',
  // Only an error about an input field stops "Try again".
  message: 'nope',
  ...(retryable ? {} : { field: field ?? 'name' }),
});

describe('transition: creating a company at most once', () => {
  it('sends the name and key with the create effect', () => {
    const result = run(idle, { type: 'NAME.SUBMIT', name: 'Acme', idempotencyKey: 'k1' });
    expect(result.effects).to.deep.equal([{ type: 'createCompany', name: 'Acme', idempotencyKey: 'k1' }]);
  });

  it('keeps the name and reuses the same key when "Try again" follows a failed create', () => {
    const result = run(idle, { type: 'NAME.SUBMIT', name: 'Acme', idempotencyKey: 'k1' }, failed(true), {
      type: 'RETRY',
      linkState: 'n',
    });
    expect(result.state).to.equal('creating');
    expect(result.context.companyName).to.equal('Acme');
    expect(result.effects).to.deep.equal([{ type: 'createCompany', name: 'Acme', idempotencyKey: 'k1' }]);
  });

  it('lets the user fix a refused name: the form resubmits with a fresh key only when the name changed', () => {
    const refused = run(
      idle,
      { type: 'NAME.SUBMIT', name: 'Acme <b>', idempotencyKey: 'k1' },
      failed(false, 'name'),
    );
    expect(refused.state).to.equal('error');
    expect(refused.context.error).to.include({ step: null, field: 'name' });
    expect(refused.context.companyName).to.equal('Acme <b>');
    expect(transition(refused, { type: 'RETRY', linkState: 'n' }).effects).to.deep.equal([]);
    const same = transition(refused, { type: 'NAME.SUBMIT', name: 'Acme <b>', idempotencyKey: 'k2' });
    expect(same.effects).to.deep.equal([{ type: 'createCompany', name: 'Acme <b>', idempotencyKey: 'k1' }]);
    const fixed = transition(refused, { type: 'NAME.SUBMIT', name: 'Acme', idempotencyKey: 'k2' });
    expect(fixed.effects).to.deep.equal([{ type: 'createCompany', name: 'Acme', idempotencyKey: 'k2' }]);
  });

  it('never creates again once a company exists', () => {
    const ready = run(
      idle,
      { type: 'NAME.SUBMIT', name: 'Acme', idempotencyKey: 'k1' },
      {
        type: 'COMPANY.CREATED',
        company,
      },
    );
    const broken = run(
      ready,
      { type: 'LINK.OPEN', linkState: 'n1' },
      callback({
        kind: 'failed',
        code: 'link-failed',
        message: 'x',
        state: 'n1',
      }),
    );
    expect(broken.state).to.equal('error');
    expect(
      transition(broken, { type: 'NAME.SUBMIT', name: 'Other', idempotencyKey: 'k9' }).effects,
    ).to.deep.equal([]);
  });
});

describe('transition: Link callbacks', () => {
  it('confirms a success with the backend before trusting it', () => {
    const result = run(
      linking,
      callback({
        kind: 'success',
        statusCode: 200,
        state: 'nonce-1',
        companyId: company.id,
        connectionId: 'conn-1',
      }),
    );
    expect(result.state).to.equal('confirming');
    expect(result.effects).to.deep.equal([
      { type: 'confirmLink', companyId: company.id, connectionId: 'conn-1' },
    ]);
  });

  it('accepts 201 (already linked) without connection details', () => {
    const result = run(
      linking,
      callback({ kind: 'success', statusCode: 201, state: 'nonce-1', companyId: null, connectionId: null }),
    );
    expect(result.effects).to.deep.equal([
      { type: 'confirmLink', companyId: company.id, connectionId: null },
    ]);
  });

  it('rejects a callback whose state does not match, and a replay of one that did', () => {
    const wrong = run(
      linking,
      callback({
        kind: 'success',
        statusCode: 200,
        state: 'forged',
        companyId: company.id,
        connectionId: 'c',
      }),
    );
    expect(wrong.state).to.equal('error');
    expect(wrong.context.error?.code).to.equal('callback-state-mismatch');
    const good = callback({ kind: 'cancelled', state: 'nonce-1', message: 'You cancelled.' });
    const first = run(linking, good);
    expect(first.context.linkState).to.equal(null);
    const replayed = transition({ ...first, state: 'linking' }, good);
    expect(replayed.context.error?.code).to.equal('callback-state-mismatch');
  });

  it('rejects a callback that names another company', () => {
    const result = run(
      linking,
      callback({ kind: 'success', statusCode: 200, state: 'nonce-1', companyId: 'other', connectionId: 'c' }),
    );
    expect(result.context.error?.code).to.equal('callback-company-mismatch');
  });

  it('returns to ready with a notice when the user cancels', () => {
    const result = run(linking, callback({ kind: 'cancelled', state: 'nonce-1', message: 'You cancelled.' }));
    expect(result.state).to.equal('ready');
    expect(result.context.notice).to.equal('You cancelled.');
    expect(result.effects).to.deep.equal([
      { type: 'emit', event: 'cancel', detail: { reason: 'user-cancelled' } },
    ]);
  });

  it('fails with the Link code and retries by opening Link again with a fresh state', () => {
    const failedLink = run(
      linking,
      callback({
        kind: 'failed',
        code: 'platform-not-supported',
        message: 'Not supported',
        state: 'nonce-1',
      }),
    );
    expect(failedLink.context.error).to.deep.equal({
      code: 'platform-not-supported',
      message: 'Not supported',
      step: 'linking',
    });
    const retried = transition(failedLink, { type: 'RETRY', linkState: 'nonce-9' });
    expect(retried.state).to.equal('linking');
    expect(retried.context.linkState).to.equal('nonce-9');
    expect(retried.effects).to.deep.equal([
      { type: 'openLink', url: company.redirect, linkState: 'nonce-9' },
    ]);
  });

  it('sends an unconfirmed success back to Link, not to confirming forever', () => {
    const confirming = run(
      linking,
      callback({
        kind: 'success',
        statusCode: 200,
        state: 'nonce-1',
        companyId: company.id,
        connectionId: 'c',
      }),
    );
    const result = transition(confirming, { type: 'LINK.NOT_CONFIRMED' });
    expect(result.context.error).to.include({ code: 'link-not-confirmed', step: 'linking' });
  });
});

describe('transition: retry returns to the step that failed', () => {
  const cases = [
    ['loading', { type: 'loadCompany', companyId: company.id }],
    ['confirming', { type: 'confirmLink', companyId: company.id, connectionId: null }],
    ['syncing', { type: 'startSync', companyId: company.id, refresh: false }],
  ] as const;
  for (const [step, effect] of cases) {
    it(`${step} → error → ${step}`, () => {
      const failedStep = run({ state: step, context: contextFor(step) }, failed(true));
      expect(failedStep.context.error?.step).to.equal(step);
      const retried = transition(failedStep, { type: 'RETRY', linkState: 'n' });
      expect(retried.state).to.equal(step);
      expect(retried.context.error).to.equal(null);
      expect(retried.effects).to.deep.equal([effect]);
    });
  }

  it('keeps the company through any number of failures', () => {
    let snapshot: JourneySnapshot = { state: 'syncing', context: contextFor('syncing') };
    for (let i = 0; i < 3; i += 1) {
      snapshot = transition(transition(snapshot, failed(true)), { type: 'RETRY', linkState: 'n' });
    }
    expect(snapshot.state).to.equal('syncing');
    expect(snapshot.context.company).to.deep.equal(company);
  });
});

describe('transition: resuming a saved journey after a reload', () => {
  const resume = (state: JourneySnapshot['state']) =>
    transition(idle, { type: 'JOURNEY.RESUME', snapshot: { state, context: contextFor(state) } });

  it('repeats a create in flight with the same key, never a new one', () => {
    expect(resume('creating').effects).to.deep.equal([
      { type: 'createCompany', name: 'Acme Ltd', idempotencyKey: 'key-1' },
    ]);
  });

  it('goes on polling a sync in progress', () => {
    const result = resume('syncing');
    expect(result.state).to.equal('syncing');
    expect(result.effects).to.deep.equal([{ type: 'startSync', companyId: company.id, refresh: false }]);
  });

  it('confirms again a link that was being confirmed', () => {
    expect(resume('confirming').effects).to.deep.equal([
      { type: 'confirmLink', companyId: company.id, connectionId: null },
    ]);
  });

  it('waits in linking for the callback, and offers to connect again without one', () => {
    const waiting = resume('linking');
    expect(waiting.state).to.equal('linking');
    const abandoned = transition(waiting, { type: 'LINK.ABANDONED', reason: 'link-unfinished' });
    expect(abandoned.state).to.equal('ready');
    expect(abandoned.context.notice).to.equal('Connecting was not finished.');
  });

  it('restores ready, complete and error as they were, with no effects', () => {
    for (const state of ['ready', 'complete', 'error'] as const) {
      const result = resume(state);
      expect(result.state).to.equal(state);
      expect(result.effects).to.deep.equal([]);
    }
  });

  it('only resumes into a fresh element', () => {
    const ready = { state: 'ready' as const, context: contextFor('ready') };
    expect(
      transition(ready, {
        type: 'JOURNEY.RESUME',
        snapshot: { state: 'syncing', context: contextFor('syncing') },
      }).state,
    ).to.equal('ready');
  });
});

describe('transition: reconnect opens the broken connection’s own Link URL', () => {
  it('uses the connection linkUrl when there is one', () => {
    const broken = {
      id: 'conn-1',
      platformName: 'Xero',
      status: 'Deauthorized',
      linkUrl: 'https://link-api.codat.io/x',
    };
    const ready = {
      state: 'ready' as const,
      context: { ...contextFor('ready'), company: { ...company, broken } },
    };
    expect(transition(ready, { type: 'LINK.OPEN', linkState: 'n' }).effects).to.deep.equal([
      { type: 'openLink', url: 'https://link-api.codat.io/x', linkState: 'n' },
    ]);
  });
});

describe('transition: a sync that fails', () => {
  const syncing: JourneySnapshot = { state: 'syncing', context: contextFor('syncing') };
  const progress = (status: string) => ({
    types: [
      { dataType: 'invoices', status, phase: 'failed' as const },
      { dataType: 'bills', status: 'Complete', phase: 'finished' as const },
    ],
    finished: 1,
    total: 2,
  });

  it('names the failed types, and "Try again" queues a new sync before following it', () => {
    const failedSync = transition(syncing, { type: 'SYNC.FAILED', progress: progress('FetchError') });
    expect(failedSync.context.error).to.deep.equal({
      code: 'sync-failed',
      message: 'These data types failed to sync: invoices.',
      step: 'syncing',
    });
    expect(transition(failedSync, { type: 'RETRY', linkState: 'n' }).effects).to.deep.equal([
      { type: 'startSync', companyId: company.id, refresh: true },
    ]);
  });

  it('on AuthError offers to connect again: the retry opens Link, same company', () => {
    const lost = transition(syncing, { type: 'SYNC.FAILED', progress: progress('AuthError') });
    expect(lost.context.error).to.include({ code: 'sync-auth-error', step: 'linking' });
    const retried = transition(lost, { type: 'RETRY', linkState: 'n9' });
    expect(retried.state).to.equal('linking');
    expect(retried.effects).to.deep.equal([{ type: 'openLink', url: company.redirect, linkState: 'n9' }]);
  });
});

describe('transition: the dashboard (intent="manage")', () => {
  const load = transition(idle, { type: 'COMPANY.LOAD', companyId: company.id, manage: true });
  const overview = transition(load, { type: 'COMPANY.LOADED', company });
  const done = {
    types: [{ dataType: 'invoices', status: 'Complete', phase: 'finished' as const }],
    finished: 1,
    total: 1,
  };

  it('rests in overview once the company is loaded', () => {
    expect(overview.state).to.equal('overview');
  });

  it('"Refresh data" queues a sync, follows it, then reads the company again and returns to overview', () => {
    const syncing = transition(overview, { type: 'DATA.REFRESH' });
    expect(syncing.effects).to.deep.equal([{ type: 'startSync', companyId: company.id, refresh: true }]);
    const finished = transition(syncing, { type: 'SYNC.DONE', progress: done });
    expect(finished.state).to.equal('loading');
    expect(finished.effects.map((e) => (e.type === 'emit' ? `emit:${e.event}` : e.type))).to.deep.equal([
      'stopSync',
      'emit:sync-progress',
      'emit:complete',
      'loadCompany',
    ]);
    expect(transition(finished, { type: 'COMPANY.LOADED', company }).state).to.equal('overview');
  });

  it('"Reconnect" opens Link for the same company, and a cancel comes back to the overview', () => {
    const linking = transition(overview, { type: 'LINK.OPEN', linkState: 'n1' });
    expect(linking.state).to.equal('linking');
    const back = transition(linking, { type: 'LINK.ABANDONED', reason: 'popup-closed' });
    expect(back.state).to.equal('overview');
  });

  it('a reload on the dashboard reads the company again', () => {
    const resumed = transition(idle, { type: 'JOURNEY.RESUME', snapshot: overview });
    expect(resumed.state).to.equal('loading');
    expect(resumed.effects).to.deep.equal([{ type: 'loadCompany', companyId: company.id }]);
  });
});

describe('transition: "Try again" after a failure, whatever it was', () => {
  it('offers it after a 401/403/404 too (the user may sign in again); only an input field error stops it', () => {
    const loading: JourneySnapshot = { state: 'loading', context: contextFor('loading') };
    const denied = transition(loading, {
      type: 'STEP.FAILED',
      code: 'unauthorized',
      message: 'Sign in again.',
    });
    expect(denied.context.error?.step).to.equal('loading');
    expect(denied.effects).to.deep.include({
      type: 'emit',
      event: 'error',
      detail: { code: 'unauthorized', message: 'Sign in again.', retryable: true },
    });
  });

  it('asks again for a refresh whose own request failed', () => {
    const overview: JourneySnapshot = { state: 'overview', context: contextFor('overview') };
    const refreshing = transition(overview, { type: 'DATA.REFRESH' });
    const failedRefresh = transition(refreshing, {
      type: 'STEP.FAILED',
      code: 'server-error',
      message: 'Oops',
    });
    expect(transition(failedRefresh, { type: 'RETRY', linkState: 'n' }).effects).to.deep.equal([
      { type: 'startSync', companyId: company.id, refresh: true },
    ]);
  });
});
