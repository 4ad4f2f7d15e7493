/**
 * Fault injection matches requests by path, so it reaches data-status calls like any other: latency, 429
 * with `Retry-After` and 500 on `GET /companies/{id}/dataStatus`, through `simulator.handle`, over HTTP (the
 * control API), and through the reference server's `GET /companies/{id}/data-status`.
 */
import assert from 'node:assert/strict';
import {
  createSimulator,
  type DataStatus,
  type FaultSpec,
  type Simulator,
} from '../../src/simulator/index.ts';
import { postJson, startBackend, type TestBackend } from '../server/harness.ts';
import { AUTH, manualClock, startTestSimulator, type ManualClock, type TestSimulator } from './harness.ts';

const DATA_STATUS = '/companies/*/dataStatus';
const LATENCY: FaultSpec = { method: 'GET', path: DATA_STATUS, kind: 'latency', latencyMs: 1200 };
const RATE_LIMITED: FaultSpec = {
  method: 'GET',
  path: DATA_STATUS,
  kind: 'status',
  status: 429,
  retryAfterSeconds: 7,
};
const SERVER_ERROR: FaultSpec = { method: 'GET', path: DATA_STATUS, kind: 'status', status: 500 };

/** The API calls the shared checks make, over whichever transport. */
interface Target {
  clock: ManualClock;
  delays: number[];
  inject(fault: FaultSpec): Promise<void>;
  get(path: string): Promise<Response>;
  companyId: string;
}

/** The checks every transport must pass. */
function dataStatusFaultTests(
  name: string,
  setUp: () => Promise<Target>,
  tearDown: () => Promise<void>,
): void {
  describe(name, () => {
    let target: Target;
    beforeEach(async () => {
      target = await setUp();
    });
    after(tearDown);

    const dataStatus = (): Promise<Response> => target.get(`/companies/${target.companyId}/dataStatus`);

    it('latency: waits, then serves the data status as of the clock', async () => {
      await target.inject(LATENCY);
      const response = await dataStatus();
      assert.equal(response.status, 200);
      const body = (await response.json()) as Record<string, DataStatus>;
      assert.equal(body['invoices']?.currentStatus, 'Queued');
      assert.deepEqual(target.delays, [1200]);
    });

    it('429 with Retry-After, in the platform error shape, once; then served again', async () => {
      await target.inject(RATE_LIMITED);
      const limited = await dataStatus();
      assert.equal(limited.status, 429);
      assert.equal(limited.headers.get('retry-after'), '7');
      const body = (await limited.json()) as { statusCode: number; service: string };
      assert.equal(body.statusCode, 429);
      assert.equal(body.service, 'PublicApi');
      assert.equal((await dataStatus()).status, 200);
    });

    it('500 in the platform error shape; the sync carries on regardless', async () => {
      await target.inject({ ...SERVER_ERROR, times: 2 });
      const failed = await dataStatus();
      assert.equal(failed.status, 500);
      assert.equal(((await failed.json()) as { statusCode: number }).statusCode, 500);
      target.clock.advance(4000);
      assert.equal((await dataStatus()).status, 500);
      const body = (await (await dataStatus()).json()) as Record<string, DataStatus>;
      assert.equal(body['invoices']?.currentStatus, 'Complete');
    });

    it('a data-status fault leaves the company and its connections alone', async () => {
      // Applies once: were it used up by the other calls, the data status would be served.
      await target.inject(SERVER_ERROR);
      assert.equal((await target.get(`/companies/${target.companyId}`)).status, 200);
      assert.equal((await target.get(`/companies/${target.companyId}/connections`)).status, 200);
      assert.equal((await dataStatus()).status, 500);
    });
  });
}

/** Creates and links a company through `call`, as a client and a user would. */
async function linkedCompany(call: (path: string, init: RequestInit) => Promise<Response>): Promise<string> {
  const created = await call('/companies', {
    ...postJson({ name: 'Faulty Ltd' }),
    headers: { ...AUTH, 'content-type': 'application/json' },
  });
  const { id, redirect } = (await created.json()) as { id: string; redirect: string };
  const linked = await call(new URL(redirect).pathname, {
    method: 'POST',
    body: new URLSearchParams({ platform: 'gbol', action: 'authorise' }),
    redirect: 'manual',
  });
  assert.equal(linked.status, 303);
  return id;
}

