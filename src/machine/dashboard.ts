/*
 * What the dashboard decides on its own, beside the journey: asking before it disconnects a connection or
 * deletes the company, and reading the sync history. A pure reducer like the journey's chart; loaded with the
 * dashboard's views (the sign-up page never needs it). What these requests change is the journey's to tell:
 * the runtime hands it `CONNECTION.DISCONNECTED` and `COMPANY.DELETED`.
 */
import type { StepFailure } from './events.ts';
import type { PullRecord } from './records.ts';

/** A request that changes something, once the user confirmed it. */
export type DashboardRequest =
  { readonly kind: 'disconnect'; readonly connectionId: string } | { readonly kind: 'delete' };

/** The sync history, as far as it has been asked for; `request` numbers the read awaited (older answers are dropped). */
export type HistoryView =
  | { readonly status: 'closed' }
  | { readonly status: 'loading'; readonly request: number }
  | { readonly status: 'shown'; readonly operations: readonly PullRecord[] }
  | { readonly status: 'failed'; readonly failure: StepFailure };

export interface DashboardState {
  /** The request the user is asked to confirm, if any. */
  readonly asking: DashboardRequest | null;
  /** What the user typed to confirm deleting (it must be the company's name). */
  readonly typed: string;
  /** The confirmed request under way. */
  readonly working: DashboardRequest | null;
  /** Why the last request failed; the confirmation stays open so the user can try again or cancel. */
  readonly failure: StepFailure | null;
  readonly history: HistoryView;
  /** How many history reads were asked for: each answer names its own. */
  readonly historyReads: number;
}

export const initialDashboard: DashboardState = {
  asking: null,
  typed: '',
  working: null,
  failure: null,
  history: { status: 'closed' },
  historyReads: 0,
};

export type DashboardEvent =
  | { readonly type: 'ASK'; readonly request: DashboardRequest }
  | { readonly type: 'CANCEL' }
  | { readonly type: 'TYPE'; readonly text: string }
  /** The user confirmed; `companyName` is the name the typed confirmation must match. */
  | { readonly type: 'CONFIRM'; readonly companyName: string }
  | { readonly type: 'DONE' }
  | { readonly type: 'FAILED'; readonly failure: StepFailure }
  | { readonly type: 'HISTORY.OPEN' }
  | { readonly type: 'HISTORY.CLOSE' }
  | { readonly type: 'HISTORY.LOADED'; readonly request: number; readonly operations: readonly PullRecord[] }
  | { readonly type: 'HISTORY.FAILED'; readonly request: number; readonly failure: StepFailure }
  /** The journey came back to the dashboard (a refresh ended): a history on screen is read again. */
  | { readonly type: 'JOURNEY.SETTLED' };

/** Work for the runtime: a request to make, or a failure to tell the outside world (once, as it is shown). */
export type DashboardEffect =
  | DashboardRequest
  | { readonly kind: 'history'; readonly request: number }
  | { readonly kind: 'tell-failure'; readonly failure: StepFailure };

export interface DashboardResult {
  readonly state: DashboardState;
  readonly effects: readonly DashboardEffect[];
}

/** Whether `typed` confirms deleting `companyName`: the same name, spaces around it aside. */
export const confirmsDelete = (typed: string, companyName: string): boolean =>
  typed.trim() !== '' && typed.trim() === companyName.trim();

const stay = (state: DashboardState): DashboardResult => ({ state, effects: [] });

/** The next dashboard state, and the requests to make. One request at a time: others wait until it ends. */
export function dashboardTransition(state: DashboardState, event: DashboardEvent): DashboardResult {
  switch (event.type) {
    case 'ASK':
      return stay(state.working ? state : { ...state, asking: event.request, typed: '', failure: null });
    case 'CANCEL':
      return stay(state.working ? state : { ...state, asking: null, typed: '', failure: null });
    case 'TYPE':
      return stay({ ...state, typed: event.text });
    case 'CONFIRM': {
      const { asking } = state;
      if (asking === null || state.working !== null) return stay(state);
      if (asking.kind === 'delete' && !confirmsDelete(state.typed, event.companyName)) return stay(state);
      return { state: { ...state, working: asking, failure: null }, effects: [asking] };
    }
    case 'DONE':
      return stay({ ...state, asking: null, typed: '', working: null, failure: null });
    case 'FAILED':
      return failed({ ...state, working: null, failure: event.failure }, event.failure);
    case 'HISTORY.OPEN':
      return state.history.status === 'loading' ? stay(state) : readHistory(state);
    case 'JOURNEY.SETTLED':
      return state.history.status === 'shown' ? readHistory(state) : stay(state);
    case 'HISTORY.CLOSE':
      return stay({ ...state, history: { status: 'closed' } });
    case 'HISTORY.LOADED':
      // Only the answer to the read awaited: one the user closed, or that a newer read replaced, is dropped.
      return awaited(state, event.request)
        ? stay({ ...state, history: { status: 'shown', operations: event.operations } })
        : stay(state);
    case 'HISTORY.FAILED':
      return awaited(state, event.request)
        ? failed({ ...state, history: { status: 'failed', failure: event.failure } }, event.failure)
        : stay(state);
  }
}

/** A failure now shown, and told. */
const failed = (state: DashboardState, failure: StepFailure): DashboardResult => ({
  state,
  effects: [{ kind: 'tell-failure', failure }],
});

function readHistory(state: DashboardState): DashboardResult {
  const request = state.historyReads + 1;
  return {
    state: { ...state, history: { status: 'loading', request }, historyReads: request },
    effects: [{ kind: 'history', request }],
  };
}

const awaited = (state: DashboardState, request: number): boolean =>
  state.history.status === 'loading' && state.history.request === request;
