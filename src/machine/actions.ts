/*
 * Named actions: what each branch of the chart does. Each returns the next snapshot and the effects to run.
 */
import { isNewSource, linkUrlOf, wasEverLinked } from './company.ts';
import { confirmation } from './guards.ts';
import { initialContext, type JourneyContext, type JourneyError, type JourneySnapshot } from './context.ts';
import { enterStep } from './enter-step.ts';
import type { AbandonReason, EventOf, JourneyEvent, StepFailure } from './events.ts';
import { ErrorCode, NoticeCode, retryCannotHelp } from './messages.ts';
import { fail, go, withEffectsBefore, type ActionResult, type TransitionResult } from './result.ts';
import type { JourneyState, RetryableStep } from './states.ts';

/** Given the context, the event and the state it happened in. */
export type Action<E> = (context: JourneyContext, event: E, state: JourneyState) => ActionResult;

// ── start ──────────────────────────────────────────────────────────────────────────────────────────────────────

/** In the Link popup: hand the callback over; the page that opened Link owns the journey. */
export const handOff: Action<EventOf<'JOURNEY.START'>> = (context) =>
  go('idle', { ...context, handedOff: true }, [{ type: 'handOffCallback' }]);

/** A callback in the URL is read once: the URL is cleaned whatever happens next. */
const cleaning = (event: EventOf<'JOURNEY.START'>, result: TransitionResult): TransitionResult =>
  event.callback === null ? result : withEffectsBefore([{ type: 'cleanCallbackUrl' }], result);

/** Where a saved journey goes back to after a reload. Async steps start again (same key, polling goes on). */
function resume({ state, context }: JourneySnapshot): TransitionResult {
  switch (state) {
    case 'creating':
    case 'loading':
    case 'confirming':
    case 'syncing':
      return enterStep(state, context);
    case 'overview':
      return enterStep('loading', context);
    case 'linking':
      return context.linkState === null ? go('ready', context) : go('linking', context);
    default:
      return go(state, context);
  }
}

/**
 * Back on the page with this instance's saved journey. After a redirect from Link the callback is raised to the
 * resumed journey (only one waiting in `linking` takes it: a replayed URL finds the nonce spent); with no
 * callback, Link was left unfinished (reload, back button) if it was open.
 */
export const resumeSaved: Action<EventOf<'JOURNEY.START'>> = (_, event) => {
  const saved = event.saved ?? { state: 'idle', context: initialContext };
  const resumed = resume({ state: saved.state, context: { ...saved.context, handedOff: false } });
  const raise: JourneyEvent =
    event.callback === null
      ? { type: 'LINK.ABANDONED', reason: 'link-unfinished' }
      : { type: 'LINK.CALLBACK', outcome: event.callback };
  return { ...cleaning(event, resumed), raise };
};

export const loadGivenCompany: Action<EventOf<'JOURNEY.START'>> = (_, event) => {
  const { companyId, manage, journeyId } = event;
  const context: JourneyContext = {
    ...initialContext,
    journeyId,
    companyId,
    home: manage ? 'overview' : null,
  };
  return cleaning(event, enterStep('loading', context));
};

export const startFresh: Action<EventOf<'JOURNEY.START'>> = (_, event) =>
  cleaning(event, go('idle', { ...initialContext, journeyId: event.journeyId }));

// ── creating and loading ───────────────────────────────────────────────────────────────────────────────────────

/** Same name as the failed attempt → same key, so a create that did land is not repeated. */
const keyFor = (context: JourneyContext, name: string, fresh: string): string =>
  context.idempotencyKey !== null && context.companyName === name ? context.idempotencyKey : fresh;

export const submitName: Action<EventOf<'NAME.SUBMIT'>> = (context, { name, idempotencyKey: fresh }) => {
  const idempotencyKey = keyFor(context, name, fresh);
  return go('creating', { ...context, companyName: name, idempotencyKey, error: null, notice: null }, [
    { type: 'createCompany', name, idempotencyKey },
  ]);
};

