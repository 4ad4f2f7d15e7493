import { expect } from 'chai';
import { SAVED_JOURNEY_TTL_MS, createJourneyStore, type SavedJourney } from '../../src/link/index.ts';
import { initialContext } from '../../src/machine/index.ts';
import { memoryStorage } from './memory-storage.ts';

const journey = (linkState: string | null = 'n1'): SavedJourney => ({
  snapshot: {
    state: 'linking',
    context: {
      ...initialContext,
      journeyId: 'j1',
      companyName: 'Acme',
      companyId: 'c1',
      linkState,
      linkMode: 'redirect',
    },
  },
  returnUrl: 'https://app.example/signup',
});

const KEY = 'company-onboard:journey:';

describe('saved journeys (session storage, per instance)', () => {
  let storage: Storage;
  let now: number;
  const store = () =>
    createJourneyStore(
      () => storage,
      () => now,
    );
  beforeEach(() => {
    storage = memoryStorage();
    now = 1_000;
  });

  it('round-trips a journey per key, and keys do not cross', () => {
    expect(store().save('a', journey())).to.equal(true);
    expect(store().load('a')).to.deep.equal(journey());
    expect(store().load('b')).to.equal(null);
  });

  it('removes a journey with nothing in it yet instead of saving it', () => {
    store().save('a', journey());
    expect(
      store().save('a', { snapshot: { state: 'idle', context: initialContext }, returnUrl: 'x' }),
    ).to.equal(true);
    expect(storage.getItem(`${KEY}a`)).to.equal(null);
    // Idle with a company, or with a key, is worth keeping.
    store().save('b', {
      snapshot: { state: 'idle', context: { ...initialContext, idempotencyKey: 'k' } },
      returnUrl: 'x',
    });
    store().save('c', {
      snapshot: { state: 'idle', context: { ...initialContext, companyId: 'c' } },
      returnUrl: 'x',
    });
    expect(storage.length).to.equal(2);
  });

  it('forgets a journey older than its time to live, and removes it on the way', () => {
    now = 0;
    store().save('a', journey());
    now = SAVED_JOURNEY_TTL_MS - 1;
    expect(store().load('a')).not.to.equal(null);
    now = SAVED_JOURNEY_TTL_MS;
    expect(store().load('a')).to.equal(null);
    expect(storage.length).to.equal(0);
  });

  it('purges every expired or unreadable journey, whoever left it, and keeps the rest', () => {
    now = 0;
    store().save('old', journey());
    now = SAVED_JOURNEY_TTL_MS;
    store().save('fresh', journey());
    storage.setItem(`${KEY}broken`, '{not json');
    storage.setItem('someone-else', 'untouched');
    store().purge();
    expect([...Array(storage.length).keys()].map((i) => storage.key(i)).sort()).to.deep.equal([
      `${KEY}fresh`,
      'someone-else',
    ]);
  });

  it('ignores another version and tampered records', () => {
    // A journey saved by the version before (no sync watch) would break a resumed sync: it is not resumed.
    const withoutWatch: Record<string, unknown> = { ...journey().snapshot.context };
    delete withoutWatch['watch'];
    const tampered = [
      JSON.stringify({ v: 2, savedAt: now, ...journey() }),
      JSON.stringify({ v: 3, savedAt: now, ...journey() }),
      JSON.stringify({ v: 4, savedAt: now, ...journey() }),
      JSON.stringify({
        ...journey(),
        v: 5,
        savedAt: now,
        snapshot: { state: 'syncing', context: withoutWatch },
      }),
      '{not json',
      'null',
      JSON.stringify({ ...journey(), v: 5, savedAt: now, returnUrl: 5 }),
      JSON.stringify({ v: 5, savedAt: now, returnUrl: 'x', snapshot: { state: 5, context: {} } }),
      JSON.stringify({
        v: 5,
        savedAt: now,
        returnUrl: 'x',
        snapshot: { state: 'ready', context: { companyName: 'A' } },
      }),
      JSON.stringify({ v: 5, returnUrl: 'x', snapshot: journey().snapshot }),
      JSON.stringify({ v: 5, savedAt: now + 1, returnUrl: 'x', snapshot: journey().snapshot }),
    ];
    for (const raw of tampered) {
      storage.setItem(`${KEY}a`, raw);
      expect(store().load('a'), raw).to.equal(null);
    }
  });

  it('finds the journey a callback belongs to by its state, whichever element saved it', () => {
    store().save('a', journey('n1'));
    store().save('b', journey('n2'));
    expect(store().findByLinkState('n2')?.snapshot.context.linkState).to.equal('n2');
    expect(store().findByLinkState('forged')).to.equal(null);
  });

  it('reports failure instead of throwing when storage refuses or is missing', () => {
    storage = memoryStorage(true);
    expect(store().save('a', journey())).to.equal(false);
    expect(store().load('a')).to.equal(null);
    expect(store().findByLinkState('n1')).to.equal(null);
    expect(() => store().purge()).not.to.throw();
    const missing = createJourneyStore(() => null);
    expect(missing.save('a', journey())).to.equal(false);
    expect(missing.load('a')).to.equal(null);
  });
});
