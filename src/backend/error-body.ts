import { ErrorBodySchema } from './schemas.ts';

const FALLBACK_BY_STATUS: Record<number, string> = {
  401: 'Your session has expired. Sign in again and retry.',
  404: 'We could not find this company.',
};

/** The human part of an error body: our `{error, code, field}` or the platform's `{error, validation}`. */
export function describeErrorBody(
  status: number,
  bodyText: string,
): { message: string; code?: string; field?: string } {
  let json: unknown;
  try {
    json = JSON.parse(bodyText);
  } catch {
    json = undefined; // HTML error pages from proxies carry nothing we should show.
  }
  const parsed = ErrorBodySchema.safeParse(json);
  const body = parsed.success ? parsed.data : {};
  const validation = validationMessages(body.validation);
  const message =
    [body.error, ...validation].filter((m) => m !== undefined && m.trim().length > 0).join(' ') ||
    FALLBACK_BY_STATUS[status] ||
    (status >= 500
      ? `The server had a problem (HTTP ${status}). Please try again.`
      : `The request failed (HTTP ${status}).`);
  return {
    message,
    ...(body.code === undefined ? {} : { code: body.code }),
    ...(body.field === undefined ? {} : { field: body.field }),
  };
}

/** `validation.errors[].message` of a platform error, tolerating `null` anywhere along the way. */
function validationMessages(validation: unknown): string[] {
  const errors: unknown = (validation as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(errors)) return [];
  return errors
    .map((item: unknown) => (item as { message?: unknown } | null)?.message)
    .filter((m): m is string => typeof m === 'string' && m.length > 0);
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date. `undefined` when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
