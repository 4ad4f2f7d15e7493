import { expect } from 'chai';
import { baselineOf, summarizeDataStatus } from '../../src/sync/index.ts';

const reading = (currentStatus: string, latestSyncId?: string, lastSuccessfulSync?: string) => ({
  invoices: {
    dataType: 'invoices',
    currentStatus,
    ...(latestSyncId === undefined ? {} : { latestSyncId }),
    ...(lastSuccessfulSync === undefined ? {} : { lastSuccessfulSync }),
  },
});

describe('summarizeDataStatus: readings judged against how things stood before we asked', () => {
  it('the last sync’s Complete or AuthError is pending, not done or failed; a new sync id counts', () => {
    const before = baselineOf(reading('AuthError', 's1'));
    expect(summarizeDataStatus(reading('AuthError', 's1'), [], before)).to.deep.include({
      outcome: 'in-progress',
      finished: 0,
    });
    expect(summarizeDataStatus(reading('Complete', 's2'), [], before).outcome).to.equal('complete');
    const done = baselineOf(reading('Complete', 's1'));
    expect(summarizeDataStatus(reading('Complete', 's1'), [], done).outcome).to.equal('in-progress');
  });

  it('without sync ids, a new last success tells the new sync from the old', () => {
    const before = baselineOf(reading('Complete', undefined, '2026-12-01T00:00:00Z'));
    expect(
      summarizeDataStatus(reading('Complete', undefined, '2026-12-01T00:00:00Z'), [], before).outcome,
    ).to.equal('in-progress');
    expect(
      summarizeDataStatus(reading('Complete', undefined, '2026-12-03T00:00:00Z'), [], before).outcome,
    ).to.equal('complete');
  });

  it('a sync running when we asked is newer than anything the user saw: it is not in the baseline', () => {
    expect(baselineOf(reading('Fetching', 's1'))).to.deep.equal({});
    expect(baselineOf({ orders: { dataType: 'orders' } })).to.deep.equal({});
  });

  it('names required types the platform never fetched or does not report', () => {
    const statuses = { ...reading('Complete', 's1'), orders: { dataType: 'orders' } };
    expect(summarizeDataStatus(statuses, ['invoices', 'orders', 'bills']).notStarted).to.deep.equal([
      'orders',
      'bills',
    ]);
    // Not required, never fetched: not followed at all.
    expect(summarizeDataStatus(statuses).types.map((t) => t.dataType)).to.deep.equal(['invoices']);
  });
});
