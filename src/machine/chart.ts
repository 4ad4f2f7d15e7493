/*
 * The journey as a state chart: per state, the events it takes, each as a list of branches tried in order
 * (the first whose named guard passes is taken), plus what leaving the state always does.
 */
import * as act from './actions.ts';
import type { JourneyContext } from './context.ts';
import type { JourneyEffect } from './effects.ts';
import type { EventOf, JourneyEventType } from './events.ts';
import * as is from './guards.ts';
import type { JourneyState, RetryableStep } from './states.ts';
import { emptyWatch } from './sync-snapshot.ts';

export interface Branch<E> {
  readonly guard?: (context: JourneyContext, event: E) => boolean;
  readonly then: act.Action<E>;
}

export type Handlers = { readonly [T in JourneyEventType]?: readonly Branch<EventOf<T>>[] };

export interface StateNode {
  readonly on: Handlers;
  /** Always done on leaving the state, whatever the event: effects first, and context reset. */
  readonly exit?: { readonly effects: readonly JourneyEffect[]; readonly reset: Partial<JourneyContext> };
}

/**
 * Every retryable step takes `STEP.FAILED`, the same way unless it says otherwise; the type checker holds the
 * list to RETRYABLE_STEPS.
 */
const retryableStep = (on: Handlers): StateNode => ({
  on: { 'STEP.FAILED': [{ then: act.stepFailed }], ...on },
});

const steps = {
  creating: retryableStep({ 'COMPANY.CREATED': [{ then: act.companyCreated }] }),
  loading: retryableStep({ 'COMPANY.LOADED': [{ guard: is.isThisCompany, then: act.companyLoaded }] }),
  linking: {
    ...retryableStep({
      'LINK.OPENED': [{ then: act.linkOpened }],
      'LINK.FOCUS': [{ then: act.focusLink }],
      // Closing the popup is leaving `linking`: its exit does it.
      'LINK.CANCEL': [{ then: act.cancelled }],
      'LINK.POPUP_BLOCKED': [
        { guard: is.popupMayRedirect, then: act.redirectInstead },
        { then: act.failPopupBlocked },
      ],
      'LINK.URL_REJECTED': [{ then: act.failUrlRejected }],
      'LINK.STORAGE_FAILED': [{ then: act.failStorage }],
      'LINK.CALLBACK': [
        // The nonce first: a callback that does not carry this journey's is refused whatever it says.
        { guard: is.stateMismatch, then: act.failStateMismatch },
        { guard: is.userCancelled, then: act.cancelled },
        { guard: is.linkFailed, then: act.linkFailedInLink },
        { guard: is.otherCompany, then: act.failCompanyMismatch },
        { then: act.confirm },
      ],
      'LINK.ABANDONED': [{ then: act.abandon }],
      'LINK.URL_READY': [{ then: act.linkUrlReady }],
      // The only request made while Link opens is for a fresh Link URL.
      'STEP.FAILED': [{ then: act.failLinkUrl }],
    }),
    // Link's nonce and window belong to Link being open: leaving `linking` spends them.
    exit: {
      effects: [{ type: 'closeLink' }],
      reset: { linkState: null, linkMode: null, redirectIfBlocked: false },
    },
  },
  confirming: retryableStep({
    'LINK.CHECKED': [{ guard: is.linkConfirmed, then: act.linked }, { then: act.notLinked }],
  }),
  syncing: {
    ...retryableStep({
      'SYNC.BASELINE': [{ then: act.baselineTaken }],
      'SYNC.READING': [
        { guard: is.syncComplete, then: act.syncDone },
        { guard: is.syncFailed, then: act.syncFailedTypes },
        { guard: is.startOverdue, then: act.failNotStarted },
        { guard: is.mayQueue, then: act.queueNotStarted },
        { then: act.syncProgressed },
      ],
      'SYNC.TIMED_OUT': [{ then: act.syncTimedOut }],
    }),
    exit: { effects: [{ type: 'stopSync' }], reset: { watch: emptyWatch } },
  },
} satisfies Record<RetryableStep, StateNode>;

export const chart: Record<JourneyState, StateNode> = {
  idle: {
    on: {
      'JOURNEY.START': [
        { guard: is.inPopup, then: act.handOff },
        { guard: is.savedBelongsHere, then: act.resumeSaved },
        { guard: is.companyGiven, then: act.loadGivenCompany },
        { then: act.startFresh },
      ],
      'NAME.SUBMIT': [{ then: act.submitName }],
    },
  },
  ...steps,
  ready: { on: { 'LINK.OPEN': [{ then: act.openLink }] } },
  overview: {
    on: {
      'LINK.OPEN': [{ then: act.openLink }],
      'DATA.REFRESH': [{ then: act.refreshData }],
      'CONNECTION.DISCONNECTED': [{ then: act.disconnected }],
      'COMPANY.DELETED': [{ then: act.companyDeleted }],
      'COMPANY.LOADED': [{ guard: is.isThisCompany, then: act.companyReread }],
      // A failure shown on the dashboard: "Try again" (or "Reconnect") returns to the step that failed.
      RETRY: [{ guard: is.retryable, then: act.retry }],
    },
  },
  complete: { on: {} },
  deleted: { on: {} },
  error: {
    on: {
      'NAME.SUBMIT': [{ guard: is.mayResubmitName, then: act.submitName }],
      RETRY: [{ guard: is.retryable, then: act.retry }],
    },
  },
};