export const companyCreated: Action<EventOf<'COMPANY.CREATED'>> = (context, { company }) =>
  go('ready', { ...context, companyId: company.id, company, linkUrl: 'fresh' }, [
    { type: 'emit', event: 'company-created', detail: { company } },
    { type: 'emit', event: 'link-ready', detail: { linkUrl: linkUrlOf(company) } },
  ]);

export const companyLoaded: Action<EventOf<'COMPANY.LOADED'>> = (context, { company, statuses }) =>
  go(
    context.home ?? 'ready',
    { ...context, company, statuses, companyName: company.name, linkUrl: 'fresh' },
    [{ type: 'emit', event: 'link-ready', detail: { linkUrl: linkUrlOf(company) } }],
  );

// ── the dashboard ──────────────────────────────────────────────────────────────────────────────────────────────

/** The dashboard read the company again (news of it came): it shows as it is now. */
export const companyReread: Action<EventOf<'COMPANY.LOADED'>> = (context, { company, statuses }) =>
  go('overview', { ...context, company, statuses });

/** A connection was disconnected: it shows as the platform now has it (`Unlinked`, offering Reconnect). */
export const disconnected: Action<EventOf<'CONNECTION.DISCONNECTED'>> = (context, { connection }) => {
  const { company } = context;
  const dataConnections = company?.dataConnections?.map((c) => (c.id === connection.id ? connection : c));
  return go(
    'overview',
    {
      ...context,
      company: company && { ...company, dataConnections },
      linkUrl: 'fresh',
      notice: null,
      error: null,
    },
    [{ type: 'emit', event: 'disconnected', detail: { connectionId: connection.id } }],
  );
};

/** The company is gone: nothing of it is kept, and nothing more can happen. */
export const companyDeleted: Action<EventOf<'COMPANY.DELETED'>> = (context) =>
  go(
    'deleted',
    {
      ...initialContext,
      journeyId: context.journeyId,
      companyId: context.companyId,
      companyName: context.company?.name ?? context.companyName,
    },
    [{ type: 'emit', event: 'company-deleted', detail: {} }],
  );

// ── linking ────────────────────────────────────────────────────────────────────────────────────────────────────

export const openLink: Action<EventOf<'LINK.OPEN'>> = (context, request) =>
  enterStep(
    'linking',
    { ...context, linkTarget: request.connectionId ?? null, adding: request.adding === true },
    request,
  );

/** The fresh Link URL came: the blank popup goes there, or the page does. */
export const linkUrlReady: Action<EventOf<'LINK.URL_READY'>> = (context, { company }) => {
  const next = { ...context, company, linkUrl: 'used' } as const;
  if (context.linkState === null) return go('linking', next);
  const url = linkUrlOf(company, context.linkTarget, context.adding);
  return go('linking', next, [
    { type: 'openLink', window: context.linkMode ?? 'popup', url, linkState: context.linkState },
  ]);
};

/** The fresh Link URL never came: the blank popup closes (leaving `linking`) and "Try again" asks again. */
export const failLinkUrl: Action<EventOf<'STEP.FAILED'>> = (context, { failure }) =>
  fail(context, errorOf(failure, ErrorCode.LinkUrlUnavailable, 'linking'));

export const linkOpened: Action<EventOf<'LINK.OPENED'>> = (context) =>
  go('linking', context, [
    { type: 'emit', event: 'link-opened', detail: { mode: context.linkMode ?? 'popup' } },
  ]);

/** `link-mode="auto"`: the popup was blocked, so the whole page goes to Link instead. */
export const redirectInstead: Action<EventOf<'LINK.POPUP_BLOCKED'>> = (context) => {
  const url =
    context.company === null ? null : linkUrlOf(context.company, context.linkTarget, context.adding);
  const { linkState } = context;
  if (url === null || linkState === null) return go(context.home ?? 'ready', context);
  const redirecting = { ...context, linkMode: 'redirect', redirectIfBlocked: false } as const;
  const told = { type: 'emit', event: 'popup-blocked', detail: {} } as const;
  // A fresh URL on its way opens in the page when it comes.
  if (context.linkUrl === 'awaited') return go('linking', redirecting, [told]);
  return go('linking', redirecting, [told, { type: 'openLink', window: 'redirect', url, linkState }]);
};

