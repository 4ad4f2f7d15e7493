/**
 * Telling a request one of our own pages sent from one that another site's page made the browser send
 * (cross-site request forgery). Browsers say where a request came from in headers a page cannot set:
 * `Sec-Fetch-Site` (every current browser) and `Origin` (sent with every `POST`, `PUT`, `PATCH` and `DELETE`,
 * also by older browsers). A request with neither did not come from a browser page, so no page can have
 * forged it (curl, a server, a test).
 */

/**
 * `true` when `request` came from a page of the handler's own origin, or of one in `allowedOrigins`, or from
 * no browser page at all.
 *
 * `Sec-Fetch-Site: same-origin` is trusted as the browser computed it, so a proxy that rewrites the `Host`
 * header (and with it `request.url`) does not matter. Without it, `Origin` must equal the origin of
 * `request.url`: behind a proxy that changes the scheme or host, list the public origin in `allowedOrigins`.
 * Another port of the same host is another origin (`same-site`, not `same-origin`) and is refused unless
 * listed. `Origin: null` (sandboxed frames, `data:` pages) is always refused.
 */
export function fromAllowedPage(request: Request, allowedOrigins: ReadonlySet<string>): boolean {
  const origin = request.headers.get('origin');
  if (origin !== null && allowedOrigins.has(origin)) return true;
  const site = request.headers.get('sec-fetch-site');
  if (site !== null) return site === 'same-origin';
  if (origin !== null) return origin === new URL(request.url).origin;
  return true;
}

/**
 * The origins of `list` as a set, each checked to be an `http:` or `https:` origin and nothing more
 * (`https://app.example.com`, no path): a mistake in the list must show when the server starts, not as
 * refused requests later.
 */
export function allowedOriginSet(list: readonly string[], option: string): ReadonlySet<string> {
  return new Set(
    list.map((entry) => {
      let url: URL | undefined;
      try {
        url = new URL(entry);
      } catch {
        url = undefined;
      }
      if (url === undefined || !/^https?:$/.test(url.protocol) || url.origin !== entry.replace(/\/$/, '')) {
        throw new TypeError(
          `${option}: ${JSON.stringify(entry)} is not an origin; write it as scheme://host[:port], e.g. "https://app.example.com".`,
        );
      }
      return url.origin;
    }),
  );
}

/** No origin besides the handler's own. */
const OWN_ORIGIN_ONLY: ReadonlySet<string> = new Set();

/** {@link fromAllowedPage} with no other origin allowed: for the simulator's and the demo's own controls. */
export const fromOwnPageOrNone = (request: Request): boolean => fromAllowedPage(request, OWN_ORIGIN_ONLY);
