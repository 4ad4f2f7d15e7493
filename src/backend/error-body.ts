import { ErrorBodySchema } from './schemas.ts';

/** What an error body tells us: the backend's own sentence, its code, the field at fault, the platform's id. */
export interface ErrorBodyFacts {
  readonly serverText?: string;
  readonly code?: string;
  readonly field?: string;
  readonly correlationId?: string;
}

/** Reads our `{error, code, field, correlationId}` or the platform's `{error, validation, correlationId}`. */
export function describeErrorBody(bodyText: string): ErrorBodyFacts {
  let json: unknown;
  try {
    json = JSON.parse(bodyText);
  } catch {
    json = undefined; // HTML error pages from proxies carry nothing we should show.
  }
  const parsed = ErrorBodySchema.safeParse(json);
  const body = parsed.success ? parsed.data : {};
  const serverText = [body.error, ...validationMessages(body.validation)]
    .filter((m) => m !== undefined && m.trim().length > 0)
    .join(' ');
  return {
    ...(serverText === '' ? {} : { serverText }),
    ...(body.code === undefined ? {} : { code: body.code }),
    ...(body.field === undefined ? {} : { field: body.field }),
    ...(body.correlationId === undefined ? {} : { correlationId: body.correlationId }),
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
