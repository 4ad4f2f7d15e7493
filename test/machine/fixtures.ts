import {
  initialContext,
  type JourneyContext,
  type JourneyEvent,
  type JourneyState,
  type SyncSnapshot,
} from '../../src/machine/index.ts';

export const company = { id: 'c-1', name: 'Acme Ltd', redirect: 'https://link.codat.io/company/c-1' };

const progress = (phase: 'in-progress' | 'finished' | 'failed'): SyncSnapshot => ({
  types: [
    { dataType: 'invoices', status: phase === 'failed' ? 'FetchError' : 'Complete', phase },
    { dataType: 'bills', status: 'Complete', phase: 'finished' },
  ],
  finished: phase === 'finished' ? 2 : 1,
  total: 2,
});

/** A plausible context for each state, as the journey would have it when it gets there. */
export function contextFor(state: JourneyState): JourneyContext {
  const named = { ...initialContext, companyName: 'Acme Ltd', idempotencyKey: 'key-1' };
  const withCompany = { ...named, companyId: company.id, company };
  switch (state) {
    case 'idle':
      return initialContext;
    case 'creating':
      return named;
    case 'loading':
      return { ...initialContext, companyId: company.id };
    case 'linking':
      return { ...withCompany, linkState: 'nonce-1' };
    case 'error':
      return { ...withCompany, error: { code: 'network-error', message: 'Offline', step: 'confirming' } };
    default:
      return withCompany;
  }
}

/** One instance of every event the machine knows. */
export const everyEvent: Record<JourneyEvent['type'], JourneyEvent> = {
  'COMPANY.LOAD': { type: 'COMPANY.LOAD', companyId: company.id, manage: false },
  'DATA.REFRESH': { type: 'DATA.REFRESH' },
  'NAME.SUBMIT': { type: 'NAME.SUBMIT', name: 'Acme Ltd', idempotencyKey: 'key-2' },
  'COMPANY.CREATED': { type: 'COMPANY.CREATED', company },
  'COMPANY.LOADED': { type: 'COMPANY.LOADED', company },
  'LINK.OPEN': { type: 'LINK.OPEN', linkState: 'nonce-2' },
  'LINK.CALLBACK': {
    type: 'LINK.CALLBACK',
    outcome: {
      kind: 'success',
      statusCode: 200,
      state: 'nonce-1',
      companyId: company.id,
      connectionId: 'conn-1',
    },
  },
  'LINK.ABANDONED': { type: 'LINK.ABANDONED', reason: 'popup-closed' },
  'JOURNEY.RESUME': {
    type: 'JOURNEY.RESUME',
    snapshot: { state: 'linking', context: contextFor('linking') },
  },
  'LINK.CONFIRMED': { type: 'LINK.CONFIRMED', connectionId: 'conn-1' },
  'LINK.NOT_CONFIRMED': { type: 'LINK.NOT_CONFIRMED' },
  'SYNC.PROGRESS': { type: 'SYNC.PROGRESS', progress: progress('in-progress') },
  'SYNC.DONE': { type: 'SYNC.DONE', progress: progress('finished') },
  'SYNC.FAILED': { type: 'SYNC.FAILED', progress: progress('failed') },
  'STEP.FAILED': { type: 'STEP.FAILED', code: 'network-error', message: 'Offline' },
  RETRY: { type: 'RETRY', linkState: 'nonce-3' },
};
