import { expect } from '@open-wc/testing';
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
  it('falls back to a sentence per status when the body says nothing', () => {
    expect(describeErrorBody(404, '').message).to.equal('We could not find this company.');
    expect(describeErrorBody(418, '{}').message).to.equal('The request failed (HTTP 418).');
  });
});
