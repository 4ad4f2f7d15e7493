import { timingSafeEqual } from 'node:crypto';

/** The header value the Platform API expects: `Basic ` and the base64 of the API key itself (no colon). */
export function authorizationFor(apiKey: string): string {
  return `Basic ${Buffer.from(apiKey, 'utf8').toString('base64')}`;
}

/** Whether the request carries the simulator's API key. The scheme is case-insensitive, the key is not. */
export function isAuthorised(request: Request, apiKey: string): boolean {
  const header = request.headers.get('authorization');
  const match = header?.match(/^basic\s+(\S+)\s*$/i);
  if (!match?.[1]) return false;
  const given = Buffer.from(match[1], 'utf8');
  const expected = Buffer.from(authorizationFor(apiKey).slice('Basic '.length), 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
