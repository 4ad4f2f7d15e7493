import {
  initialContext,
  transition,
  type CompanyRecord,
  type EventOf,
  type JourneyContext,
  type JourneyEvent,
  type JourneySnapshot,
  type JourneyState,
  type LinkOutcome,
  type SyncOutcome,
  type SyncSnapshot,
  type TransitionResult,
} from '../../src/machine/index.ts';

export const company: CompanyRecord = {
  id: 'c-1',
  name: 'Acme Ltd',
  redirect: 'https://link.codat.io/company/c-1',
};
export const linkedCompany = (connectionId = 'conn-1'): CompanyRecord => ({
  ...company,
  dataConnections: [{ id: connectionId, platformName: 'Xero', status: 'Linked' }],
});
export const brokenCompany: CompanyRecord = {
  ...company,
  dataConnections: [
    { id: 'conn-9', platformName: 'Sage', status: 'Unlinked' },
    {
      id: 'conn-1',
      platformName: 'Xero',
      status: 'Deauthorized',
      linkUrl: 'https://link-api.codat.io/companies/c-1/connections/conn-1/start',
    },
  ],
};

export const progress = (
  phase: 'in-progress' | 'finished' | 'failed',
  status = 'FetchError',
): SyncSnapshot => ({
  types: [
    { dataType: 'invoices', status: phase === 'failed' ? status : 'Complete', phase },
    { dataType: 'bills', status: 'Complete', phase: 'finished' },
  ],
  finished: phase === 'finished' ? 2 : 1,
  total: 2,
});

export const reading = (phase: 'in-progress' | 'finished' | 'failed', status?: string): JourneyEvent => {
  const outcome: SyncOutcome =
    phase === 'finished' ? 'complete' : phase === 'failed' ? 'failed' : 'in-progress';
  return {
    type: 'SYNC.READING',
    progress: progress(phase, status),
    outcome,
    notStarted: [],
    at: 0,
    startTimeoutMs: 60_000,
  };
};

/** A plausible context for each state, as the journey would have it when it gets there. */
export function contextFor(state: JourneyState): JourneyContext {
  const named = { ...initialContext, journeyId: 'j-1', companyName: 'Acme Ltd', idempotencyKey: 'key-1' };
  const withCompany = { ...named, companyId: company.id, company };
  switch (state) {
    case 'idle':
      return { ...initialContext, journeyId: 'j-1' };
    case 'creating':
      return named;
    case 'loading':
      return { ...initialContext, journeyId: 'j-1', companyId: company.id };
    case 'linking':
      return { ...withCompany, linkState: 'nonce-1', linkMode: 'popup', redirectIfBlocked: true };
    case 'error':
      return { ...withCompany, error: { code: 'network-error', params: {}, step: 'confirming' } };
    case 'overview':
      return { ...withCompany, home: 'overview' };
    default:
      return withCompany;
  }
}

export const at = (state: JourneyState, extra: Partial<JourneyContext> = {}): JourneySnapshot => ({
  state,
  context: { ...contextFor(state), ...extra },
});

export const callback = (outcome: LinkOutcome): EventOf<'LINK.CALLBACK'> => ({
  type: 'LINK.CALLBACK',
  outcome,
});
export const success = (
  state: string | null = 'nonce-1',
  extra: Partial<Extract<LinkOutcome, { kind: 'success' }>> = {},
) =>
  callback({
    kind: 'success',
    statusCode: 200,
    state,
    companyId: company.id,
    connectionId: 'conn-1',
    ...extra,
  });

export const request = { mode: 'popup', inWebview: false } as const;

export const start = (
  extra: Partial<Extract<JourneyEvent, { type: 'JOURNEY.START' }>> = {},
): JourneyEvent => ({
  type: 'JOURNEY.START',
  journeyId: 'j-new',
  companyId: null,
  manage: false,
  saved: null,
  callback: null,
  hasOpener: false,
  ...extra,
});

export const failed = (code = 'network-error', field?: string): JourneyEvent => ({
  type: 'STEP.FAILED',
  failure: { code, params: {}, ...(field === undefined ? {} : { field }) },
});

/** One instance of every event the machine knows. */
export const everyEvent: Record<JourneyEvent['type'], JourneyEvent> = {
  'JOURNEY.START': start(),
  'NAME.SUBMIT': { type: 'NAME.SUBMIT', name: 'Acme Ltd', idempotencyKey: 'key-2' },
  'COMPANY.CREATED': { type: 'COMPANY.CREATED', company },
  'COMPANY.LOADED': { type: 'COMPANY.LOADED', company, statuses: null },
  'LINK.OPEN': { type: 'LINK.OPEN', linkState: 'nonce-2', ...request },
  'LINK.URL_READY': { type: 'LINK.URL_READY', company },
  'LINK.OPENED': { type: 'LINK.OPENED' },
  'LINK.FOCUS': { type: 'LINK.FOCUS' },
  'LINK.CANCEL': { type: 'LINK.CANCEL' },
  'LINK.POPUP_BLOCKED': { type: 'LINK.POPUP_BLOCKED' },
  'LINK.URL_REJECTED': { type: 'LINK.URL_REJECTED' },
  'LINK.STORAGE_FAILED': { type: 'LINK.STORAGE_FAILED' },
  'LINK.CALLBACK': success(),
  'LINK.ABANDONED': { type: 'LINK.ABANDONED', reason: 'popup-closed' },
  'LINK.CHECKED': { type: 'LINK.CHECKED', company: linkedCompany() },
  'DATA.REFRESH': { type: 'DATA.REFRESH' },
  'CONNECTION.DISCONNECTED': {
    type: 'CONNECTION.DISCONNECTED',
    connection: { id: 'conn-1', platformName: 'Xero', status: 'Unlinked' },
  },
  'COMPANY.DELETED': { type: 'COMPANY.DELETED' },
  'SYNC.BASELINE': { type: 'SYNC.BASELINE', baseline: {} },
  'SYNC.READING': reading('in-progress'),
  'SYNC.TIMED_OUT': { type: 'SYNC.TIMED_OUT' },
  'STEP.FAILED': failed(),
  RETRY: { type: 'RETRY', linkState: 'nonce-3', ...request },
};

/** Runs events from a snapshot, returning the last result. */
export function run(from: JourneySnapshot, ...events: JourneyEvent[]): TransitionResult {
  let result: TransitionResult = { ...from, effects: [] };
  for (const event of events) result = transition(result, event);
  return result;
}

/** Effect types, with emitted events as `emit:<name>`. */
export const labels = (result: TransitionResult): string[] =>
  result.effects.map((effect) => (effect.type === 'emit' ? `emit:${effect.event}` : effect.type));
