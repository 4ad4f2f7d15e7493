import { CodatPlatformError } from '@codat/platform/sdk/models/errors/codatplatformerror.js';
import { ErrorMessage } from '@codat/platform/sdk/models/errors/errormessage.js';
import { isPlainObject } from './plain-object.ts';

/** Codat's ids are hex or UUIDs; this leaves room for other shapes without letting text through. */
const SANE_CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The `correlationId` of a platform error answer, as the platform sent it. The SDK parses it only for the
 * statuses an operation declares (`ErrorMessage`); for the others (a 404 on create, a 502 from a gateway) it
 * throws a plain `CodatPlatformError` holding the raw body, which is often still Codat's error JSON.
 */
export function rawCorrelationId(cause: unknown): string | undefined {
  if (cause instanceof ErrorMessage) return cause.correlationId || undefined;
  if (!(cause instanceof CodatPlatformError) || cause.statusCode < 400) return undefined;
  try {
    const body: unknown = JSON.parse(cause.body);
    const id = isPlainObject(body) ? body['correlationId'] : undefined;
    return typeof id === 'string' && id !== '' ? id : undefined;
  } catch {
    return undefined;
  }
}

/** The id fit to hand to the browser: only a plain token, so a platform (or proxy) cannot smuggle text in. */
export function saneCorrelationId(cause: unknown): string | undefined {
  const id = rawCorrelationId(cause);
  return id !== undefined && SANE_CORRELATION_ID.test(id) ? id : undefined;
}

/** `correlationId=<id>` for a log line; an odd id is quoted (and cut short) so it cannot split the line. */
export function correlationField(cause: unknown): string[] {
  const id = rawCorrelationId(cause);
  if (id === undefined) return [];
  return [`correlationId=${SANE_CORRELATION_ID.test(id) ? id : JSON.stringify(id.slice(0, 128))}`];
}
