import { ApiError } from '../server/api-error.ts';
import { readBodyBytes } from '../server/read-json-body.ts';

/** Longest wait for a body: the simulator's are a few hundred bytes, sent at once. */
const DEADLINE_MS = 10_000;

/**
 * The request body as UTF-8 text, or `null` when it is over `maxBytes`, found without buffering it (the reference
 * server's reader: `Content-Length` first, then the streamed bytes counted and the upload cancelled).
 */
export async function readBodyText(request: Request, maxBytes: number): Promise<string | null> {
  try {
    return new TextDecoder().decode(await readBodyBytes(request, { maxBytes, deadlineMs: DEADLINE_MS }));
  } catch (error) {
    if (error instanceof ApiError && error.status === 413) return null;
    throw error;
  }
}