describe('faults on data-status calls', () => {
  // Through simulator.handle: no HTTP server at all (a host other than Node).
  let simulator: Simulator;
  dataStatusFaultTests(
    'through simulator.handle',
    async () => {
      const clock = manualClock();
      const delays: number[] = [];
      simulator = createSimulator({
        apiKey: 'test-api-key',
        now: clock.now,
        delay: (ms) => {
          delays.push(ms);
          return Promise.resolve();
        },
      });
      const call = (path: string, init: RequestInit = {}): Promise<Response> =>
        simulator.handle(new Request(`http://sim.test${path}`, init));
      const companyId = await linkedCompany(call);
      return {
        clock,
        delays,
        companyId,
        inject: (fault) => {
          simulator.faults.inject(fault);
          return Promise.resolve();
        },
        get: (path) => call(path, { headers: AUTH }),
      };
    },
    () => Promise.resolve(),
  );

  // Over HTTP, with the faults injected through the control API as an e2e test or the demo would.
  let sim: TestSimulator | undefined;
  const delays: number[] = [];
  dataStatusFaultTests(
    'over HTTP, injected through the control API',
    async () => {
      sim ??= await startTestSimulator({
        basePath: '/platform',
        delay: (ms) => {
          delays.push(ms);
          return Promise.resolve();
        },
      });
      const running = sim;
      running.simulator.reset();
      delays.length = 0;
      const companyId = await linkedCompany((path, init) =>
        fetch(new URL(path.startsWith('/platform') ? path : `/platform${path}`, running.url), init),
      );
      return {
        clock: running.clock,
        delays,
        companyId,
        async inject(fault) {
          const response = await fetch(`${running.url}/_simulator/faults`, postJson(fault));
          assert.equal(response.status, 201);
        },
        get: (path) => running.api(path),
      };
    },
    async () => {
      await sim?.close();
    },
  );
});

describe("the reference server's GET /companies/{id}/data-status under platform faults", () => {
  let backend: TestBackend;
  const delays: number[] = [];
  let companyId: string;
  before(async () => {
    backend = await startBackend({
      simulator: {
        delay: (ms) => {
          delays.push(ms);
          return Promise.resolve();
        },
      },
    });
  });
  after(() => backend.close());
  beforeEach(async () => {
    backend.platform.simulator.reset();
    backend.logs.length = 0;
    delays.length = 0;
    const created = await backend.createCompany();
    companyId = created.id;
    await backend.platform.submitLink(created.redirect, { platform: 'gbol', action: 'authorise' });
  });

  const dataStatus = (): ReturnType<TestBackend['call']> =>
    backend.call(`/companies/${companyId}/data-status`);

  it('429 → 429 rate-limited, passing Retry-After through', async () => {
    backend.platform.simulator.faults.inject(RATE_LIMITED);
    const response = await dataStatus();
    assert.equal(response.status, 429);
    assert.equal(response.headers.get('retry-after'), '7');
    assert.equal(response.body?.['code'], 'rate-limited');
    assert.equal((await dataStatus()).status, 200, 'the fault applied once');
  });

  it('500 → 502 platform-error, logged with the platform status', async () => {
    backend.platform.simulator.faults.inject(SERVER_ERROR);
    const response = await dataStatus();
    assert.equal(response.status, 502);
    assert.equal(response.body?.['code'], 'platform-error');
    assert.match(backend.logs.join('\n'), /platform call getDataStatus failed: HTTP 500/);
  });

  it('latency → the data status, late', async () => {
    backend.platform.simulator.faults.inject(LATENCY);
    const response = await dataStatus();
    assert.equal(response.status, 200);
    assert.equal((response.body?.['invoices'] as DataStatus).currentStatus, 'Queued');
    assert.deepEqual(delays, [1200]);
  });
});
