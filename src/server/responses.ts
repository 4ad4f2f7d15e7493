import type { ApiError } from './api-error.ts';

/** Replaces secrets in outgoing text; see {@link createRedactor}. */
export type Redact = (text: string) => string;

/** A JSON response. Every body passes through `redact`, so no secret can leave by accident. */
export function jsonResponse(
  status: number,
  body: unknown,
  redact: Redact,
  headers: Record<string, string> = {},
): Response {
  return jsonTextResponse(status, redact(JSON.stringify(body)), headers);
}

/** A JSON response from text that is already JSON and already redacted (a replayed answer). */
export function jsonTextResponse(
  status: number,
  text: string,
  headers: Record<string, string> = {},
): Response {
  return new Response(text, {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}

export function errorResponse(error: ApiError, redact: Redact): Response {
  return jsonResponse(error.status, error.body, redact, error.headers);
}

export function noContent(): Response {
  return new Response(null, { status: 204, headers: { 'cache-control': 'no-store' } });
}
