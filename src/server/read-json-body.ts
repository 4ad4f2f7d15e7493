import { ApiError, ErrorCode } from './api-error.ts';

/** How much of a request body the handler takes, and for how long it waits for it. */
export interface BodyLimits {
  /** Largest body in bytes; more is a 413. */
  maxBytes: number;
  /** Longest wait for the whole body in ms; past it, a 408. */
  deadlineMs: number;
}

/**
 * The request body parsed as JSON, refusing bodies over `maxBytes` (413) without buffering them: a declared
 * `Content-Length` is checked first, then the streamed bytes are counted (chunked uploads have no length).
 * A body still arriving after `deadlineMs` is a 408: a client trickling bytes holds no request open for long.
 */
export async function readJsonBody(request: Request, { maxBytes, deadlineMs }: BodyLimits): Promise<unknown> {
  const mediaType = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  // Requiring JSON also stops cross-site HTML forms, which cannot send it without a CORS preflight.
  if (mediaType !== 'application/json') {
    throw new ApiError(415, ErrorCode.UnsupportedMediaType, 'Send the request body as application/json.');
  }
  const bytes = await readBodyBytes(request, { maxBytes, deadlineMs });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw invalidJson();
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw invalidJson();
  }
}

/**
 * The request body's bytes, without buffering more than `maxBytes` of it: a declared `Content-Length` over the
 * limit is a 413 before anything is read, and the streamed bytes are counted (a chunked upload declares no
 * length), the stream cancelled as soon as they pass the limit (413) or the deadline (408).
 */
export async function readBodyBytes(
  request: Request,
  { maxBytes, deadlineMs }: BodyLimits,
): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  let late = false;
  // Cancelling ends the pending read (it resolves as done), and discards the rest of the upload.
  const timer = setTimeout(() => {
    late = true;
    reader.cancel().catch(() => undefined);
  }, deadlineMs);
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (late) throw tooSlow(deadlineMs);
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw tooLarge(maxBytes);
      }
      chunks.push(value);
    }
  } finally {
    clearTimeout(timer);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function tooLarge(maxBytes: number): ApiError {
  return new ApiError(413, ErrorCode.PayloadTooLarge, `The request body must be at most ${maxBytes} bytes.`);
}

function tooSlow(deadlineMs: number): ApiError {
  return new ApiError(
    408,
    ErrorCode.RequestTimeout,
    `The request body did not arrive within ${deadlineMs / 1000} seconds.`,
  );
}

function invalidJson(): ApiError {
  return new ApiError(400, ErrorCode.InvalidJson, 'The request body is not valid JSON.');
}
