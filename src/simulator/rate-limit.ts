/** Codat's daily allowance: 1,000 requests × (1 + active connected companies). */
const REQUESTS_PER_DAY_PER_COMPANY = 1000;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Counts API requests per UTC day for the `X-Rate-Limit-*` headers. It only reports: the simulator never
 * refuses a request for being over the limit (inject a 429 fault for that).
 */
export class RateLimitCounter {
  #day = Number.NaN;
  #used = 0;

  /** Counts one request at `now` and returns the headers its response carries. */
  count(now: number, activeCompanies: number): Record<string, string> {
    const day = Math.floor(now / DAY_MS);
    if (day !== this.#day) {
      this.#day = day;
      this.#used = 0;
    }
    this.#used += 1;
    const limit = REQUESTS_PER_DAY_PER_COMPANY * (1 + activeCompanies);
    return {
      'x-rate-limit-limit': String(limit),
      'x-rate-limit-remaining': String(Math.max(0, limit - this.#used)),
      // Codat does not document the format; the simulator sends when the allowance renews, in ISO 8601.
      'x-rate-limit-reset': new Date((day + 1) * DAY_MS).toISOString(),
    };
  }

  clear(): void {
    this.#day = Number.NaN;
    this.#used = 0;
  }
}
