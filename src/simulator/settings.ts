import { isDataType, type DataType } from './data-types.ts';

/** How company names are cleaned: see {@link SimulatorSettings.nameCharacters}. */
export type NameCharacters = 'ascii' | 'letters';

/**
 * The options a running simulator can change (`Simulator.configure`, `POST {basePath}/_simulator/settings`),
 * so an e2e test can switch a behaviour on for one journey. `reset()` restores the ones it was created with.
 */
export interface SimulatorSettings {
  /**
   * One-time Link URLs, as when enabled in Codat's portal: every read of a company (GET, list, the create
   * answer) returns `redirect` with `?link.otp=…` and each connection's `linkUrl` with `?otp=…`, each usable
   * once (the first GET of the Link page spends it) and for a day. A spent or expired one opens an error page
   * with HTTP 410; a missing or unknown one, HTTP 403. Default `false`, as on Codat.
   */
  oneTimeLinkUrls: boolean;
  /**
   * Types a `POST data/queue/{dataType}` request is accepted for but that never start, as when a connector is
   * offline: they keep whatever data status they had (`{dataType}` alone if never synced). Default `[]`.
   */
  unstartableTypes: readonly DataType[];
  /**
   * Whether re-linking a `Deauthorized` or `Unlinked` connection starts a sync. Codat starts one by itself only
   * when a company first links and promises none after a re-authorisation. Default `false`.
   */
  syncOnRelink: boolean;
  /**
   * Send unknown `description` and `lastSync` (company and connection) as `null` rather than leaving them out:
   * the spec marks them nullable. Default `false`. (The official SDK 6.2.1 rejects those `null`s.)
   */
  nullForMissing: boolean;
  /**
   * Which characters a company name keeps; every other one is silently removed. `'ascii'` (default): the
   * spec's pattern `^[A-Za-z0-9\s\-',&@.,?!\s]+$`, so "Café Müller" becomes "Caf Mller" and a name in another
   * script becomes empty (a 400). `'letters'`: the docs' reading, letters and digits of any script.
   */
  nameCharacters: NameCharacters;
}

/** The settings in `options`, defaults filled in; nothing else of `options`. */
export function resolveSettings(options: Partial<SimulatorSettings>): SimulatorSettings {
  return {
    oneTimeLinkUrls: options.oneTimeLinkUrls ?? false,
    unstartableTypes: options.unstartableTypes ?? [],
    syncOnRelink: options.syncOnRelink ?? false,
    nullForMissing: options.nullForMissing ?? false,
    nameCharacters: options.nameCharacters ?? 'ascii',
  };
}

const KEYS = Object.keys(resolveSettings({}));

/** Settings from untrusted JSON (the control API); throws a `TypeError` naming the problem. */
export function settingsFromJson(body: unknown): Partial<SimulatorSettings> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new TypeError('The settings must be a JSON object.');
  }
  const record = body as Record<string, unknown>;
  const unknown = Object.keys(record).filter((key) => !KEYS.includes(key));
  if (unknown.length > 0) throw new TypeError(`Unknown setting(s): ${unknown.join(', ')}.`);
  const { oneTimeLinkUrls, unstartableTypes, syncOnRelink, nullForMissing, nameCharacters } = record;
  const settings: Partial<SimulatorSettings> = {};
  if (oneTimeLinkUrls !== undefined) settings.oneTimeLinkUrls = boolean('oneTimeLinkUrls', oneTimeLinkUrls);
  if (syncOnRelink !== undefined) settings.syncOnRelink = boolean('syncOnRelink', syncOnRelink);
  if (nullForMissing !== undefined) settings.nullForMissing = boolean('nullForMissing', nullForMissing);
  if (nameCharacters !== undefined) {
    if (nameCharacters !== 'ascii' && nameCharacters !== 'letters') {
      throw new TypeError('nameCharacters must be "ascii" or "letters".');
    }
    settings.nameCharacters = nameCharacters;
  }
  if (unstartableTypes !== undefined) {
    if (!Array.isArray(unstartableTypes) || !unstartableTypes.every(isDataType)) {
      throw new TypeError('unstartableTypes must be an array of data types such as "invoices".');
    }
    settings.unstartableTypes = unstartableTypes;
  }
  return settings;
}

function boolean(name: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw new TypeError(`${name} must be true or false.`);
  return value;
}
