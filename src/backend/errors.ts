/**
 * One error hierarchy for everything the backend adapter can throw, told apart by a literal `name`
 * (as ky does) and carrying a stable `code` the element reports in `onboard-error`.
 */
export abstract class BackendError extends Error {
  abstract override readonly name: 'HttpError' | 'NetworkError' | 'TimeoutError' | 'ResponseShapeError';
  /** Stable machine-readable code, e.g. `network-error`, `invalid-name`, `rate-limited`. */
  abstract readonly code: string;
  /** Whether repeating the same request could succeed (the user changed nothing). */
  abstract readonly retryable: boolean;
}

/** Fallback codes by status when the backend body names none. */
const CODE_BY_STATUS: Record<number, string> = {
  400: 'invalid-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  429: 'rate-limited',
};

/** The backend answered with a non-2xx status. */
export class HttpError extends BackendError {
  override readonly name = 'HttpError' as const;
  readonly code: string;
  readonly retryable: boolean;

  constructor(
    readonly status: number,
    message: string,
    details: {
      code?: string | undefined;
      field?: string | undefined;
      /** Milliseconds the server asked us to wait (`Retry-After`). */
      retryAfterMs?: number | undefined;
    } = {},
  ) {
    super(message);
    this.code = details.code ?? CODE_BY_STATUS[status] ?? (status >= 500 ? 'server-error' : 'http-error');
    this.retryable = status === 408 || status === 429 || status >= 500;
    this.field = details.field;
    this.retryAfterMs = details.retryAfterMs;
  }

  /** The input field the server objected to, when it said. */
  readonly field: string | undefined;
  readonly retryAfterMs: number | undefined;
}

/** The request never got an HTTP answer (offline, DNS, connection dropped, CORS). */
export class NetworkError extends BackendError {
  override readonly name = 'NetworkError' as const;
  readonly code = 'network-error';
  readonly retryable = true;
  constructor(options?: { cause?: unknown }) {
    super('We could not reach the server. Check your connection and try again.', options);
  }
}

/** No answer within the per-request timeout. */
export class TimeoutError extends BackendError {
  override readonly name = 'TimeoutError' as const;
  readonly code = 'timeout';
  readonly retryable = true;
  constructor(readonly timeoutMs: number) {
    super('The server did not answer in time. Please try again.');
  }
}

/** A 2xx answer whose body is not what the contract promises (not JSON, or the wrong shape). */
export class ResponseShapeError extends BackendError {
  override readonly name = 'ResponseShapeError' as const;
  readonly code = 'bad-response';
  readonly retryable = true;
  constructor(
    /** Which response it was, e.g. `company`. */
    readonly what: string,
    /** Where the shape broke, for developers (never shown to end users). */
    readonly issues: string,
    options?: { cause?: unknown },
  ) {
    super('The server sent an answer we could not understand. Please try again.', options);
  }
}
