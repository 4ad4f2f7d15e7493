import type { JourneySnapshot } from '../machine/index.ts';

/** How the journey left the page for Link, if it did. */
export type LinkMode = 'popup' | 'redirect';

/** What is kept per element instance so a reload, or a return from Link, resumes where the user was. */
export interface SavedJourney {
  readonly snapshot: JourneySnapshot;
  /** Set once Link was opened. */
  readonly mode: LinkMode | null;
  /** The page to come back to after a full-page redirect (callback pages send the user there). */
  readonly returnUrl: string;
}

interface Stored extends SavedJourney {
  readonly v: typeof VERSION;
  readonly savedAt: number;
}

const VERSION = 2;
const PREFIX = 'company-onboard:journey:';
/** A journey older than this is more likely stale than resumable (Link sessions are short). */
export const SAVED_JOURNEY_TTL_MS = 60 * 60 * 1000;

const storage = (): Storage | null => {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null; // some privacy modes throw on access
  }
};

/** Storage can be edited by anyone with devtools, or hold an older format: check what we rely on. */
function isStored(value: unknown, now: number): value is Stored {
  const record = value as Partial<Stored> | null;
  return (
    record?.v === VERSION &&
    now - (record.savedAt ?? 0) < SAVED_JOURNEY_TTL_MS &&
    typeof record.snapshot?.state === 'string' &&
    typeof record.snapshot.context?.companyName === 'string' &&
    typeof record.returnUrl === 'string'
  );
}

/** Saves the journey under `key`. Returns `false` when storage is unavailable or full. */
export function saveJourney(key: string, journey: SavedJourney, now = Date.now()): boolean {
  const record: Stored = { v: VERSION, savedAt: now, ...journey };
  try {
    const store = storage();
    if (store === null) return false;
    store.setItem(PREFIX + key, JSON.stringify(record));
    return true;
  } catch {
    return false;
  }
}

/** The journey saved under `key`, or `null` when there is none, or it is expired, of another version or unreadable. */
export function loadJourney(key: string, now = Date.now()): SavedJourney | null {
  try {
    const raw = storage()?.getItem(PREFIX + key);
    if (raw === null || raw === undefined) return null;
    const record: unknown = JSON.parse(raw);
    if (!isStored(record, now)) return null;
    return { snapshot: record.snapshot, mode: record.mode, returnUrl: record.returnUrl };
  } catch {
    return null;
  }
}

/** The saved journey waiting for the Link callback that carries `linkState`, whichever element saved it. */
export function findJourneyByLinkState(linkState: string, now = Date.now()): SavedJourney | null {
  const store = storage();
  if (store === null) return null;
  for (let i = 0; i < store.length; i += 1) {
    const key = store.key(i);
    if (key?.startsWith(PREFIX) !== true) continue;
    const journey = loadJourney(key.slice(PREFIX.length), now);
    if (journey?.snapshot.context.linkState === linkState) return journey;
  }
  return null;
}

export function clearJourney(key: string): void {
  try {
    storage()?.removeItem(PREFIX + key);
  } catch {
    // nothing to clear when storage is unavailable
  }
}
