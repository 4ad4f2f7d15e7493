import assert from 'node:assert/strict';
import { createSimulator, type FaultSpec } from '../../src/simulator/index.ts';
import { resolveSimulatorOptions } from '../../src/simulator/options.ts';
import { AUTH, startTestSimulator, type TestSimulator } from './harness.ts';

const JSON_HEADERS = { ...AUTH, 'content-type': 'application/json' };

/** A fetch that must fail at the network level, as when the connection is reset. */
async function assertDropped(request: Promise<Response>): Promise<void> {
  await assert.rejects(request, (error: unknown) => {
    assert.ok(error instanceof TypeError, 'fetch fails with a TypeError');
    const cause = (error as { cause?: { code?: string } }).cause;
    assert.equal(cause?.code, 'UND_ERR_SOCKET', 'the socket was closed under the request');
    return true;
  });
}

describe('simulator fault injection', () => {
  let sim: TestSimulator;
  const delays: number[] = [];
  before(async () => {
    sim = await startTestSimulator({
      delay: (ms) => {
        delays.push(ms);
        return Promise.resolve();
      },
    });
  });
  after(() => sim.close());
  beforeEach(() => {
    sim.simulator.reset();
    delays.length = 0;
  });

  const create = (name = 'Acme Ltd'): Promise<Response> =>
    fetch(`${sim.url}/companies`, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify({ name }) });

  describe('drops', () => {
    it('drop-after creates the company, then resets the connection without an answer', async () => {
      sim.simulator.faults.inject({ method: 'POST', path: '/companies', kind: 'drop-after' });
      await assertDropped(create('Lost Answer Ltd'));
      assert.deepEqual(
        sim.simulator.listCompanies().map((company) => company.name),
        ['Lost Answer Ltd'],
      );
    });

    it('drop-before resets the connection and creates nothing', async () => {
      sim.simulator.faults.inject({ method: 'POST', path: '/companies', kind: 'drop-before' });
      await assertDropped(create());
      assert.equal(sim.simulator.listCompanies().length, 0);
    });

    it('applies once by default: the next request, on a new connection, is served', async () => {
      sim.simulator.faults.inject({ path: '/companies', kind: 'drop-before' });
      await assertDropped(create());
      assert.equal((await create()).status, 200);
      assert.deepEqual(sim.simulator.faults.list(), []);
    });

    it('handle() itself answers a drop with Response.error(), for hosts other than Node', async () => {
      const simulator = createSimulator({ apiKey: 'k' });
      simulator.faults.inject({ path: '/companies', kind: 'drop-after' });
      const response = await simulator.handle(
        new Request('http://sim.test/companies', {
          method: 'POST',
          headers: { authorization: `Basic ${Buffer.from('k').toString('base64')}` },
          body: JSON.stringify({ name: 'Direct' }),
        }),
      );
      assert.equal(response.type, 'error');
      assert.equal(simulator.listCompanies().length, 1);
    });
  });

  describe('status faults', () => {
    it('500 answers in the platform error shape and does not act', async () => {
      sim.simulator.faults.inject({ method: 'POST', path: '/companies', kind: 'status', status: 500 });
      const response = await create();
      assert.equal(response.status, 500);
      const body = (await response.json()) as Record<string, unknown>;
      assert.equal(body['statusCode'], 500);
      assert.equal(body['service'], 'PublicApi');
      assert.match(String(body['correlationId']), /^[0-9a-f-]{36}$/);
      assert.equal(sim.simulator.listCompanies().length, 0);
    });

    it('429 carries Retry-After', async () => {
      sim.simulator.faults.inject({ path: '/companies', kind: 'status', status: 429, retryAfterSeconds: 7 });
      const response = await create();
      assert.equal(response.status, 429);
      assert.equal(response.headers.get('retry-after'), '7');
      assert.equal(((await response.json()) as { statusCode: number }).statusCode, 429);
    });

    it('a custom body: text as is, anything else as JSON (even on a 200)', async () => {
      sim.simulator.faults.inject({
        path: '/companies',
        kind: 'status',
        status: 200,
        body: '<html>login</html>',
      });
      sim.simulator.faults.inject({ path: '/companies', kind: 'status', status: 503, body: { down: true } });
      const html = await create();
      assert.equal(html.status, 200);
      assert.match(html.headers.get('content-type') ?? '', /^text\/plain/);
      assert.equal(await html.text(), '<html>login</html>');
      const down = await create();
      assert.equal(down.status, 503);
      assert.deepEqual(await down.json(), { down: true });
    });
  });

  describe('latency', () => {
    it('waits through the injected delay function, then serves the request', async () => {
      sim.simulator.faults.inject({ path: '/companies', kind: 'latency', latencyMs: 1500 });
      assert.equal((await create()).status, 200);
      assert.deepEqual(delays, [1500]);
    });

    it('latencyMs also delays the other kinds', async () => {
      sim.simulator.faults.inject({ path: '/companies', kind: 'status', status: 502, latencyMs: 250 });
      assert.equal((await create()).status, 502);
      assert.deepEqual(delays, [250]);
    });

    it('the default delay really waits (a few ms)', async () => {
      const real = await startTestSimulator();
      try {
        real.simulator.faults.inject({ path: '/companies', kind: 'latency', latencyMs: 40 });
        const started = performance.now();
        assert.equal((await real.api('/companies')).status, 200);
        assert.ok(performance.now() - started >= 35, 'took at least the latency');
      } finally {
        await real.close();
      }
    });

    it('the default delay ends at once when the request is aborted', async () => {
      const { delay } = resolveSimulatorOptions();
      const gone = new AbortController();
      const waiting = delay(60_000, gone.signal);
      gone.abort();
      await waiting;
      await delay(60_000, AbortSignal.abort());
    });
  });

  describe('matching', () => {
    it('by method: a POST fault leaves GETs alone', async () => {
      sim.simulator.faults.inject({ method: 'post', path: '/companies', kind: 'status', status: 500 });
      assert.equal((await sim.api('/companies')).status, 200);
      assert.equal((await create()).status, 500);
    });

    it('by whole path, ignoring the query string and a trailing slash', async () => {
      sim.simulator.faults.inject({ path: '/companies', kind: 'status', status: 500, times: 3 });
      const company = await sim.createCompany().catch(() => undefined);
      assert.equal(company, undefined, 'POST /companies is hit');
      assert.equal((await sim.api('/companies/?page=1')).status, 500);
      assert.equal((await sim.api('/companies?pageSize=5')).status, 500);
      assert.equal((await sim.api('/companies')).status, 200);
    });

    it('* stands for one segment; a RegExp is tested against the path', async () => {
      sim.simulator.faults.clear();
      const company = await sim.createCompany();
      sim.simulator.faults.inject({ path: '/companies/*', kind: 'status', status: 503, times: Infinity });
      sim.simulator.faults.inject({ path: /\/dataStatus$/, kind: 'status', status: 502 });
      assert.equal((await sim.api(`/companies/${company.id}`)).status, 503);
      assert.equal((await sim.api(`/companies/${company.id}`)).status, 503);
      assert.equal((await sim.api(`/companies/${company.id}/dataStatus`)).status, 502);
      assert.equal((await sim.api(`/companies/${company.id}/dataStatus`)).status, 200);
      assert.equal((await sim.api('/companies')).status, 200, '* does not match an empty segment');
      assert.deepEqual(
        sim.simulator.faults.list().map(({ path, remaining }) => ({ path, remaining })),
        [{ path: '/companies/*', remaining: null }],
      );
    });

    it('faults apply in the order injected, each for its `times`', async () => {
      sim.simulator.faults.inject({ path: '/companies', kind: 'status', status: 500, times: 2 });
      sim.simulator.faults.inject({ path: '/companies', kind: 'status', status: 429 });
      const statuses = [];
      for (let i = 0; i < 4; i += 1) statuses.push((await sim.api('/companies')).status);
      assert.deepEqual(statuses, [500, 500, 429, 200]);
    });

    it('applies to hosted Link pages too', async () => {
      const company = await sim.createCompany();
      sim.simulator.faults.inject({ method: 'GET', path: '/link/company/*', kind: 'status', status: 500 });
      assert.equal((await fetch(company.redirect)).status, 500);
      assert.equal((await fetch(company.redirect)).status, 200);
    });

    it('reset() clears faults; clear() removes them all', async () => {
      sim.simulator.faults.inject({ path: '/companies', kind: 'drop-before' });
      sim.simulator.reset();
      assert.deepEqual(sim.simulator.faults.list(), []);
      sim.simulator.faults.inject({ path: '/companies', kind: 'drop-before' });
      sim.simulator.faults.clear();
      assert.equal((await sim.api('/companies')).status, 200);
    });
  });

  describe('malformed faults are refused with a TypeError', () => {
    const cases: [string, unknown][] = [
      ['an unknown kind', { path: '/companies', kind: 'explode' }],
      ['a status fault without a status', { path: '/companies', kind: 'status' }],
      ['a status outside 200–599', { path: '/companies', kind: 'status', status: 99 }],
      ['a body on a 204', { path: '/companies', kind: 'status', status: 204, body: 'x' }],
      ['a latency fault without latencyMs', { path: '/companies', kind: 'latency' }],
      ['a negative latency', { path: '/companies', kind: 'latency', latencyMs: -1 }],
      ['times 0', { path: '/companies', kind: 'drop-before', times: 0 }],
      ['a fractional Retry-After', { path: '/', kind: 'status', status: 429, retryAfterSeconds: 1.5 }],
      ['a relative path', { path: 'companies', kind: 'drop-before' }],
      ['a method with spaces', { method: 'GET /', path: '/companies', kind: 'drop-before' }],
    ];
    for (const [label, fault] of cases) {
      it(label, () => {
        assert.throws(() => sim.simulator.faults.inject(fault as FaultSpec), TypeError);
        assert.deepEqual(sim.simulator.faults.list(), []);
      });
    }
  });
});

