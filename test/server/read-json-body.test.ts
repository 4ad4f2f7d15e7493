import assert from 'node:assert/strict';
import { ApiError } from '../../src/server/api-error.ts';
import { readJsonBody } from '../../src/server/read-json-body.ts';

/** A request whose body arrives in the given chunks (a chunked upload has no Content-Length). */
function chunked(chunks: (string | Uint8Array)[], headers: Record<string, string> = {}): Request {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks)
        controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
      controller.close();
    },
  });
  return new Request('http://127.0.0.1/x', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
    duplex: 'half',
  } as RequestInit);
}

/** Limits with room to spare in time: these bodies are all there at once. */
const within = (maxBytes: number) => ({ maxBytes, deadlineMs: 60_000 });

async function refusal(promise: Promise<unknown>): Promise<{ status: number; code: string }> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ApiError);
    return { status: error.status, code: error.code };
  }
  throw new Error('expected a refusal');
}

describe('readJsonBody', () => {
  it('joins a body that arrives in several chunks, in order', async () => {
    assert.deepEqual(await readJsonBody(chunked(['{"name":', '"Acme', ' Ltd"}']), within(100)), {
      name: 'Acme Ltd',
    });
  });

  it('accepts exactly the limit and refuses one byte more, declared or streamed', async () => {
    const body = '{"n":"12345"}'; // 13 bytes
    assert.deepEqual(await readJsonBody(chunked([body]), within(13)), { n: '12345' });
    assert.deepEqual(await refusal(readJsonBody(chunked([body]), within(12))), {
      status: 413,
      code: 'payload-too-large',
    });
    assert.deepEqual(await readJsonBody(chunked([body], { 'content-length': '13' }), within(13)), {
      n: '12345',
    });
    assert.deepEqual(await refusal(readJsonBody(chunked([body], { 'content-length': '14' }), within(13))), {
      status: 413,
      code: 'payload-too-large',
    });
  });

  it('refuses bytes that are not UTF-8, and text that is not JSON', async () => {
    const invalidUtf8 = new Uint8Array([0x22, 0xff, 0xfe, 0x22]);
    assert.deepEqual(await refusal(readJsonBody(chunked([invalidUtf8]), within(100))), {
      status: 400,
      code: 'invalid-json',
    });
    assert.deepEqual(await refusal(readJsonBody(chunked(['{nope']), within(100))), {
      status: 400,
      code: 'invalid-json',
    });
  });

  it('wants application/json, with or without parameters, in any case', async () => {
    assert.deepEqual(
      await readJsonBody(chunked(['1'], { 'content-type': 'Application/JSON; charset=utf-8' }), within(9)),
      1,
    );
    assert.deepEqual(
      await refusal(readJsonBody(chunked(['1'], { 'content-type': 'text/plain' }), within(9))),
      {
        status: 415,
        code: 'unsupported-media-type',
      },
    );
  });

  it('refuses a body still arriving at the deadline with 408, and stops reading it', async () => {
    let cancelled = false;
    const trickle = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"name":'));
      },
      cancel() {
        cancelled = true;
      },
    });
    const request = new Request('http://127.0.0.1/x', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: trickle,
      duplex: 'half',
    } as RequestInit);
    assert.deepEqual(await refusal(readJsonBody(request, { maxBytes: 100, deadlineMs: 20 })), {
      status: 408,
      code: 'request-timeout',
    });
    assert.equal(cancelled, true);
  });
});
