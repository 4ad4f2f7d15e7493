import { expect } from 'chai';
import { alwaysVisible, documentVisibility, summarizeDataStatus, systemClock } from '../../src/sync/index.ts';

describe('sync ports', () => {
  it('the system clock tells the time and runs and cancels timers', async () => {
    expect(Math.abs(systemClock.now() - Date.now())).to.be.below(50);
    const fired: string[] = [];
    systemClock.setTimeout(() => fired.push('kept'), 0);
    const cancelled = systemClock.setTimeout(() => fired.push('cancelled'), 0);
    systemClock.clearTimeout(cancelled);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(fired).to.deep.equal(['kept']);
  });

  it('a document’s visibility, heard until unsubscribed', () => {
    const doc = Object.assign(new EventTarget(), { visibilityState: 'visible' });
    const visibility = documentVisibility(doc as unknown as Document);
    let heard = 0;
    const unsubscribe = visibility.onChange(() => (heard += 1));
    expect(visibility.hidden()).to.equal(false);
    doc.visibilityState = 'hidden';
    doc.dispatchEvent(new Event('visibilitychange'));
    expect(visibility.hidden()).to.equal(true);
    unsubscribe();
    doc.dispatchEvent(new Event('visibilitychange'));
    expect(heard).to.equal(1);
  });

  it('where there is no page, always visible and never changing', () => {
    expect(alwaysVisible.hidden()).to.equal(false);
    const unsubscribe = alwaysVisible.onChange(() => {
      throw new Error('never called');
    });
    expect(() => unsubscribe()).not.to.throw();
  });
});

describe('summarizeDataStatus', () => {
  it('follows every reported type, sorted, when none are required', () => {
    const summary = summarizeDataStatus({
      invoices: { dataType: 'invoices', currentStatus: 'Complete' },
      bills: { dataType: 'bills', currentStatus: 'Fetching' },
    });
    expect(summary).to.deep.equal({
      types: [
        { dataType: 'bills', status: 'Fetching', phase: 'in-progress' },
        { dataType: 'invoices', status: 'Complete', phase: 'finished' },
      ],
      finished: 1,
      total: 2,
      notStarted: [],
      outcome: 'in-progress',
    });
  });

  it('counts a required type the platform did not report as pending, and nothing reported as not done', () => {
    expect(summarizeDataStatus({}, ['invoices']).types).to.deep.equal([
      { dataType: 'invoices', status: null, phase: 'pending' },
    ]);
    expect(summarizeDataStatus({}).outcome).to.equal('in-progress');
    const done = summarizeDataStatus(
      { invoices: { dataType: 'invoices', currentStatus: 'Complete' }, bills: { dataType: 'bills' } },
      ['invoices'],
    );
    expect([done.outcome, done.finished, done.total]).to.deep.equal(['complete', 1, 1]);
  });

  it('one failed type fails the whole, even with others still going', () => {
    const summary = summarizeDataStatus({
      invoices: { dataType: 'invoices', currentStatus: 'FetchError' },
      bills: { dataType: 'bills', currentStatus: 'Queued' },
    });
    expect(summary.outcome).to.equal('failed');
  });
});
