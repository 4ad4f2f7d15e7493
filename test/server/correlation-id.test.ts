import assert from 'node:assert/strict';
import { CodatPlatformError } from '@codat/platform/sdk/models/errors/codatplatformerror.js';
import { correlationField, rawCorrelationId, saneCorrelationId } from '../../src/server/correlation-id.ts';

/** A platform answer the SDK did not parse: status and raw body. */
const raw = (status: number, body: string) =>
  new CodatPlatformError('failed', {
    response: new Response(body, { status }),
    request: new Request('http://x'),
    body,
  });

describe('correlation ids from the platform', () => {
  it('are read from the raw body of an error answer only', () => {
    assert.equal(rawCorrelationId(raw(502, '{"correlationId":"c-1"}')), 'c-1');
    assert.equal(rawCorrelationId(raw(302, '{"correlationId":"c-1"}')), undefined);
    assert.equal(rawCorrelationId(raw(500, '{"correlationId":""}')), undefined);
    assert.equal(rawCorrelationId(raw(500, '{"correlationId":7}')), undefined);
    assert.equal(rawCorrelationId(raw(500, 'null')), undefined);
    assert.equal(rawCorrelationId(raw(500, '[{"correlationId":"c-1"}]')), undefined);
    assert.equal(rawCorrelationId(raw(500, '<html>')), undefined);
    assert.equal(rawCorrelationId(new Error('x')), undefined);
  });

  it('reach the browser only as plain tokens, and the log quoted when odd', () => {
    assert.equal(saneCorrelationId(raw(500, '{"correlationId":"ab-12:3.x_y"}')), 'ab-12:3.x_y');
    assert.equal(saneCorrelationId(raw(500, '{"correlationId":"a b"}')), undefined);
    assert.deepEqual(correlationField(raw(500, '{"correlationId":"abc"}')), ['correlationId=abc']);
    assert.deepEqual(correlationField(raw(500, '{"correlationId":"a\\nb"}')), ['correlationId="a\\nb"']);
    assert.deepEqual(correlationField(raw(500, '{}')), []);
  });
});