/** A failure of opening Link: "Try again" opens it afresh. */
const failLinking =
  (code: ErrorCode): Action<unknown> =>
  (context) =>
    fail(context, { code, params: {}, step: 'linking' });

export const failPopupBlocked = failLinking(ErrorCode.PopupBlocked);
export const failUrlRejected = failLinking(ErrorCode.LinkUrlRejected);
export const failStorage = failLinking(ErrorCode.StorageUnavailable);
export const failStateMismatch = failLinking(ErrorCode.CallbackStateMismatch);
export const failCompanyMismatch = failLinking(ErrorCode.CallbackCompanyMismatch);

export const focusLink: Action<EventOf<'LINK.FOCUS'>> = (context) =>
  go('linking', context, [{ type: 'focusLink' }]);

/** The user cancelled, in Link or on the page while Link was open. */
export const cancelled: Action<unknown> = (context) =>
  go(context.home ?? 'ready', { ...context, notice: NoticeCode.UserCancelled }, [
    { type: 'emit', event: 'cancel', detail: { reason: 'user-cancelled' } },
  ]);

export const linkFailedInLink: Action<EventOf<'LINK.CALLBACK'>> = (context, { outcome }) =>
  outcome.kind !== 'failed'
    ? go('linking', context)
    : fail(context, {
        code: outcome.code,
        params: outcome.detail === null ? {} : { detail: outcome.detail },
        step: 'linking',
      });

/** Link says it linked: the callback can be typed by anyone, so ask the backend before believing it. */
export const confirm: Action<EventOf<'LINK.CALLBACK'>> = (context, { outcome }) =>
  enterStep('confirming', {
    ...context,
    connectionId: outcome.kind === 'success' ? outcome.connectionId : null,
  });

const ABANDON_NOTICE: Record<AbandonReason, NoticeCode | null> = {
  'popup-closed': NoticeCode.PopupClosed,
  'link-unfinished': NoticeCode.LinkUnfinished,
  'redirect-vetoed': null,
};

export const abandon: Action<EventOf<'LINK.ABANDONED'>> = (context, { reason }) =>
  go(context.home ?? 'ready', { ...context, notice: ABANDON_NOTICE[reason] }, [
    { type: 'emit', event: 'cancel', detail: { reason } },
  ]);

// ── confirming ─────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Linked. The platform starts a sync by itself only on a company's first link: after a re-authorisation (the
 * company had been linked before) we queue one ourselves, and judge only its readings.
 */
export const linked: Action<EventOf<'LINK.CHECKED'>> = (context, { company }) => {
  const connection = confirmation(context, company);
  const connectionId = connection?.id ?? '';
  const reauthorised = context.company !== null && wasEverLinked(context.company);
  // Adding may also take up a connection the company had (disconnected, revoked): that is a re-link, not a new source.
  const added = context.adding && connection !== undefined && isNewSource(connection, context.company);
  return withEffectsBefore(
    [
      { type: 'emit', event: 'linked', detail: { connectionId } },
      ...(added ? [{ type: 'emit', event: 'connection-added', detail: { connection } } as const] : []),
    ],
    enterStep('syncing', {
      ...context,
      company,
      connectionId,
      adding: false,
      linkUrl: 'fresh',
      refreshing: context.refreshing || reauthorised,
    }),
  );
};

export const notLinked: Action<EventOf<'LINK.CHECKED'>> = (context, { company }) =>
  fail(
    { ...context, company, linkUrl: 'fresh' },
    { code: ErrorCode.LinkNotConfirmed, params: {}, step: 'linking' },
  );

// ── syncing ────────────────────────────────────────────────────────────────────────────────────────────────────

export const refreshData: Action<EventOf<'DATA.REFRESH'>> = (context) =>
  enterStep('syncing', { ...context, refreshing: true });

/** How long every waiting type may sit `Queued` before the user is told the platform has not started. */
export const QUEUED_LONG_MS = 60_000;

