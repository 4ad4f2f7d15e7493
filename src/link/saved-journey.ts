import type { JourneySnapshot } from '../machine/index.ts';

/** What is kept per element instance so a reload, or a return from Link, resumes where the user was. */
export interface SavedJourney {
  readonly snapshot: JourneySnapshot;
  /** The page to come back to after a full-page redirect (callback pages send the user there). */
  readonly returnUrl: string;
}

/** Where journeys are kept between page loads. */
export interface JourneyStore {
  /** The journey saved under `key`; `null` when none, expired, of another version or unreadable. */
  load(key: string): SavedJourney | null;
  /**
   * Saves the journey under `key`; a journey with nothing in it yet (idle, no company, no key) is removed
   * instead. Returns `false` when storage is unavailable or full.
   */
  save(key: string, journey: SavedJourney): boolean;
  /** The saved journey waiting for the Link callback that carries `linkState`, whichever element saved it. */
  findByLinkState(linkState: string): SavedJourney | null;
  /** Removes every saved journey that expired or cannot be read, whoever left it behind. */
  purge(): void;
}

interface Stored extends SavedJourney {
  readonly v: typeof VERSION;
  readonly savedAt: number;
}

/**
 * Bumped whenever the saved context gains a field the journey reads: 4 added the sync watch and Link URL state,
 * 5 adding a source (`adding`) and the `deleted` state.
 */
const VERSION = 5;
const PREFIX = 'company-onboard:journey:';
/** A journey older than this is more likely stale than resumable (Link sessions are short). */
export const SAVED_JOURNEY_TTL_MS = 60 * 60 * 1000;

/** Storage can be edited by anyone with devtools, or hold an older format: check what we rely on. */
function isStored(value: unknown, now: number): value is Stored {
  const record = value as Partial<Stored> | null;
  return (
    record?.v === VERSION &&
    typeof record.savedAt === 'number' &&
    record.savedAt <= now &&
    now - record.savedAt < SAVED_JOURNEY_TTL_MS &&
    typeof record.snapshot?.state === 'string' &&
    typeof record.snapshot.context?.companyName === 'string' &&
    typeof record.snapshot.context.journeyId === 'string' &&
    typeof record.snapshot.context.watch === 'object' &&
    record.snapshot.context.watch !== null &&
    typeof record.returnUrl === 'string'
  );
}

/** Nothing to resume: the user has not started. */
const isEmpty = ({ state, context }: JourneySnapshot): boolean =>
  state === 'idle' && context.companyId === null && context.idempotencyKey === null;

/**
 * A {@link JourneyStore} over a Web Storage (session storage in the browser). Never throws: some privacy modes
 * throw on any access, and a full quota on write.
 */
export function createJourneyStore(
  storage: () => Storage | null | undefined,
  now: () => number = Date.now,
): JourneyStore {
  const attempt = <T>(work: (store: Storage) => T, otherwise: T): T => {
    try {
      const store = storage();
      return store === null || store === undefined ? otherwise : work(store);
    } catch {
      return otherwise;
    }
  };

  /** Reads one entry; one that is expired or unreadable is removed on the way. */
  const read = (store: Storage, fullKey: string): SavedJourney | null => {
    const raw = store.getItem(fullKey);
    if (raw === null) return null;
    let record: unknown;
    try {
      record = JSON.parse(raw);
    } catch {
      record = null;
    }
    if (!isStored(record, now())) {
      store.removeItem(fullKey);
      return null;
    }
    return { snapshot: record.snapshot, returnUrl: record.returnUrl };
  };

  const keys = (store: Storage): string[] =>
    Array.from({ length: store.length }, (_, i) => store.key(i)).filter(
      (key): key is string => key?.startsWith(PREFIX) === true,
    );

  return {
    load: (key) => attempt((store) => read(store, PREFIX + key), null),
    save: (key, journey) =>
      attempt((store) => {
        if (isEmpty(journey.snapshot)) store.removeItem(PREFIX + key);
        else
          store.setItem(
            PREFIX + key,
            JSON.stringify({ v: VERSION, savedAt: now(), ...journey } satisfies Stored),
          );
        return true;
      }, false),
    findByLinkState: (linkState) =>
      attempt(
        (store) =>
          keys(store)
            .map((key) => read(store, key))
            .find((journey) => journey?.snapshot.context.linkState === linkState) ?? null,
        null,
      ),
    purge: () => attempt((store) => void keys(store).forEach((key) => read(store, key)), undefined),
  };
}

/** The journeys of this browser tab. */
export const sessionJourneyStore = (): JourneyStore => createJourneyStore(() => globalThis.sessionStorage);
