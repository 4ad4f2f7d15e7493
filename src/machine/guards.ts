/*
 * Named guards: each answers one question the chart asks before taking a branch. Pure and total.
 */
import { confirmingConnection } from './company.ts';
import type { CompanyRecord, ConnectionRecord } from './records.ts';
import type { JourneyContext } from './context.ts';
import type { EventOf } from './events.ts';
import { isLinkPopup } from './link-role.ts';

/** The callback carries the nonce we appended to this journey's Link URL (a callback without one never does). */
export const stateMismatch = (context: JourneyContext, { outcome }: EventOf<'LINK.CALLBACK'>): boolean =>
  context.linkState === null || outcome.state !== context.linkState;

export const userCancelled = (_: JourneyContext, { outcome }: EventOf<'LINK.CALLBACK'>): boolean =>
  outcome.kind === 'cancelled';

export const linkFailed = (_: JourneyContext, { outcome }: EventOf<'LINK.CALLBACK'>): boolean =>
  outcome.kind === 'failed';

/** A success naming a company other than this journey's. */
export const otherCompany = (context: JourneyContext, { outcome }: EventOf<'LINK.CALLBACK'>): boolean =>
  outcome.kind === 'success' && outcome.companyId !== null && outcome.companyId !== context.companyId;

/** The company read after the callback has a connection that confirms the link. */
export const linkConfirmed = (context: JourneyContext, { company }: EventOf<'LINK.CHECKED'>): boolean =>
  confirmation(context, company) !== undefined;

/** The connection that confirms this journey's link in `company` (see {@link confirmingConnection}). */
export const confirmation = (context: JourneyContext, company: CompanyRecord): ConnectionRecord | undefined =>
  confirmingConnection(company, context.connectionId, context.adding ? context.company : null);

/** A loaded company is the one this journey asked for (a late answer for another is dropped). */
export const isThisCompany = (context: JourneyContext, { company }: EventOf<'COMPANY.LOADED'>): boolean =>
  company.id === context.companyId;

export const popupMayRedirect = (context: JourneyContext): boolean => context.redirectIfBlocked;

export const syncComplete = (_: JourneyContext, { outcome }: EventOf<'SYNC.READING'>): boolean =>
  outcome === 'complete';

export const syncFailed = (_: JourneyContext, { outcome }: EventOf<'SYNC.READING'>): boolean =>
  outcome === 'failed';

/** Before queueing a type that has not started, give the platform this long to start it by itself. */
export const QUEUE_GRACE_MS = 10_000;

/**
 * Required types have not started, and we have not queued them yet: queue them once the sync is visibly under
 * way without them (another type started), or the grace period has passed.
 */
export const mayQueue = (context: JourneyContext, event: EventOf<'SYNC.READING'>): boolean => {
  const { notStarted, progress, at } = event;
  if (notStarted.length === 0 || context.watch.queued !== null) return false;
  const othersStarted = progress.types.some((type) => type.phase !== 'pending');
  return othersStarted || at - (context.watch.since ?? at) >= QUEUE_GRACE_MS;
};

/** Types we queued have still not started, `startTimeoutMs` after we queued them. */
export const startOverdue = (context: JourneyContext, event: EventOf<'SYNC.READING'>): boolean => {
  const { queued } = context.watch;
  return queued !== null && event.notStarted.length > 0 && event.at - queued.at >= event.startTimeoutMs;
};

/** The page is the Link popup holding a callback: the journey belongs to the page that opened it. */
export const inPopup = (context: JourneyContext, event: EventOf<'JOURNEY.START'>): boolean =>
  event.callback !== null &&
  isLinkPopup(
    savedBelongsHere(context, event) ? (event.saved?.context.linkMode ?? null) : null,
    event.hasOpener,
  );

/**
 * A saved journey resumes only where it belongs: with `company-id` given, only a journey for that company
 * (an element reused for another company must not pick up the last one's journey).
 */
export const savedBelongsHere = (
  _: JourneyContext,
  { saved, companyId }: EventOf<'JOURNEY.START'>,
): boolean => saved !== null && (companyId === null || saved.context.companyId === companyId);

export const companyGiven = (_: JourneyContext, { companyId }: EventOf<'JOURNEY.START'>): boolean =>
  companyId !== null;

/** The name form may be submitted again after a creation that failed before any company existed. */
export const mayResubmitName = (context: JourneyContext): boolean =>
  context.companyId === null && (context.error?.step ?? 'creating') === 'creating';

/** "Try again" is offered: the error names a step to go back to. */
export const retryable = (context: JourneyContext): boolean => (context.error?.step ?? null) !== null;
