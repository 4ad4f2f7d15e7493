import { expect } from 'chai';
import { describeErrorBody, parseRetryAfter } from '../../src/backend/error-body.ts';

describe('parseRetryAfter', () => {
  it('reads delta-seconds and HTTP dates, and ignores garbage', () => {
    expect(parseRetryAfter('3')).to.equal(3000);
    const now = Date.parse('2026-11-22T10:00:00Z');
    expect(parseRetryAfter('Sun, 22 Nov 2026 10:00:05 GMT', now)).to.equal(5000);
    expect(parseRetryAfter('soon')).to.equal(undefined);
    expect(parseRetryAfter(null)).to.equal(undefined);
  });
});

describe('describeErrorBody', () => {
  it('reports nothing when the body says nothing: the catalogue speaks by code and status then', () => {
    expect(describeErrorBody('')).to.deep.equal({});
    expect(describeErrorBody('{}')).to.deep.equal({});
    expect(describeErrorBody('<html>Bad gateway</html>')).to.deep.equal({});
    expect(describeErrorBody('{"error": "   "}')).to.deep.equal({});
  });

  it('reads our body and the platform’s, tolerating null anywhere in validation', () => {
    expect(
      describeErrorBody('{"error":"No.","code":"invalid-name","field":"name","correlationId":"c-9"}'),
    ).to.deep.equal({
      serverText: 'No.',
      code: 'invalid-name',
      field: 'name',
      correlationId: 'c-9',
    });
    const platform = {
      error: 'Invalid.',
      validation: { errors: [{ message: 'Name is required.' }, null, { message: '' }, { message: 5 }] },
    };
    expect(describeErrorBody(JSON.stringify(platform))).to.deep.equal({
      serverText: 'Invalid. Name is required.',
    });
    expect(describeErrorBody('{"error":"Invalid.","validation":null}')).to.deep.equal({
      serverText: 'Invalid.',
    });
    expect(describeErrorBody('{"validation":{"errors":"no"}}')).to.deep.equal({});
  });
});
