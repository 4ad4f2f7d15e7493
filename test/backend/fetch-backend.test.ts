import { getEventListeners } from 'node:events';
import { expect } from 'chai';
import { mock } from 'node:test';
import { HttpError, NetworkError, ResponseShapeError, TimeoutError } from '../../src/backend/index.ts';
import { backendWith, company, json, rejection } from './fake-fetch.ts';

/** What the adapter answers: connections default to none. */
const parsed = { ...company, dataConnections: [] };

describe('createFetchBackend: the REST contract', () => {
  it('creates a company with POST /companies, a JSON body and the Idempotency-Key', async () => {
    const { backend, requests } = backendWith([json(company)]);
    const created = await backend.createCompany({ name: 'Acme Ltd' }, { idempotencyKey: 'key-1' });
    expect(created).to.deep.equal(parsed);
    const [request] = requests;
    expect(request?.method).to.equal('POST');
    expect(request?.url).to.equal('https://api.example.test/onboard/companies');
    expect(request?.headers.get('Idempotency-Key')).to.equal('key-1');
    expect(request?.headers.get('Content-Type')).to.equal('application/json');
    expect(await request?.json()).to.deep.equal({ name: 'Acme Ltd' });
  });

  it('reads a company, its data status and queues a refresh on the documented paths', async () => {
    const status = {
      invoices: { dataType: 'invoices', currentStatus: 'Complete' },
      bills: { dataType: 'bills' },
    };
    const { backend, requests } = backendWith([
      json(company),
      json(status),
      new Response(null, { status: 204 }),
    ]);
    expect(await backend.getCompany(company.id)).to.deep.equal(parsed);
    expect(await backend.getDataStatus(company.id)).to.deep.equal(status);
    await backend.refreshData(company.id);
    expect(requests.map((r) => `${r.method} ${new URL(r.url).pathname}`)).to.deep.equal([
      `GET /onboard/companies/${company.id}`,
      `GET /onboard/companies/${company.id}/data-status`,
      `POST /onboard/companies/${company.id}/refresh`,
    ]);
  });

  it('sends the writes as JSON, refreshes as {}: a server takes nothing else, as no other site can', async () => {
    const { backend, requests } = backendWith([
      new Response(null, { status: 204 }),
      new Response(null, { status: 204 }),
    ]);
    await backend.refreshData(company.id);
    await backend.queueDataType?.(company.id, 'invoices');
    for (const request of requests) {
      expect(request.headers.get('Content-Type')).to.equal('application/json');
      expect(await request.json()).to.deep.equal({});
    }
    expect(requests).to.have.length(2);
  });

  it('sends the journey id on every call as Onboard-Journey-Id, and nothing when there is none', async () => {
    const { backend, requests } = backendWith([
      json(company),
      json(company),
      json({}),
      new Response(null, { status: 204 }),
      json(company),
    ]);
    await backend.createCompany({ name: 'Acme Ltd' }, { idempotencyKey: 'k', journeyId: 'j-1' });
    await backend.getCompany(company.id, { journeyId: 'j-1' });
    await backend.getDataStatus(company.id, { journeyId: 'j-1' });
    await backend.refreshData(company.id, { journeyId: 'j-1' });
    await backend.getCompany(company.id);
    expect(requests.map((r) => r.headers.get('Onboard-Journey-Id'))).to.deep.equal([
      'j-1',
      'j-1',
      'j-1',
      'j-1',
      null,
    ]);
  });

  it('encodes the company id so it cannot change the path', async () => {
    const { backend, requests } = backendWith([json(company)]);
    await backend.getCompany('../admin?x=1');
    expect(new URL(requests[0]?.url ?? '').pathname).to.equal('/onboard/companies/..%2Fadmin%3Fx%3D1');
  });

  it('sends static headers, or asks a header function on every request', async () => {
    let calls = 0;
    const headers = () => ({ Authorization: `Bearer t${(calls += 1)}` });
    const { backend, requests } = backendWith([json(company), json(company)], { headers });
    await backend.getCompany(company.id);
    await backend.getCompany(company.id);
    expect(requests.map((r) => r.headers.get('Authorization'))).to.deep.equal(['Bearer t1', 'Bearer t2']);
  });

  it('asks an async token provider once more after a 401, then gives up', async () => {
    let calls = 0;
    const headers = async () => ({ Authorization: `Bearer t${(calls += 1)}` });
    const denied = () => json({ error: 'Session expired', code: 'unauthorized' }, 401);
    const { backend, requests } = backendWith([denied(), denied()], { headers });
    const error = await rejection(backend.getCompany(company.id));
    expect(error).to.be.instanceOf(HttpError);
    expect(requests.map((r) => r.headers.get('Authorization'))).to.deep.equal(['Bearer t1', 'Bearer t2']);
  });
});

