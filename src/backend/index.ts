export type {
  CompanyNews,
  CompanyWatch,
  CompanyWatchHandlers,
  CreateCompanyInput,
  CreateOptions,
  OnboardBackend,
  RequestOptions,
  WatchOptions,
} from './backend.ts';
export { createFetchBackend, type FetchBackendOptions } from './fetch-backend.ts';
export { BackendError, HttpError, NetworkError, ResponseShapeError, TimeoutError } from './errors.ts';
export type { Company, Connection, DataStatus, DataStatuses } from './schemas.ts';
export type { PullOperation } from './history-schema.ts';
export { COMPANY_NAME_MAX_LENGTH } from './name-limit.ts';
export { JOURNEY_ID_HEADER } from './journey-header.ts';
export { describeFailure } from './failure.ts';
