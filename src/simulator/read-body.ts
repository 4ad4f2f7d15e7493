import { ApiError } from '../server/api-error.ts';
import { readBodyBytes } from '../server/read-json-body.ts';
import { codatError } from './codat-error.ts';

/** Longest wait for a body: the simulator's are a few hundred bytes, sent at once. */
const DEADLINE_MS = 10_000;

/**
 * The request body as UTF-8 text, read as the reference server reads one (`Content-Length` first, then the
 * streamed bytes counted, the upload cancelled past `maxBytes` or the deadline); or the Codat-style error to
 * answer instead: 413 for a body too large, 408 for one too slow.
 */
export async function readBodyText(
  request: Request,
  maxBytes: number,
  correlationId: string,
): Promise<string | Response> {
  try {
    return new TextDecoder().decode(await readBodyBytes(request, { maxBytes, deadlineMs: DEADLINE_MS }));
  } catch (error) {
    if (error instanceof ApiError) return codatError(error.status, error.message, correlationId);
    throw error;
  }
}