describe('createFetchBackend: errors the user can read', () => {
  it('turns our server error body into the message, code and field', async () => {
    const body = { error: 'Company name cannot contain <', code: 'invalid-name', field: 'name' };
    const { backend } = backendWith([json(body, 400)]);
    const error = await rejection(backend.createCompany({ name: 'A<' }, { idempotencyKey: 'k' }));
    expect(error).to.be.instanceOf(HttpError);
    expect(error).to.include({
      name: 'HttpError',
      status: 400,
      code: 'invalid-name',
      field: 'name',
      retryable: false,
    });
    expect(error).to.have.deep.property('params', {
      status: 400,
      serverText: 'Company name cannot contain <',
    });
  });

  it("reads the platform's own error shape, validation messages included", async () => {
    const body = {
      statusCode: 400,
      service: 'PublicApi',
      error: 'The request was invalid.',
      correlationId: 'abc',
      validation: {
        errors: [{ itemId: 'name', message: 'Name is required.', validatorName: 'x' }],
        warnings: [],
      },
      canBeRetried: 'Unknown',
      detailedErrorCode: 0,
    };
    const { backend } = backendWith([json(body, 400)]);
    const error = (await rejection(
      backend.createCompany({ name: '' }, { idempotencyKey: 'k' }),
    )) as HttpError;
    expect(error.params).to.deep.equal({
      status: 400,
      serverText: 'The request was invalid. Name is required.',
    });
    expect(error.code).to.equal('invalid-request');
    expect(error.correlationId).to.equal('abc');
  });

  it('never shows an HTML error page; it says what happened instead', async () => {
    const page = new Response('<html><body>Bad gateway</body></html>', {
      status: 502,
      headers: { 'Content-Type': 'text/html' },
    });
    const { backend } = backendWith([page], { retries: 0 });
    const error = (await rejection(backend.getCompany(company.id))) as HttpError;
    expect(error.params).to.deep.equal({ status: 502 });
    expect(error).to.include({ code: 'server-error', retryable: true });
  });

  it('reports a dropped connection as a NetworkError with the cause kept', async () => {
    const cause = new TypeError('Failed to fetch');
    const { backend } = backendWith([cause], { retries: 0 });
    const error = (await rejection(backend.getCompany(company.id))) as NetworkError;
    expect(error.name).to.equal('NetworkError');
    expect(error.cause).to.equal(cause);
  });

  it('times out a request that never answers', async () => {
    const { backend } = backendWith(['hang'], { timeoutMs: 5, retries: 0 });
    const error = (await rejection(backend.getCompany(company.id))) as TimeoutError;
    expect(error).to.be.instanceOf(TimeoutError);
    expect(error.code).to.equal('timeout');
  });

  it('checks every connection, saying which one broke', async () => {
    const broken = {
      ...company,
      dataConnections: [{ id: 'k1', platformName: 'Xero', status: 'Linked' }, { id: 'k2' }],
    };
    const { backend } = backendWith([json(broken)]);
    const error = (await rejection(backend.getCompany(company.id))) as ResponseShapeError;
    expect(error.issues).to.contain('dataConnections.1.platformName');
  });

  it('rejects a 2xx body that is not JSON, or of the wrong shape, as a ResponseShapeError', async () => {
    const { backend } = backendWith([new Response('not json'), json({ id: 1, name: 'x' })]);
    const notJson = (await rejection(
      backend.createCompany({ name: 'A' }, { idempotencyKey: 'k' }),
    )) as ResponseShapeError;
    expect(notJson).to.include({ name: 'ResponseShapeError', code: 'bad-response', what: 'company' });
    const wrongShape = (await rejection(
      backend.createCompany({ name: 'A' }, { idempotencyKey: 'k' }),
    )) as ResponseShapeError;
    expect(wrongShape.issues).to.contain('id');
    expect(wrongShape.issues).to.contain('redirect');
  });

  it('passes the caller’s abort through untouched', async () => {
    const { backend } = backendWith(['hang']);
    const controller = new AbortController();
    const pending = rejection(backend.getCompany(company.id, { signal: controller.signal }));
    controller.abort(new DOMException('gone', 'AbortError'));
    expect(((await pending) as DOMException).name).to.equal('AbortError');
  });
});

