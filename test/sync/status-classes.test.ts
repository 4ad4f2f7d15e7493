import { expect } from 'chai';
import {
  PlatformStatusPhase,
  classifyStatus,
  isKnownStatus,
  summarizeDataStatus,
} from '../../src/sync/index.ts';

/** CODAT.md's lists, written out again so the table is checked against the documentation, not itself. */
const InProgressStatus = [
  'Initial',
  'Queued',
  'Fetching',
  'MapQueued',
  'Mapping',
  'ProcessingQueued',
  'Processing',
  'ValidationQueued',
  'Validating',
];
const FinishedStatus = ['Complete', 'NotSupported'];
const FailedStatus = [
  'FetchError',
  'MapError',
  'InternalError',
  'ProcessingError',
  'ValidationError',
  'AuthError',
  'Cancelled',
  'RateLimitError',
  'PermissionsError',
  'PrerequisiteNotMet',
];

describe('classifyStatus: every platform status', () => {
  for (const status of InProgressStatus) {
    it(`${status} is in progress`, () => expect(classifyStatus(status)).to.equal('in-progress'));
  }
  for (const status of FinishedStatus) {
    it(`${status} is finished`, () => expect(classifyStatus(status)).to.equal('finished'));
  }
  for (const status of FailedStatus) {
    it(`${status} is failed`, () => expect(classifyStatus(status)).to.equal('failed'));
  }
  it('knows exactly the documented statuses', () => {
    expect(Object.keys(PlatformStatusPhase).sort()).to.deep.equal(
      [...InProgressStatus, ...FinishedStatus, ...FailedStatus].sort(),
    );
  });
  it('a type never synced is pending', () => {
    expect(classifyStatus(undefined)).to.equal('pending');
    expect(classifyStatus(null)).to.equal('pending');
  });
  it('an unknown future status counts as in progress and is flagged unknown', () => {
    expect(classifyStatus('Reticulating')).to.equal('in-progress');
    expect(isKnownStatus('Reticulating')).to.equal(false);
    expect(isKnownStatus('Complete')).to.equal(true);
  });
});

describe('summarizeDataStatus', () => {
  const status = (dataType: string, currentStatus?: string) => ({
    dataType,
    ...(currentStatus === undefined ? {} : { currentStatus }),
  });

  it('is in progress, not complete, before anything is reported', () => {
    expect(summarizeDataStatus({})).to.deep.equal({
      types: [],
      finished: 0,
      total: 0,
      outcome: 'in-progress',
      notStarted: [],
    });
  });

  it('completes when every reported type finished (NotSupported included)', () => {
    const result = summarizeDataStatus({
      invoices: status('invoices', 'Complete'),
      bills: status('bills', 'NotSupported'),
    });
    expect(result).to.include({ finished: 2, total: 2, outcome: 'complete' });
  });

  it('fails when any type failed, naming it', () => {
    const result = summarizeDataStatus({
      invoices: status('invoices', 'FetchError'),
      bills: status('bills', 'Complete'),
    });
    expect(result.outcome).to.equal('failed');
    expect(result.types.find((t) => t.phase === 'failed')?.dataType).to.equal('invoices');
  });

  it('narrows to the required types; one not reported is pending', () => {
    const result = summarizeDataStatus(
      { invoices: status('invoices', 'Complete'), bills: status('bills', 'FetchError') },
      ['invoices', 'customers'],
    );
    expect(result.outcome).to.equal('in-progress');
    expect(result.types).to.deep.equal([
      { dataType: 'invoices', status: 'Complete', phase: 'finished' },
      { dataType: 'customers', status: null, phase: 'pending' },
    ]);
  });
});
