/*
 * Codes for everything the user can be told. Lower layers speak only in these codes (with parameters); the
 * element's catalogue turns them into sentences, and integrators can override any of them.
 */

/** Why a step failed, as reported in `onboard-error` and rendered by the catalogue. */
export const ErrorCode = {
  NetworkError: 'network-error',
  Timeout: 'timeout',
  BadResponse: 'bad-response',
  InvalidRequest: 'invalid-request',
  Unauthorized: 'unauthorized',
  Forbidden: 'forbidden',
  NotFound: 'not-found',
  RateLimited: 'rate-limited',
  ServerError: 'server-error',
  HttpError: 'http-error',
  Unexpected: 'unexpected',
  CallbackInvalid: 'callback-invalid',
  CallbackStateMismatch: 'callback-state-mismatch',
  CallbackCompanyMismatch: 'callback-company-mismatch',
  LinkFailed: 'link-failed',
  PlatformNotSupported: 'platform-not-supported',
  LinkNotConfirmed: 'link-not-confirmed',
  LinkUrlRejected: 'link-url-rejected',
  PopupBlocked: 'popup-blocked',
  StorageUnavailable: 'storage-unavailable',
  SyncFailed: 'sync-failed',
  SyncAuthError: 'sync-auth-error',
  SyncTimeout: 'sync-timeout',
  /** A data type named in `data-types` was queued and still has not started. */
  SyncNotStarted: 'sync-not-started',
  /** The platform refused for a reason only the integrator can mend (402: company limit, expired account). */
  AccountLimit: 'account-limit',
  /** The platform reported a conflict (409). */
  Conflict: 'conflict',
  /** The platform is down for now (503). */
  Unavailable: 'unavailable',
  /** A fresh Link URL was asked for and never came: the blank Link window was closed. */
  LinkUrlUnavailable: 'link-url-unavailable',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Failures only the integrator can mend: "Try again" is not offered, the message says so. */
export const retryCannotHelp = (code: string): boolean => code === ErrorCode.AccountLimit;

/** Something worth saying that is not an error. */
export const NoticeCode = {
  UserCancelled: 'user-cancelled',
  PopupClosed: 'popup-closed',
  LinkUnfinished: 'link-unfinished',
  /** A refresh from the dashboard finished: the data is up to date. */
  DataRefreshed: 'data-refreshed',
  /**
   * Every type still waiting is `Queued` a minute after the first reading: the platform has not picked the sync
   * up (on-premise connectors wait for their computer to be on). Cleared as soon as one moves.
   */
  SyncQueued: 'sync-queued',
} as const;
export type NoticeCode = (typeof NoticeCode)[keyof typeof NoticeCode];

/** The parameters a message may need; each code uses the ones its sentence names. */
export interface MessageParams {
  /** HTTP status of a failed request. */
  readonly status?: number;
  /** The backend's own sentence, shown when it sent one (the server speaks for codes of its own). */
  readonly serverText?: string;
  /** Data types, e.g. the ones that failed to sync. */
  readonly types?: readonly string[];
  /** Link's own error message, when it gave one. */
  readonly detail?: string;
}
