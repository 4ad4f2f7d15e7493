/** Every `code` the reference handler puts in an error body. Stable: clients switch on them. */
export const ErrorCode = {
  InvalidJson: 'invalid-json',
  InvalidBody: 'invalid-body',
  InvalidName: 'invalid-name',
  InvalidDescription: 'invalid-description',
  InvalidTags: 'invalid-tags',
  InvalidCompanyId: 'invalid-company-id',
  /** 400: the connection id in a disconnect's path is not a UUID (field `connectionId`). */
  InvalidConnectionId: 'invalid-connection-id',
  InvalidDataType: 'invalid-data-type',
  InvalidIdempotencyKey: 'invalid-idempotency-key',
  IdempotencyKeyReused: 'idempotency-key-reused',
  IdempotencyKeyInFlight: 'idempotency-key-in-flight',
  UnsupportedMediaType: 'unsupported-media-type',
  PayloadTooLarge: 'payload-too-large',
  NotFound: 'not-found',
  MethodNotAllowed: 'method-not-allowed',
  Forbidden: 'forbidden',
  /** 403: a state-changing request sent by a page of an origin not allowed (see `allowedOrigins`). */
  CrossSiteRequest: 'cross-site-request',
  /** 408: the request body did not arrive within `bodyTimeoutMs`. */
  RequestTimeout: 'request-timeout',
  CompanyNotFound: 'company-not-found',
  PlatformRejected: 'platform-rejected',
  PlatformAuth: 'platform-auth',
  /** Platform 402: the free plan's company limit, or an expired account. Only the integrator can mend it. */
  AccountLimit: 'account-limit',
  /** Platform 409: the request conflicts with the platform's current state. */
  Conflict: 'conflict',
  /** Platform 503: down for now; `Retry-After` is passed on when the platform sent one. */
  PlatformUnavailable: 'platform-unavailable',
  RateLimited: 'rate-limited',
  PlatformError: 'platform-error',
  PlatformUnreachable: 'platform-unreachable',
  PlatformTimeout: 'platform-timeout',
  PlatformBadResponse: 'platform-bad-response',
  /** 503: the company's event stream cannot start (its pub/sub is down); the browser polls meanwhile. */
  EventsUnavailable: 'events-unavailable',
  Internal: 'internal-error',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** The JSON body of every error the handler returns. */
export interface ErrorBody {
  /** A sentence fit to show the user. */
  error: string;
  code: ErrorCode;
  /** The request field at fault, for validation errors. */
  field?: string;
  /** The platform's id for a failed call it answered, so a support ticket can be traced at Codat. */
  correlationId?: string;
}

/** What an {@link ApiError} carries besides its status, code and sentence. */
export interface ApiErrorExtra {
  field?: string;
  correlationId?: string;
  headers?: Record<string, string>;
  cause?: unknown;
}

/** An error answer the handler sends as is: thrown by validation and by the platform-error mapping. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly correlationId: string | undefined;
  readonly headers: Record<string, string>;

  constructor(status: number, code: ErrorCode, message: string, extra: ApiErrorExtra = {}) {
    super(message, { cause: extra.cause });
    this.status = status;
    this.code = code;
    this.field = extra.field;
    this.correlationId = extra.correlationId;
    this.headers = extra.headers ?? {};
  }

  get body(): ErrorBody {
    return {
      error: this.message,
      code: this.code,
      ...(this.field !== undefined && { field: this.field }),
      ...(this.correlationId !== undefined && { correlationId: this.correlationId }),
    };
  }
}
