import { JOURNEY_ID_HEADER } from '../backend/journey-header.ts';

/**
 * What we accept as a journey id: the element sends 32 hex digits; any plain token up to 64 characters will do.
 * The header is caller-controlled and goes into log lines, so anything else (spaces, newlines, `=`, huge
 * values) is dropped rather than escaped: a forged id must not be able to split a line or fake a field.
 */
const SANE_JOURNEY_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The journey id the element sent with `request`, or `undefined` when it is absent or not a plain token. */
export function journeyIdOf(request: Request): string | undefined {
  return saneJourneyId(request.headers.get(JOURNEY_ID_HEADER));
}

/**
 * `value` if it is a plain token, else `undefined`. Separate from the request because `Headers` and Node's
 * parser already refuse CR/LF: other adapters (workers, frameworks) may not, and this check must not rely on them.
 */
export function saneJourneyId(value: string | null): string | undefined {
  return value !== null && SANE_JOURNEY_ID.test(value) ? value : undefined;
}

/** The log field naming the journey (`journey=<id>`), or none without one. */
export function journeyField(journeyId: string | undefined): string[] {
  return journeyId === undefined ? [] : [`journey=${journeyId}`];
}

/** `log` for one request: each (single-line) message gets the request's `journey=<id>` as its last field. */
export function journeyLog(
  log: (line: string) => void,
  journeyId: string | undefined,
): (line: string) => void {
  return (line) => log([line, ...journeyField(journeyId)].join(' '));
}
