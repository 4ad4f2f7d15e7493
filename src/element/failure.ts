import { BackendError, HttpError } from '../backend/index.ts';
import type { JourneyEvent } from '../machine/index.ts';

/** A rejected backend call as the machine's `STEP.FAILED` event; `null` for our own aborts. */
export function failureEvent(error: unknown): JourneyEvent | null {
  if (error instanceof DOMException && error.name === 'AbortError') return null;
  if (error instanceof BackendError) {
    return {
      type: 'STEP.FAILED',
      code: error.code,
      message: error.message,
      ...(error instanceof HttpError && error.field !== undefined ? { field: error.field } : {}),
    };
  }
  return {
    type: 'STEP.FAILED',
    code: 'unexpected',
    message: 'Something went wrong. Please try again.',
  };
}
