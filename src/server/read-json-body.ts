import { ApiError, ErrorCode } from './api-error.ts';

/**
 * The request body parsed as JSON, refusing bodies over `maxBytes` (413) without buffering them: a declared
 * `Content-Length` is checked first, then the streamed bytes are counted (chunked uploads have no length).
 */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const mediaType = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  // Requiring JSON also stops cross-site HTML forms, which cannot send it without a CORS preflight.
  if (mediaType !== 'application/json') {
    throw new ApiError(415, ErrorCode.UnsupportedMediaType, 'Send the request body as application/json.');
  }
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) throw tooLarge(maxBytes);

  const bytes = await readAtMost(request, maxBytes);
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

async function readAtMost(request: Request, maxBytes: number): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
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

function invalidJson(): ApiError {
  return new ApiError(400, ErrorCode.InvalidJson, 'The request body is not valid JSON.');
}
