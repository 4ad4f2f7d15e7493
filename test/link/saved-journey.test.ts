import { expect } from '@open-wc/testing';
import {
  SAVED_JOURNEY_TTL_MS,
  clearJourney,
  findJourneyByLinkState,
  loadJourney,
  saveJourney,
  type SavedJourney,
} from '../../src/link/index.ts';
import { initialContext } from '../../src/machine/index.ts';

const journey = (linkState: string | null = 'n1'): SavedJourney => ({
  snapshot: {
    state: 'linking',
    context: { ...initialContext, companyName: 'Acme', companyId: 'c1', linkState },
  },
  mode: 'redirect',
  returnUrl: 'https://app.example/signup',
});

describe('saved journey (sessionStorage, per instance)', () => {
  afterEach(() => sessionStorage.clear());

  it('round-trips a journey per key, and keys do not cross', () => {
    expect(saveJourney('a', journey(), 1000)).to.equal(true);
    expect(loadJourney('a', 2000)).to.deep.equal(journey());
    expect(loadJourney('b', 2000)).to.equal(null);
    clearJourney('a');
    expect(loadJourney('a', 2000)).to.equal(null);
  });

  it('forgets a journey older than its time to live', () => {
    saveJourney('a', journey(), 0);
    expect(loadJourney('a', SAVED_JOURNEY_TTL_MS - 1)).not.to.equal(null);
    expect(loadJourney('a', SAVED_JOURNEY_TTL_MS + 1)).to.equal(null);
  });

  it('ignores another version and tampered records', () => {
    const key = 'company-onboard:journey:a';
    sessionStorage.setItem(key, JSON.stringify({ v: 1, savedAt: 0, mode: 'redirect', context: {} }));
    expect(loadJourney('a', 1)).to.equal(null);
    sessionStorage.setItem(key, '{not json');
    expect(loadJourney('a', 1)).to.equal(null);
    sessionStorage.setItem(key, JSON.stringify({ ...journey(), v: 2, savedAt: 0, returnUrl: 5 }));
    expect(loadJourney('a', 1)).to.equal(null);
  });

  it('finds the journey a callback belongs to by its state, whichever element saved it', () => {
    saveJourney('a', journey('n1'));
    saveJourney('b', journey('n2'));
    expect(findJourneyByLinkState('n2')?.snapshot.context.linkState).to.equal('n2');
    expect(findJourneyByLinkState('forged')).to.equal(null);
  });

  it('reports failure instead of throwing when storage refuses', () => {
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('quota', 'QuotaExceededError');
    };
    try {
      expect(saveJourney('a', journey())).to.equal(false);
    } finally {
      Storage.prototype.setItem = original;
    }
  });
});
