import assert from 'node:assert/strict';
import { CodatPlatformError } from '@codat/platform/sdk/models/errors/codatplatformerror.js';
import { ApiError } from '../../src/server/api-error.ts';
import { parseCreateCompanyInput } from '../../src/server/company-input.ts';
import { correlationField, rawCorrelationId, saneCorrelationId } from '../../src/server/correlation-id.ts';

const refusedTags = (tags: unknown): string => {
  try {
    parseCreateCompanyInput({ name: 'Acme', tags });
  } catch (error) {
    assert.ok(error instanceof ApiError);
    assert.equal(error.code, 'invalid-tags');
    return error.message;
  }
  throw new Error('expected the tags to be refused');
};

describe('company input: Codat’s tag limits, at their edges', () => {
  it('tag names of 1 and 27 characters pass; 0 and 28 do not', () => {
    assert.deepEqual(
      parseCreateCompanyInput({ name: 'Acme', tags: { a: 'x', ['k'.repeat(27)]: 'y' } }).tags,
      {
        a: 'x',
        ['k'.repeat(27)]: 'y',
      },
    );
    assert.match(refusedTags({ '': 'x' }), /1 to 27/);
    assert.match(refusedTags({ ['k'.repeat(28)]: 'x' }), /1 to 27/);
  });

  it('values of 100 characters pass; 101 do not', () => {
    assert.equal(
      parseCreateCompanyInput({ name: 'Acme', tags: { a: 'v'.repeat(100) } }).tags?.['a']?.length,
      100,
    );
    assert.match(refusedTags({ a: 'v'.repeat(101) }), /at most 100/);
  });
});

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
