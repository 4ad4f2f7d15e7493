import type { CompanySummary, JourneyContext, JourneyError, JourneySnapshot } from './context.ts';
import type { JourneyEffect } from './effects.ts';
import type { AbandonReason, JourneyEvent } from './events.ts';
import type { LinkOutcome } from './link-outcome.ts';
import type { JourneyState, RetryableStep } from './states.ts';

/** The next snapshot plus the effects to run. Effects are data: `transition` runs nothing. */
export interface TransitionResult extends JourneySnapshot {
  readonly effects: readonly JourneyEffect[];
}

const ASYNC_STEPS: ReadonlySet<JourneyState> = new Set<RetryableStep>([
  'creating',
  'loading',
  'linking',
  'confirming',
  'syncing',
]);

const ABANDON_NOTICE: Record<AbandonReason, string | null> = {
  'popup-closed': 'The window was closed before you finished connecting.',
  'link-unfinished': 'Connecting was not finished.',
  'redirect-vetoed': null,
};

/** Where Link opens: the broken connection's own URL when re-authorising, else the company's. */
const linkUrlOf = (company: CompanySummary): string => company.broken?.linkUrl ?? company.redirect;

const stay = (snapshot: JourneySnapshot): TransitionResult => ({ ...snapshot, effects: [] });

const go = (
  state: JourneyState,
  context: JourneyContext,
  effects: readonly JourneyEffect[] = [],
): TransitionResult => ({ state, context, effects });

/** Guard: the name form may be (re)submitted before creation, and after a creation that failed. */
const canSubmitName = ({ state, context }: JourneySnapshot): boolean =>
  state === 'idle' ||
  (state === 'error' && context.companyId === null && (context.error?.step ?? 'creating') === 'creating');

/** Guard: same name as the failed attempt → same key, so a create that did land is not repeated. */
const keyFor = (context: JourneyContext, name: string, fresh: string): string =>
  context.idempotencyKey !== null && context.companyName === name ? context.idempotencyKey : fresh;

const fail = (context: JourneyContext, error: JourneyError, extra: readonly JourneyEffect[] = []) =>
  go('error', { ...context, error, notice: null }, [
    ...extra,
    {
      type: 'emit',
      event: 'error',
      detail: { code: error.code, message: error.message, retryable: error.step !== null },
    },
  ]);

/** Guard: the callback must carry the nonce we appended to this journey's Link URL. */
const stateMatches = (context: JourneyContext, outcome: LinkOutcome): boolean =>
  context.linkState !== null && outcome.state === context.linkState;

function onLinkCallback(context: JourneyContext, outcome: LinkOutcome): TransitionResult {
  if (!stateMatches(context, outcome)) {
    return fail(context, {
      code: 'callback-state-mismatch',
      message: 'This answer does not belong to the connection you started. Please connect again.',
      step: 'linking',
    });
  }
  // The nonce is single-use: clear it so the same callback cannot be replayed.
  const spent = { ...context, linkState: null };
  switch (outcome.kind) {
    case 'success':
      if (outcome.companyId !== null && outcome.companyId !== context.companyId) {
        return fail(spent, {
          code: 'callback-company-mismatch',
          message: 'That answer was for another company. Please connect again.',
          step: 'linking',
        });
      }
      return enter('confirming', { ...spent, connectionId: outcome.connectionId }, '');
    case 'cancelled':
      return go(context.home ?? 'ready', { ...spent, notice: outcome.message }, [
        { type: 'emit', event: 'cancel', detail: { reason: 'user-cancelled' } },
      ]);
    case 'failed':
      return fail(spent, { code: outcome.code, message: outcome.message, step: 'linking' });
  }
}

/**
 * The effects that (re)start a step; used on entry and by "Try again". `fresh` is a new nonce for the Link `state`.
 * Steps after `creating` need a company; without one the journey starts over rather than guess.
 */
function enter(step: RetryableStep, context: JourneyContext, fresh: string): TransitionResult {
  const cleared = { ...context, error: null, notice: null };
  const { companyId, company, idempotencyKey } = context;
  if (step === 'creating' && idempotencyKey !== null) {
    return go('creating', cleared, [{ type: 'createCompany', name: context.companyName, idempotencyKey }]);
  }
  if (companyId === null) return go('idle', cleared);
  switch (step) {
    case 'creating':
    case 'loading':
      return go('loading', cleared, [{ type: 'loadCompany', companyId }]);
    case 'linking':
      if (company === null) return go('loading', cleared, [{ type: 'loadCompany', companyId }]);
      return go('linking', { ...cleared, linkState: fresh }, [
        { type: 'openLink', url: linkUrlOf(company), linkState: fresh },
      ]);
    case 'confirming':
      return go('confirming', cleared, [
        { type: 'confirmLink', companyId, connectionId: context.connectionId },
      ]);
    case 'syncing': {
      // After types failed, waiting again would read the same failure: queue a new sync first; and a refresh
      // that never got through (its own request failed) is asked for again.
      const refresh = context.refreshing || context.error?.code === 'sync-failed';
      return go('syncing', { ...cleared, refreshing: refresh }, [{ type: 'startSync', companyId, refresh }]);
    }
  }
}

/**
 * The whole journey as a pure function: given where we are and what happened, where we go and what to do.
 * Events that make no sense in the current state are ignored: same snapshot, no effects.
 */