describe('createFetchBackend: waiting between attempts', () => {
  /** Lets the adapter run every step it can without a timer firing (real or mocked). */
  const settle = async (): Promise<void> => {
    for (let i = 0; i < 10; i += 1) await new Promise((resolve) => setImmediate(resolve));
  };

  it('stops waiting the moment the caller gives up, without another attempt', async () => {
    const { backend, requests } = backendWith([json({ error: 'Busy' }, 503), json(company)], {
      retryDelayMs: 60_000,
    });
    const controller = new AbortController();
    const pending = rejection(backend.getCompany(company.id, { signal: controller.signal }));
    await settle();
    expect(requests).to.have.length(1);
    controller.abort(new DOMException('left', 'AbortError'));
    const error = await pending;
    expect((error as DOMException).name).to.equal('AbortError');
    expect(requests).to.have.length(1);
  });

  it('never starts a call the caller already gave up', async () => {
    const { backend, requests } = backendWith([json(company)]);
    const error = await rejection(backend.getCompany(company.id, { signal: AbortSignal.abort() }));
    expect((error as DOMException).name).to.equal('AbortError');
    expect(requests).to.have.length(0);
  });

  it('doubles its delay per attempt, on a clock the test moves', async () => {
    const { backend, requests } = backendWith([json({}, 500), json({}, 500), json({}, 500), json(company)], {
      retryDelayMs: 40,
      retries: 3,
    });
    mock.timers.enable({ apis: ['setTimeout'] });
    try {
      const answer = backend.getCompany(company.id);
      await settle();
      expect(requests).to.have.length(1);
      // 40, 80 then 160 ms before the next attempt (doubled, not grown by 40): not one millisecond sooner.
      for (const [ms, made] of [
        [39, 1],
        [1, 2],
        [79, 2],
        [1, 3],
        [159, 3],
        [1, 4],
      ] as const) {
        mock.timers.tick(ms);
        await settle();
        expect(requests, `${made} attempt(s) after another ${ms} ms`).to.have.length(made);
      }
      expect(await answer).to.deep.include({ id: company.id });
    } finally {
      mock.timers.reset();
    }
  });

  it('waits a Retry-After exactly at its limit', async () => {
    const { backend } = backendWith([json({}, 429, { 'Retry-After': '0.02' }), json(company)], {
      maxRetryAfterMs: 20,
    });
    expect(await backend.getCompany(company.id)).to.deep.include({ id: company.id });
  });
});

describe('createFetchBackend: retries only where harmless', () => {
  it('repeats a read after a dropped connection and a 500', async () => {
    const { backend, requests } = backendWith([new TypeError('drop'), json({}, 500), json(company)]);
    expect(await backend.getCompany(company.id)).to.deep.equal(parsed);
    expect(requests).to.have.length(3);
  });

  it('leaves no listener on the caller’s signal after waiting between attempts (a poller’s signal lives long)', async () => {
    const poller = new AbortController();
    const { backend } = backendWith([
      json({}, 500),
      json(company),
      json({}, 503, { 'Retry-After': '0' }),
      json(company),
    ]);
    await backend.getCompany(company.id, { signal: poller.signal });
    await backend.getCompany(company.id, { signal: poller.signal });
    expect(getEventListeners(poller.signal, 'abort')).to.have.length(0);
  });

  it('repeats a create whose answer was lost, with the same Idempotency-Key', async () => {
    const { backend, requests } = backendWith([new TypeError('drop'), json({}, 502), json(company)]);
    expect(await backend.createCompany({ name: 'A' }, { idempotencyKey: 'k' })).to.deep.equal(parsed);
    expect(requests.map((r) => r.headers.get('Idempotency-Key'))).to.deep.equal(['k', 'k', 'k']);
  });

  it('does not repeat a create the server refused for good', async () => {
    const { backend, requests } = backendWith([json({ error: 'Bad name', code: 'invalid-name' }, 400)]);
    expect(await rejection(backend.createCompany({ name: 'A' }, { idempotencyKey: 'k' }))).to.be.instanceOf(
      HttpError,
    );
    expect(requests).to.have.length(1);
  });

  it('repeats a create refused with 429 after Retry-After, with the same key', async () => {
    const { backend, requests } = backendWith([
      json({ error: 'Slow down' }, 429, { 'Retry-After': '0' }),
      json(company),
    ]);
    await backend.createCompany({ name: 'A' }, { idempotencyKey: 'k' });
    expect(requests.map((r) => r.headers.get('Idempotency-Key'))).to.deep.equal(['k', 'k']);
  });

  it('gives up when Retry-After asks for longer than we wait, keeping the delay on the error', async () => {
    const { backend, requests } = backendWith([json({ error: 'Slow down' }, 503, { 'Retry-After': '120' })]);
    const error = (await rejection(backend.getCompany(company.id))) as HttpError;
    expect(error.retryAfterMs).to.equal(120_000);
    expect(requests).to.have.length(1);
  });

  it('stops after the configured number of attempts', async () => {
    const { backend, requests } = backendWith([json({}, 500), json({}, 500), json({}, 500)], { retries: 2 });
    expect(await rejection(backend.getCompany(company.id))).to.be.instanceOf(HttpError);
    expect(requests).to.have.length(3);
  });
});
