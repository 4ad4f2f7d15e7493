import { expect } from '@open-wc/testing';
import {
  PENDING_JOURNEY_TTL_MS,
  clearPendingJourney,
  loadPendingJourney,
  savePendingJourney,
} from '../../src/link/index.ts';
import { initialContext } from '../../src/machine/index.ts';

const context = { ...initialContext, companyName: 'Acme', companyId: 'c1', linkState: 'n1' };

describe('pending journey (sessionStorage)', () => {
  afterEach(() => sessionStorage.clear());

  it('round-trips a journey per key', () => {
    expect(savePendingJourney('a', 'redirect', context, 1000)).to.equal(true);
    expect(loadPendingJourney('a', 2000)).to.deep.equal({ mode: 'redirect', context });
    expect(loadPendingJourney('b', 2000)).to.equal(null);
    clearPendingJourney('a');
    expect(loadPendingJourney('a', 2000)).to.equal(null);
  });

  it('forgets an expired journey', () => {
    savePendingJourney('a', 'popup', context, 0);
    expect(loadPendingJourney('a', PENDING_JOURNEY_TTL_MS + 1)).to.equal(null);
  });

  it('ignores another version or a tampered record', () => {
    sessionStorage.setItem('company-onboard:journey:a', JSON.stringify({ v: 99, savedAt: 0, context }));
    expect(loadPendingJourney('a', 1)).to.equal(null);
    sessionStorage.setItem('company-onboard:journey:a', '{not json');
    expect(loadPendingJourney('a', 1)).to.equal(null);
    sessionStorage.setItem(
      'company-onboard:journey:a',
      JSON.stringify({ v: 1, savedAt: 0, context: { companyName: 1 } }),
    );
    expect(loadPendingJourney('a', 1)).to.equal(null);
  });

  it('reports failure instead of throwing when storage refuses', () => {
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('quota', 'QuotaExceededError');
    };
    try {
      expect(savePendingJourney('a', 'redirect', context)).to.equal(false);
    } finally {
      Storage.prototype.setItem = original;
    }
  });
});
