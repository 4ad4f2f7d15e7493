/**
 * A company is created at most once per journey: the element's own backend adapter (`createFetchBackend`,
 * what `<company-onboard>` uses) → the reference server → the simulator over real HTTP, with faults injected
 * through the simulator's HTTP control API. The adapter retries transient failures with the same
 * Idempotency-Key by itself (`adapter`); with retries off (`oneShot`) we play the user pressing "Try again",
 * which sends the same key too.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createFetchBackend, HttpError, NetworkError, type OnboardBackend } from '../../src/backend/index.ts';
import { createOnboardHandler, toNodeListener, type FetchHandler } from '../../src/server/index.ts';
import { startSimulator, type FaultSpec, type RunningSimulator } from '../../src/simulator/index.ts';
import { createServer } from 'node:http';

const API_KEY = 'e2e-api-key';

interface Stack {
  simulator: RunningSimulator;
  /** The adapter as the element configures it by default: it retries transient failures itself. */
  adapter: OnboardBackend;
  /** No retries: each call is one attempt, as each press of "Try again". */
  oneShot: OnboardBackend;
  /** Drop our server's next answer(s) after it acted. */
  dropAnswers: number;
  /** A new reference handler (empty in-memory store), as after a deploy. */
  restartServer(): void;
  injectOverHttp(fault: Omit<FaultSpec, 'path'> & { path: string }): Promise<void>;
  close(): Promise<void>;
}

