import { CodatPlatformError } from '@codat/platform/sdk/models/errors/codatplatformerror.js';
import { ErrorMessage } from '@codat/platform/sdk/models/errors/errormessage.js';
import { ConnectionError, RequestTimeoutError } from '@codat/platform/sdk/models/errors/httpclienterrors.js';
import { ApiError, ErrorCode, type ApiErrorExtra } from './api-error.ts';
import { correlationField, saneCorrelationId } from './correlation-id.ts';
import { journeyField } from './journey.ts';
import type { PlatformCallError } from './platform.ts';

/**
 * What the caller is told when a platform call fails. The platform's status is translated rather than passed
 * on: its 401/403 mean *our* credentials are wrong, which is a server fault (502), not the caller's. Statuses
 * that tell the caller whether to retry keep their meaning: 402 (never: the integrator's plan or account),
 * 409, 429 and 503 (later: `Retry-After` passed on). The platform's `correlationId`, when it gave one, is
 * passed on so the user can quote it to support.
 */
export function apiErrorFor(failure: PlatformCallError): ApiError {
  const cause = failure.cause;
  const correlationId = saneCorrelationId(cause);
  const extra: ApiErrorExtra = {
    cause: failure,
    ...(correlationId !== undefined && { correlationId }),
  };
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
    case 402:
      // Retrying never helps and the user did nothing wrong: say so, and tell the integrator in the log.
      return new ApiError(
        402,
        ErrorCode.AccountLimit,
        'We cannot connect your accounts right now because of a problem on our side, not yours. ' +
          'Trying again will not help: please contact us.',
        extra,
      );
    case 409:
      return new ApiError(
        409,
        ErrorCode.Conflict,
        'The accounting platform refused the request: it conflicts with what the platform holds now.',
        extra,
      );
    case 429:
      return new ApiError(
        429,
        ErrorCode.RateLimited,
        'Too many requests to the accounting platform. Try again shortly.',
        withRetryAfter(extra, cause),
      );
    case 503:
      return new ApiError(
        503,
        ErrorCode.PlatformUnavailable,
        'The accounting platform is unavailable for now. Try again shortly.',
        withRetryAfter(extra, cause),
      );
    default:
      return platformError(extra);
  }
}

/** The platform's `Retry-After`, passed on as it came (seconds or a date: the browser adapter reads both). */
function withRetryAfter(extra: ApiErrorExtra, cause: CodatPlatformError): ApiErrorExtra {
  const retryAfter = cause.headers.get('retry-after');
  return retryAfter === null ? extra : { ...extra, headers: { 'retry-after': retryAfter } };
}

/** What the integrator must do about a failure no retry can fix, for the log line. */
const INTEGRATOR_ACTION: Readonly<Record<number, string>> = {
  402:
    'action="Codat answered 402 Payment Required: the free plan\'s company limit is reached or the account ' +
    'has expired. Upgrade the plan or contact Codat; retrying will not help."',
};

function platformError(extra: ApiErrorExtra): ApiError {
  return new ApiError(
    502,
    ErrorCode.PlatformError,
    'The accounting platform failed. Try again later.',
    extra,
  );
}

/**
 * One log line for a failed call: enough to find it at Codat and in the browser's events, no request data.
 * `HTTP <status> <error class> correlationId=<platform's id> journey=<element's id> error="<platform text>"`;
 * the ids sit together before any free text, and each is left out when unknown.
 */
export function describeFailure(failure: PlatformCallError, journeyId?: string): string {
  const cause = failure.cause;
  const parts = [`company-onboard: platform call ${failure.operation} failed:`];
  const ids = [...correlationField(cause), ...journeyField(journeyId)];
  if (cause instanceof CodatPlatformError) {
    parts.push(`HTTP ${cause.statusCode}`, cause.name, ...ids);
    if (cause instanceof ErrorMessage && cause.error) parts.push(`error=${JSON.stringify(cause.error)}`);
    const action = INTEGRATOR_ACTION[cause.statusCode];
    if (action !== undefined) parts.push(action);
  } else if (cause instanceof Error) {
    parts.push(cause.name, ...ids, JSON.stringify(cause.message));
  } else {
    parts.push(...ids, JSON.stringify(String(cause)));
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
