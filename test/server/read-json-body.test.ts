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
    assert.deepEqual(await readJsonBody(chunked(['{"name":', '"Acme', ' Ltd"}']), 100), { name: 'Acme Ltd' });
  });

  it('accepts exactly the limit and refuses one byte more, declared or streamed', async () => {
    const body = '{"n":"12345"}'; // 13 bytes
    assert.deepEqual(await readJsonBody(chunked([body]), 13), { n: '12345' });
    assert.deepEqual(await refusal(readJsonBody(chunked([body]), 12)), {
      status: 413,
      code: 'payload-too-large',
    });
    assert.deepEqual(await readJsonBody(chunked([body], { 'content-length': '13' }), 13), { n: '12345' });
    assert.deepEqual(await refusal(readJsonBody(chunked([body], { 'content-length': '14' }), 13)), {
      status: 413,
      code: 'payload-too-large',
    });
  });

  it('refuses bytes that are not UTF-8, and text that is not JSON', async () => {
    const invalidUtf8 = new Uint8Array([0x22, 0xff, 0xfe, 0x22]);
    assert.deepEqual(await refusal(readJsonBody(chunked([invalidUtf8]), 100)), {
      status: 400,
      code: 'invalid-json',
    });
    assert.deepEqual(await refusal(readJsonBody(chunked(['{nope']), 100)), {
      status: 400,
      code: 'invalid-json',
    });
  });

  it('wants application/json, with or without parameters, in any case', async () => {
    assert.deepEqual(
      await readJsonBody(chunked(['1'], { 'content-type': 'Application/JSON; charset=utf-8' }), 9),
      1,
    );
    assert.deepEqual(await refusal(readJsonBody(chunked(['1'], { 'content-type': 'text/plain' }), 9)), {
      status: 415,
      code: 'unsupported-media-type',
    });
  });
});