async function startStack(): Promise<Stack> {
  const simulator = await startSimulator({ apiKey: API_KEY });
  const makeHandler = (): FetchHandler =>
    createOnboardHandler({
      apiKey: API_KEY,
      platformUrl: simulator.url,
      basePath: '/api',
      authorize: 'allow-everyone',
      log: () => {},
    });
  let handler = makeHandler();
  const stack: Stack = {
    simulator,
    adapter: undefined as unknown as OnboardBackend,
    oneShot: undefined as unknown as OnboardBackend,
    dropAnswers: 0,
    restartServer() {
      handler = makeHandler();
    },
    async injectOverHttp(fault) {
      const response = await fetch(`${simulator.url}/_simulator/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(fault),
      });
      assert.equal(response.status, 201, await response.text());
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await simulator.close();
    },
  };
  const server = createServer(
    toNodeListener(async (request) => {
      const response = await handler(request);
      if (stack.dropAnswers === 0) return response;
      stack.dropAnswers -= 1;
      await response.body?.cancel();
      return Response.error();
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('not listening on TCP');
  const baseUrl = `http://127.0.0.1:${address.port}/api`;
  stack.adapter = createFetchBackend({ baseUrl, retryDelayMs: 1, timeoutMs: 5000 });
  stack.oneShot = createFetchBackend({ baseUrl, retries: 0, timeoutMs: 5000 });
  return stack;
}

describe('create once, through the widget’s backend adapter', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack();
  });
  after(() => stack.close());
  beforeEach(() => {
    stack.simulator.simulator.reset();
    stack.dropAnswers = 0;
    stack.restartServer();
  });

  const companies = (): readonly { id: string }[] => stack.simulator.simulator.listCompanies();

  it('the platform connection drops after creating: an error the user can retry, then the same company', async () => {
    await stack.injectOverHttp({ method: 'POST', path: '/companies', kind: 'drop-after' });
    const idempotencyKey = randomUUID();
    await assert.rejects(stack.oneShot.createCompany({ name: 'Acme Ltd' }, { idempotencyKey }), (error) => {
      assert.ok(error instanceof HttpError);
      assert.equal(error.status, 502);
      assert.equal(error.code, 'platform-unreachable');
      assert.equal(error.retryable, true);
      return true;
    });
    assert.equal(companies().length, 1);
    const company = await stack.oneShot.createCompany({ name: 'Acme Ltd' }, { idempotencyKey });
    assert.equal(company.id, companies()[0]?.id);
    assert.equal(companies().length, 1);
  });

  it('…and after a server restart too', async () => {
    await stack.injectOverHttp({ method: 'POST', path: '/companies', kind: 'drop-after' });
    const idempotencyKey = randomUUID();
    await assert.rejects(stack.oneShot.createCompany({ name: 'Acme Ltd' }, { idempotencyKey }), HttpError);
    stack.restartServer();
    const company = await stack.oneShot.createCompany({ name: 'Acme Ltd' }, { idempotencyKey });
    assert.equal(company.id, companies()[0]?.id);
    assert.equal(companies().length, 1);
  });

  it('the browser loses our answer: a network error, then the same company', async () => {
    stack.dropAnswers = 1;
    const idempotencyKey = randomUUID();
    await assert.rejects(stack.oneShot.createCompany({ name: 'Acme Ltd' }, { idempotencyKey }), NetworkError);
    stack.restartServer();
    const company = await stack.oneShot.createCompany({ name: 'Acme Ltd' }, { idempotencyKey });
    assert.equal(company.id, companies()[0]?.id);
    assert.equal(companies().length, 1);
  });

  it('the connection drops before the platform acted: the retry creates exactly one', async () => {
    await stack.injectOverHttp({ method: 'POST', path: '/companies', kind: 'drop-before' });
    const idempotencyKey = randomUUID();
    await assert.rejects(stack.oneShot.createCompany({ name: 'Acme Ltd' }, { idempotencyKey }), HttpError);
    assert.equal(companies().length, 0);
    await stack.oneShot.createCompany({ name: 'Acme Ltd' }, { idempotencyKey });
    assert.equal(companies().length, 1);
  });

  it('a platform 429 with Retry-After: the adapter waits and retries the create itself, one company', async () => {
    await stack.injectOverHttp({
      method: 'POST',
      path: '/companies',
      kind: 'status',
      status: 429,
      retryAfterSeconds: 0,
      times: 2,
    });
    const company = await stack.adapter.createCompany({ name: 'Acme Ltd' }, { idempotencyKey: randomUUID() });
    assert.deepEqual(
      companies().map((c) => c.id),
      [company.id],
    );
  });

  it('a platform 500 is a retryable server error; the retry creates one', async () => {
    await stack.injectOverHttp({ method: 'POST', path: '/companies', kind: 'status', status: 500 });
    const idempotencyKey = randomUUID();
    await assert.rejects(stack.oneShot.createCompany({ name: 'Acme Ltd' }, { idempotencyKey }), (error) => {
      assert.ok(error instanceof HttpError);
      assert.equal(error.code, 'platform-error');
      return true;
    });
    await stack.oneShot.createCompany({ name: 'Acme Ltd' }, { idempotencyKey });
    assert.equal(companies().length, 1);
  });

  it('the adapter retries a dropped create by itself, with the same key: one company, no error', async () => {
    await stack.injectOverHttp({ method: 'POST', path: '/companies', kind: 'drop-after' });
    stack.dropAnswers = 1; // and then our own answer to the first retry is lost as well
    const company = await stack.adapter.createCompany({ name: 'Acme Ltd' }, { idempotencyKey: randomUUID() });
    assert.deepEqual(
      companies().map((c) => c.id),
      [company.id],
    );
  });

  it('every failure at once, one after another, still one company', async () => {
    for (const kind of ['drop-before', 'drop-after'] as const) {
      await stack.injectOverHttp({ method: 'POST', path: '/companies', kind });
    }
    await stack.injectOverHttp({ method: 'GET', path: '/companies', kind: 'status', status: 503 });
    const idempotencyKey = randomUUID();
    const attempt = (): Promise<unknown> =>
      stack.oneShot.createCompany({ name: 'Acme Ltd' }, { idempotencyKey }).catch((error: unknown) => error);
    const outcomes: unknown[] = [];
    for (let i = 0; i < 4; i += 1) {
      if (i === 2) stack.restartServer();
      if (i === 3) stack.dropAnswers = 1;
      outcomes.push(await attempt());
    }
    const last = await stack.oneShot.createCompany({ name: 'Acme Ltd' }, { idempotencyKey });
    assert.equal(companies().length, 1);
    assert.equal(last.id, companies()[0]?.id);
    assert.ok(
      outcomes.every((outcome) => outcome instanceof Error || (outcome as { id?: string }).id === last.id),
    );
  });
});
