/** Codat's hosted Link hosts: a company's `redirect` and a connection's `linkUrl`. */
export const DEFAULT_LINK_ORIGINS: readonly string[] = ['https://link.codat.io', 'https://link-api.codat.io'];

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Whether we may open `url` as hosted Link: `https:` (or `http:` on a loopback host, for the simulator)
 * and an origin in `allowedOrigins`. Anything else (`javascript:`, `data:`, a foreign host) is refused.
 */
export function isAllowedLinkUrl(url: string, allowedOrigins: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const secure =
    parsed.protocol === 'https:' || (parsed.protocol === 'http:' && LOOPBACK.has(parsed.hostname));
  return secure && allowedOrigins.some((origin) => origin.replace(/\/+$/, '') === parsed.origin);
}

/** The Link URL with our `state` nonce appended, keeping any query it already has (e.g. `?otp=…`). */
export function withLinkState(url: string, state: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('state', state);
  return parsed.href;
}

/** A fresh unguessable nonce (128 bits, hex). */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