describe('simulator fault control over HTTP', () => {
  let sim: TestSimulator;
  before(async () => {
    sim = await startTestSimulator({ basePath: '/platform' });
  });
  after(() => sim.close());
  beforeEach(() => sim.simulator.reset());

  /** The control API needs no API key: the simulator is loopback-only. */
  const control = (init: RequestInit = {}): Promise<Response> =>
    fetch(`${sim.url}/_simulator/faults`, {
      ...init,
      headers: { 'content-type': 'application/json', ...init.headers },
    });

  it('POST injects a fault (201), GET lists it, and it applies to the next request', async () => {
    const posted = await control({
      method: 'POST',
      body: JSON.stringify({ method: 'POST', path: '/companies', kind: 'drop-after' }),
    });
    assert.equal(posted.status, 201);
    const fault = (await posted.json()) as Record<string, unknown>;
    assert.deepEqual(
      { ...fault, id: 'ID' },
      { id: 'ID', method: 'POST', path: '/companies', kind: 'drop-after', remaining: 1 },
    );
    assert.deepEqual(await (await control()).json(), { faults: [fault] });

    await assertDropped(
      sim.api('/companies', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Over HTTP Ltd' }),
      }),
    );
    assert.equal(sim.simulator.listCompanies().length, 1);
    assert.deepEqual(await (await control()).json(), { faults: [] });
  });

  it('a 429 with Retry-After and a `*` path, injected over HTTP', async () => {
    const company = await sim.createCompany();
    const body = { path: '/companies/*/dataStatus', kind: 'status', status: 429, retryAfterSeconds: 3 };
    assert.equal((await control({ method: 'POST', body: JSON.stringify(body) })).status, 201);
    const limited = await sim.api(`/companies/${company.id}/dataStatus`);
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '3');
  });

  it('DELETE clears every fault (204)', async () => {
    for (let i = 0; i < 2; i += 1) {
      await control({ method: 'POST', body: JSON.stringify({ path: '/companies', kind: 'drop-before' }) });
    }
    assert.equal((await control({ method: 'DELETE' })).status, 204);
    assert.deepEqual(sim.simulator.faults.list(), []);
    assert.equal((await sim.api('/companies')).status, 200);
  });

  for (const [label, body] of [
    ['not JSON', '{kind:'],
    ['a path that is not a string', JSON.stringify({ path: 5, kind: 'drop-before' })],
    ['an unknown field', JSON.stringify({ path: '/companies', kind: 'drop-before', when: 'now' })],
    ['an unknown kind', JSON.stringify({ path: '/companies', kind: 'explode' })],
    ['a status fault without status', JSON.stringify({ path: '/companies', kind: 'status' })],
  ] as const) {
    it(`refuses ${label} with a 400 in the platform error shape`, async () => {
      const response = await control({ method: 'POST', body });
      assert.equal(response.status, 400);
      const error = (await response.json()) as { statusCode: number; error: string };
      assert.equal(error.statusCode, 400);
      assert.ok(error.error.length > 0);
      assert.deepEqual(sim.simulator.faults.list(), []);
    });
  }

  it('control routes are never faulted, and other methods and paths are refused', async () => {
    sim.simulator.faults.inject({ path: /.*/, kind: 'drop-before', times: Infinity });
    assert.equal((await control({ method: 'PUT' })).status, 405);
    assert.equal((await fetch(`${sim.url}/_simulator/nothing`)).status, 404);
    assert.equal((await control({ method: 'DELETE' })).status, 204);
  });
});
