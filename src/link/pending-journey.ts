import type { JourneyContext } from '../machine/index.ts';

/** How the journey left the page for Link. */
export type LinkMode = 'popup' | 'redirect';

interface Stored {
  readonly v: typeof VERSION;
  readonly savedAt: number;
  readonly mode: LinkMode;
  readonly context: JourneyContext;
}

const VERSION = 1;
const PREFIX = 'company-onboard:journey:';
/** Hosted Link sessions rarely last longer; an older journey is more likely stale than resumable. */
export const PENDING_JOURNEY_TTL_MS = 60 * 60 * 1000;

const storage = (): Storage | null => {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null; // some privacy modes throw on access
  }
};

const isContext = (value: unknown): value is JourneyContext => {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Record<string, unknown>;
  return (
    typeof c['companyName'] === 'string' && (c['companyId'] === null || typeof c['companyId'] === 'string')
  );
};

/** Saves the journey before the page leaves for Link. Returns `false` when storage is unavailable. */
export function savePendingJourney(
  key: string,
  mode: LinkMode,
  context: JourneyContext,
  now = Date.now(),
): boolean {
  const record: Stored = { v: VERSION, savedAt: now, mode, context };
  try {
    const store = storage();
    if (store === null) return false;
    store.setItem(PREFIX + key, JSON.stringify(record));
    return true;
  } catch {
    return false;
  }
}

/** The saved journey, or `null` when there is none, it is of another version, expired or unreadable. */
export function loadPendingJourney(
  key: string,
  now = Date.now(),
): { mode: LinkMode; context: JourneyContext } | null {
  try {
    const raw = storage()?.getItem(PREFIX + key);
    if (raw === null || raw === undefined) return null;
    const record = JSON.parse(raw) as Partial<Stored>;
    const fresh = typeof record.savedAt === 'number' && now - record.savedAt < PENDING_JOURNEY_TTL_MS;
    if (record.v !== VERSION || !fresh || !isContext(record.context)) return null;
    return { mode: record.mode === 'popup' ? 'popup' : 'redirect', context: record.context };
  } catch {
    return null;
  }
}

export function clearPendingJourney(key: string): void {
  try {
    storage()?.removeItem(PREFIX + key);
  } catch {
    // nothing to clear when storage is unavailable
  }
}
