import { expect } from 'chai';
import {
  HttpError,
  NetworkError,
  ResponseShapeError,
  TimeoutError,
  describeFailure,
} from '../../src/backend/index.ts';

describe('describeFailure: a rejected call as the step failure the machine reads', () => {
  it('an abort of our own is no failure', () => {
    expect(describeFailure(new DOMException('stopped', 'AbortError'))).to.equal(null);
    expect(describeFailure(new DOMException('other', 'NotAllowedError'))).to.deep.equal({
      code: 'unexpected',
      params: {},
    });
  });

  it('keeps the code, the parameters, the field and the platform’s correlation id', () => {
    const error = new HttpError(400, {
      code: 'invalid-name',
      serverText: 'No.',
      field: 'name',
      correlationId: 'c-1',
    });
    expect(describeFailure(error)).to.deep.equal({
      code: 'invalid-name',
      params: { status: 400, serverText: 'No.' },
      field: 'name',
      correlationId: 'c-1',
    });
    expect(describeFailure(new HttpError(502))).to.deep.equal({
      code: 'server-error',
      params: { status: 502 },
    });
  });

  it('network, timeout and shape failures are retryable codes without parameters', () => {
    for (const [error, code] of [
      [new NetworkError(), 'network-error'],
      [new TimeoutError(15_000), 'timeout'],
      [new ResponseShapeError('company', 'id: missing'), 'bad-response'],
    ] as const) {
      expect(error.retryable, code).to.equal(true);
      expect(describeFailure(error)).to.deep.equal({ code, params: {} });
    }
  });

  it('HTTP codes by status when the body names none, and which statuses are worth repeating', () => {
    const cases: [number, string, boolean][] = [
      [400, 'invalid-request', false],
      [401, 'unauthorized', false],
      [402, 'account-limit', false],
      [403, 'forbidden', false],
      [404, 'not-found', false],
      [408, 'http-error', true],
      [409, 'conflict', false],
      [429, 'rate-limited', true],
      [500, 'server-error', true],
      [502, 'server-error', true],
      [503, 'unavailable', true],
    ];
    for (const [status, code, retryable] of cases) {
      expect([status, new HttpError(status).code, new HttpError(status).retryable]).to.deep.equal([
        status,
        code,
        retryable,
      ]);
    }
  });
});
