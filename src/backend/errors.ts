import { ErrorCode, type MessageParams } from '../machine/index.ts';

/**
 * One error hierarchy for everything the backend adapter can throw, told apart by a literal `name`
 * (as ky does) and carrying a stable `code` the element reports in `onboard-error`. The `message` is for
 * developers; what the user reads comes from the element's catalogue, by `code` and `params`.
 */
export abstract class BackendError extends Error {
  abstract override readonly name: 'HttpError' | 'NetworkError' | 'TimeoutError' | 'ResponseShapeError';
  /** Stable machine-readable code, e.g. `network-error`, `invalid-name`, `rate-limited`. */
  abstract readonly code: string;
  /** Whether repeating the same request could succeed (the user changed nothing). */
  abstract readonly retryable: boolean;
  /** What the user's message needs besides the code. */
  readonly params: MessageParams = {};
}

/**
 * Fallback codes by status when the backend body names none (a code in the body always wins). 402 is the
 * platform's company limit or an expired account: only the integrator can mend it, so it is never retried.
 */
const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: ErrorCode.InvalidRequest,
  401: ErrorCode.Unauthorized,
  402: ErrorCode.AccountLimit,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  409: ErrorCode.Conflict,
  429: ErrorCode.RateLimited,
  503: ErrorCode.Unavailable,
};

/** The backend answered with a non-2xx status. */
export class HttpError extends BackendError {
  override readonly name = 'HttpError' as const;
  readonly code: string;
  readonly retryable: boolean;
  override readonly params: MessageParams;
  /** The input field the server objected to, when it said. */
  readonly field: string | undefined;
  /** Milliseconds the server asked us to wait (`Retry-After`). */
  readonly retryAfterMs: number | undefined;
  /** The platform's id for the failed request, when the backend passed it on. */
  readonly correlationId: string | undefined;

  constructor(
    readonly status: number,
    details: {
      code?: string | undefined;
      /** The backend's own sentence for the user, when it sent one. */
      serverText?: string | undefined;
      field?: string | undefined;
      retryAfterMs?: number | undefined;
      correlationId?: string | undefined;
    } = {},
  ) {
    super(`HTTP ${status}${details.serverText === undefined ? '' : `: ${details.serverText}`}`);
    this.code =
      details.code ?? CODE_BY_STATUS[status] ?? (status >= 500 ? ErrorCode.ServerError : ErrorCode.HttpError);
    // 4xx are final (402 account limit and 409 conflict included) but for a timeout, a rate limit, and a create
    // still running for this key elsewhere (another instance of a fleet): its answer comes after `Retry-After`.
    this.retryable =
      status === 408 || status === 429 || status >= 500 || this.code === 'idempotency-key-in-flight';
    this.params = { status, ...(details.serverText === undefined ? {} : { serverText: details.serverText }) };
    this.field = details.field;
    this.retryAfterMs = details.retryAfterMs;
    this.correlationId = details.correlationId;
  }
}

/** The request never got an HTTP answer (offline, DNS, connection dropped, CORS). */
export class NetworkError extends BackendError {
  override readonly name = 'NetworkError' as const;
  readonly code = ErrorCode.NetworkError;
  readonly retryable = true;
  constructor(options?: { cause?: unknown }) {
    super('No answer from the backend (network error).', options);
  }
}

/** No answer within the per-request timeout. */
export class TimeoutError extends BackendError {
  override readonly name = 'TimeoutError' as const;
  readonly code = ErrorCode.Timeout;
  readonly retryable = true;
  constructor(readonly timeoutMs: number) {
    super(`No answer from the backend within ${timeoutMs} ms.`);
  }
}

/** A 2xx answer whose body is not what the contract promises (not JSON, or the wrong shape). */
export class ResponseShapeError extends BackendError {
  override readonly name = 'ResponseShapeError' as const;
  readonly code = ErrorCode.BadResponse;
  readonly retryable = true;
  constructor(
    /** Which response it was, e.g. `company`. */
    readonly what: string,
    /** Where the shape broke, for developers (never shown to end users). */
    readonly issues: string,
    options?: { cause?: unknown },
  ) {
    super(`The ${what} response has the wrong shape: ${issues}`, options);
  }
}
