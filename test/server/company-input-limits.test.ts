import assert from 'node:assert/strict';
import { ApiError } from '../../src/server/api-error.ts';
import { parseCreateCompanyInput } from '../../src/server/company-input.ts';

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