export function transition(snapshot: JourneySnapshot, event: JourneyEvent): TransitionResult {
  const { state, context } = snapshot;

  if (event.type === 'STEP.FAILED') {
    if (!ASYNC_STEPS.has(state)) return stay(snapshot);
    const error: JourneyError = {
      code: event.code,
      message: event.message,
      step: event.field === undefined ? (state as RetryableStep) : null,
      ...(event.field === undefined ? {} : { field: event.field }),
    };
    return fail(context, error, state === 'syncing' ? [{ type: 'stopSync' }] : []);
  }

  switch (event.type) {
    case 'COMPANY.LOAD':
      if (state !== 'idle') return stay(snapshot);
      return go(
        'loading',
        { ...context, companyId: event.companyId, home: event.manage ? 'overview' : null },
        [{ type: 'loadCompany', companyId: event.companyId }],
      );

    case 'NAME.SUBMIT': {
      if (!canSubmitName(snapshot)) return stay(snapshot);
      const idempotencyKey = keyFor(context, event.name, event.idempotencyKey);
      return go(
        'creating',
        { ...context, companyName: event.name, idempotencyKey, error: null, notice: null },
        [{ type: 'createCompany', name: event.name, idempotencyKey }],
      );
    }

    case 'COMPANY.CREATED':
      if (state !== 'creating') return stay(snapshot);
      return go('ready', { ...context, companyId: event.company.id, company: event.company }, [
        { type: 'emit', event: 'company-created', detail: {} },
        { type: 'emit', event: 'link-ready', detail: { linkUrl: linkUrlOf(event.company) } },
      ]);

    case 'COMPANY.LOADED':
      if (state !== 'loading' || event.company.id !== context.companyId) return stay(snapshot);
      return go(
        context.home ?? 'ready',
        { ...context, company: event.company, companyName: event.company.name },
        [{ type: 'emit', event: 'link-ready', detail: { linkUrl: linkUrlOf(event.company) } }],
      );

    case 'LINK.OPEN':
      if (state !== 'ready' && state !== 'overview') return stay(snapshot);
      return enter('linking', context, event.linkState);

    case 'DATA.REFRESH':
      if (state !== 'overview') return stay(snapshot);
      return enter('syncing', { ...context, refreshing: true }, '');

    case 'LINK.CALLBACK':
      if (state !== 'linking') return stay(snapshot);
      return onLinkCallback(context, event.outcome);

    case 'LINK.ABANDONED': {
      if (state !== 'linking') return stay(snapshot);
      return go(
        context.home ?? 'ready',
        { ...context, linkState: null, notice: ABANDON_NOTICE[event.reason] },
        [{ type: 'emit', event: 'cancel', detail: { reason: event.reason } }],
      );
    }

    case 'JOURNEY.RESUME': {
      // Only a fresh element resumes. Async steps start again (a create with the same key, polling goes on).
      if (state !== 'idle') return stay(snapshot);
      const saved = event.snapshot;
      switch (saved.state) {
        case 'creating':
        case 'loading':
        case 'confirming':
        case 'syncing':
          return enter(saved.state, saved.context, '');
        case 'linking':
          return saved.context.linkState === null ? go('ready', saved.context) : go('linking', saved.context);
        case 'overview':
          return enter('loading', saved.context, '');
        default:
          return go(saved.state, saved.context);
      }
    }

    case 'LINK.CONFIRMED': {
      if (state !== 'confirming') return stay(snapshot);
      const syncing = enter('syncing', { ...context, connectionId: event.connectionId }, '');
      return {
        ...syncing,
        effects: [
          { type: 'emit', event: 'linked', detail: { connectionId: event.connectionId } },
          ...syncing.effects,
        ],
      };
    }

    case 'LINK.NOT_CONFIRMED':
      if (state !== 'confirming') return stay(snapshot);
      return fail(context, {
        code: 'link-not-confirmed',
        message: 'We could not confirm the connection. Please connect again.',
        step: 'linking',
      });

    case 'SYNC.PROGRESS':
      if (state !== 'syncing') return stay(snapshot);
      return go('syncing', { ...context, progress: event.progress, refreshing: false }, [
        { type: 'emit', event: 'sync-progress', detail: { progress: event.progress } },
      ]);

    case 'SYNC.DONE': {
      if (state !== 'syncing') return stay(snapshot);
      const done: JourneyEffect[] = [
        { type: 'stopSync' },
        { type: 'emit', event: 'sync-progress', detail: { progress: event.progress } },
        { type: 'emit', event: 'complete', detail: {} },
      ];
      // On the dashboard, a finished sync goes back to the overview, read afresh.
      if (context.home !== null && context.companyId !== null) {
        done.push({ type: 'loadCompany', companyId: context.companyId });
        return go('loading', { ...context, progress: event.progress, refreshing: false }, done);
      }
      return go('complete', { ...context, progress: event.progress, refreshing: false }, done);
    }

    case 'SYNC.FAILED': {
      if (state !== 'syncing') return stay(snapshot);
      const failed = event.progress.types.filter((t) => t.phase === 'failed');
      // Lost access (AuthError) is mended by linking again, not by syncing again.
      const error: JourneyError = failed.some((t) => t.status === 'AuthError')
        ? {
            code: 'sync-auth-error',
            message: 'Please connect your accounting software again.',
            step: 'linking',
          }
        : {
            code: 'sync-failed',
            message: `These data types failed to sync: ${failed.map((t) => t.dataType).join(', ')}.`,
            step: 'syncing',
          };
      return fail({ ...context, progress: event.progress, refreshing: false }, error, [
        { type: 'stopSync' },
        { type: 'emit', event: 'sync-progress', detail: { progress: event.progress } },
      ]);
    }

    case 'RETRY': {
      const step = context.error?.step;
      if (state !== 'error' || step === null || step === undefined) return stay(snapshot);
      return enter(step, context, event.linkState);
    }
  }
}
