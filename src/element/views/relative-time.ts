const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
  ['second', 1000],
];

/** `at` (epoch ms) relative to `now` in the largest whole unit, e.g. "3 hours ago", "yesterday", "now". */
export function relativeTime(at: number, now: number, locale: string): string {
  const diff = at - now;
  const [unit, ms] = UNITS.find(([, size]) => Math.abs(diff) >= size) ?? ['second', 1000];
  return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(Math.round(diff / ms), unit);
}

/** The time an ISO date names, in epoch ms; `null` when absent or not a date (the platform may send anything). */
export function timeOf(iso: string | undefined): number | null {
  const at = iso === undefined ? NaN : Date.parse(iso);
  return Number.isNaN(at) ? null : at;
}
