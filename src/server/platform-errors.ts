import { CodatPlatformError } from '@codat/platform/sdk/models/errors/codatplatformerror.js';
import { ErrorMessage } from '@codat/platform/sdk/models/errors/errormessage.js';
import { ConnectionError, RequestTimeoutError } from '@codat/platform/sdk/models/errors/httpclienterrors.js';
import { ApiError, ErrorCode } from './api-error.ts';
import type { PlatformCallError } from './platform.ts';

/**
 * What the caller is told when a platform call fails. The platform's status is translated rather than passed
 * on: its 401/403 mean *our* credentials are wrong, which is a server fault (502), not the caller's.
 */
export function apiErrorFor(failure: PlatformCallError): ApiError {
  const cause = failure.cause;
  const extra = { cause: failure };
  if (cause instanceof RequestTimeoutError) {
    return new ApiError(
      504,
      ErrorCode.PlatformTimeout,
      'The accounting platform took too long to answer. Try again.',
      extra,
    );
  }
  if (cause instanceof ConnectionError) {
    return new ApiError(
      502,
      ErrorCode.PlatformUnreachable,
      'The accounting platform could not be reached. Try again.',
      extra,
    );
  }
  const unreadable =
    cause instanceof SyntaxError || (cause instanceof CodatPlatformError && cause.statusCode < 400);
  if (unreadable) {
    // A 2xx the SDK could not read: not JSON, or not the shape its schema expects.
    return new ApiError(
      502,
      ErrorCode.PlatformBadResponse,
      'The accounting platform sent an unexpected answer.',
      extra,
    );
  }
  if (!(cause instanceof CodatPlatformError)) return platformError(extra);
  switch (cause.statusCode) {
    case 400:
      return new ApiError(400, ErrorCode.PlatformRejected, rejectionMessage(cause), extra);
    case 404:
      return new ApiError(404, ErrorCode.CompanyNotFound, 'That company does not exist.', extra);
    case 401:
    case 403:
      return new ApiError(
        502,
        ErrorCode.PlatformAuth,
        "The server's platform credentials were refused.",
        extra,
      );
    case 429: {
      const retryAfter = cause.headers.get('retry-after');
      return new ApiError(
        429,
        ErrorCode.RateLimited,
        'Too many requests to the accounting platform. Try again shortly.',
        {
          ...extra,
          ...(retryAfter !== null && { headers: { 'retry-after': retryAfter } }),
        },
      );
    }
    default:
      return platformError(extra);
  }
}

function platformError(extra: { cause: unknown }): ApiError {
  return new ApiError(
    502,
    ErrorCode.PlatformError,
    'The accounting platform failed. Try again later.',
    extra,
  );
}

/** One log line for a failed call: enough to find it at Codat (status, correlation id), no request data. */
export function describeFailure(failure: PlatformCallError): string {
  const cause = failure.cause;
  const parts = [`company-onboard: platform call ${failure.operation} failed:`];
  if (cause instanceof CodatPlatformError) {
    parts.push(`HTTP ${cause.statusCode}`, cause.name);
    if (cause instanceof ErrorMessage) {
      if (cause.correlationId) parts.push(`correlationId=${cause.correlationId}`);
      if (cause.error) parts.push(`error=${JSON.stringify(cause.error)}`);
    }
  } else if (cause instanceof Error) {
    parts.push(cause.name, JSON.stringify(cause.message));
  } else {
    parts.push(String(cause));
  }
  return parts.join(' ');
}

/** The platform's own validation messages when it gives any; they tell the user what to fix. */
function rejectionMessage(cause: CodatPlatformError): string {
  const fallback = 'The accounting platform rejected the request.';
  if (!(cause instanceof ErrorMessage)) return fallback;
  const messages = (cause.validation?.errors ?? []).flatMap((item) => (item.message ? [item.message] : []));
  if (messages.length > 0) return messages.join(' ');
  return cause.error ?? fallback;
}