const reading = (context: JourneyContext, { progress, at }: EventOf<'SYNC.READING'>): JourneyContext => {
  const since = context.watch.since ?? at;
  const waiting = progress.types.filter((type) => type.phase !== 'finished');
  const stuck =
    at - since >= QUEUED_LONG_MS && waiting.length > 0 && waiting.every((type) => type.status === 'Queued');
  const notice = stuck
    ? NoticeCode.SyncQueued
    : context.notice === NoticeCode.SyncQueued
      ? null
      : context.notice;
  return { ...context, progress, refreshing: false, notice, watch: { ...context.watch, since } };
};

const toldProgress = ({ progress }: EventOf<'SYNC.READING'>) =>
  ({ type: 'emit', event: 'sync-progress', detail: { progress } }) as const;

export const syncProgressed: Action<EventOf<'SYNC.READING'>> = (context, event) =>
  go('syncing', reading(context, event), [toldProgress(event)]);

export const baselineTaken: Action<EventOf<'SYNC.BASELINE'>> = (context, { baseline }) =>
  go('syncing', { ...context, watch: { ...context.watch, baseline } });

/** Required types the platform never fetched by itself: queue each once, and give them time to start. */
export const queueNotStarted: Action<EventOf<'SYNC.READING'>> = (context, event) => {
  const next = reading(context, event);
  const { companyId } = context;
  const types = event.notStarted;
  return go('syncing', { ...next, watch: { ...next.watch, queued: { types, at: event.at } } }, [
    toldProgress(event),
    ...(companyId === null ? [] : [{ type: 'queueDataTypes', companyId, types } as const]),
  ]);
};

/** Queued and still not started: say which, rather than wait for the sync's own time limit. */
export const failNotStarted: Action<EventOf<'SYNC.READING'>> = (context, event) =>
  fail(
    reading(context, event),
    { code: ErrorCode.SyncNotStarted, params: { types: event.notStarted }, step: 'syncing' },
    [toldProgress(event)],
  );

export const syncDone: Action<EventOf<'SYNC.READING'>> = (context, event) => {
  const next = reading(context, event);
  const told = [toldProgress(event), { type: 'emit', event: 'complete', detail: {} }] as const;
  // On the dashboard: read the company afresh, and say the refresh is done once it shows.
  return next.home !== null && next.companyId !== null
    ? go('loading', { ...next, notice: NoticeCode.DataRefreshed }, [
        ...told,
        { type: 'loadCompany', companyId: next.companyId, withStatuses: true },
      ])
    : go('complete', next, told);
};

export const syncFailedTypes: Action<EventOf<'SYNC.READING'>> = (context, event) => {
  const failed = event.progress.types.filter((t) => t.phase === 'failed');
  // Lost access (AuthError) is mended by linking again, not by syncing again.
  const error: JourneyError = failed.some((t) => t.status === 'AuthError')
    ? { code: ErrorCode.SyncAuthError, params: {}, step: 'linking' }
    : { code: ErrorCode.SyncFailed, params: { types: failed.map((t) => t.dataType) }, step: 'syncing' };
  return fail(reading(context, event), error, [toldProgress(event)]);
};

export const syncTimedOut: Action<EventOf<'SYNC.TIMED_OUT'>> = (context) =>
  fail(context, { code: ErrorCode.SyncTimeout, params: {}, step: 'syncing' });

// ── failing and trying again ───────────────────────────────────────────────────────────────────────────────────

/** A failed request as the user's error, told by `code`, with where "Try again" goes (`null`: nowhere). */
const errorOf = (failure: StepFailure, code: string, step: RetryableStep | null): JourneyError => ({
  code,
  params: failure.params,
  step,
  ...(failure.correlationId === undefined ? {} : { correlationId: failure.correlationId }),
});

/**
 * A step failed: with a `field`, the user must change that input; a failure retrying cannot mend offers nothing
 * to retry; otherwise "Try again" returns here.
 */
export const stepFailed: Action<EventOf<'STEP.FAILED'>> = (context, { failure }, state) =>
  fail(context, {
    ...errorOf(
      failure,
      failure.code,
      failure.field === undefined && !retryCannotHelp(failure.code) ? (state as RetryableStep) : null,
    ),
    ...(failure.field === undefined ? {} : { field: failure.field }),
  });

export const retry: Action<EventOf<'RETRY'>> = (context, request, state) =>
  context.error?.step == null ? go(state, context) : enterStep(context.error.step, context, request);
