import { ErrorCode, type StepFailure } from '../machine/index.ts';
import { BackendError, HttpError } from './errors.ts';

/** A rejected backend call as the machine's step failure; `null` for our own aborts (the step was left). */
export function describeFailure(error: unknown): StepFailure | null {
  if (error instanceof DOMException && error.name === 'AbortError') return null;
  if (!(error instanceof BackendError)) return { code: ErrorCode.Unexpected, params: {} };
  const http = error instanceof HttpError ? error : null;
  return {
    code: error.code,
    params: error.params,
    ...(http?.field === undefined ? {} : { field: http.field }),
    ...(http?.correlationId === undefined ? {} : { correlationId: http.correlationId }),
  };
}
