/**
 * The request body as UTF-8 text, or `null` when it is over `maxBytes`, found without buffering it: a
 * declared `Content-Length` over the limit is refused before reading anything, and the streamed bytes are
 * counted (a chunked upload declares no length), the stream cancelled as soon as they pass the limit.
 */
export async function readBodyText(request: Request, maxBytes: number): Promise<string | null> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) return null;
  if (request.body === null) return '';
  const reader = request.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    text += decoder.decode(value, { stream: true });
  }
}
