import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import {
  createOnboardHandler,
  toNodeListener,
  type AuthorizeContext,
  type FetchHandler,
  type OnboardAction,
  type OnboardHandlerOptions,
} from '../../src/server/index.ts';
import type { StartSimulatorOptions } from '../../src/simulator/index.ts';
import { API_KEY, startTestSimulator, type TestSimulator } from '../simulator/harness.ts';

/** Handler options for a test: every caller is allowed unless the test says otherwise. */
type HandlerOptions = Partial<OnboardHandlerOptions>;

export { API_KEY } from '../simulator/harness.ts';

/** The API key in every form it could leak in. */
export const SECRET_FORMS = [API_KEY, Buffer.from(API_KEY).toString('base64')];

/** Serves `handler` on 127.0.0.1 with a free port. */
export async function listen(handler: FetchHandler): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(toNodeListener(handler));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('not listening on TCP');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** A port nothing listens on: bind one, then free it. */
export async function deadUrl(): Promise<string> {
  const server = await listen(() => Promise.resolve(new Response(null)));
  await server.close();
  return server.url;
}

/** The reference backend under `/api`, in front of a simulator it reaches through the official SDK. */
export interface TestBackend {
  /** Origin of the backend; its routes are under `/api`. */
  url: string;
  platform: TestSimulator;
  /** Every line the handler logged. */
  logs: string[];
  /** Every response body the tests read through {@link call}, for leak checks. */
  bodies: string[];
  /** Calls `/api{path}`; returns the status, headers and parsed JSON body (`null` when empty). */
  call(
    path: string,
    init?: RequestInit,
  ): Promise<{ status: number; headers: Headers; body: Record<string, unknown> | null }>;
  /** Creates a company through the backend; fails the test unless that succeeds. */
  createCompany(body?: Record<string, unknown>): Promise<{ id: string; redirect: string; name: string }>;
  close(): Promise<void>;
}

export async function startBackend(
  options: { handler?: HandlerOptions; simulator?: StartSimulatorOptions } = {},
): Promise<TestBackend> {
  const platform = await startTestSimulator(options.simulator);
  const logs: string[] = [];
  const bodies: string[] = [];
  const handler = createOnboardHandler({
    apiKey: API_KEY,
    platformUrl: platform.url,
    basePath: '/api',
    authorize: 'allow-everyone',
    log: (line) => logs.push(line),
    ...options.handler,
  });
  const server = await listen(handler);
  const call: TestBackend['call'] = async (path, init = {}) => {
    const response = await fetch(`${server.url}/api${path}`, init);
    const text = await response.text();
    bodies.push(text);
    return {
      status: response.status,
      headers: response.headers,
      body: text === '' ? null : (JSON.parse(text) as Record<string, unknown>),
    };
  };
  return {
    url: server.url,
    platform,
    logs,
    bodies,
    call,
    async createCompany(body = { name: 'Acme Ltd' }) {
      const response = await call('/companies', postJson(body));
      if (response.status !== 200)
        throw new Error(`create failed: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body as { id: string; redirect: string; name: string };
    },
    async close() {
      await server.close();
      await platform.close();
    },
  };
}

/** A JSON POST, as the element's backend adapter sends it. */
export function postJson(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  };
}

/** A platform request as the simulator received it: method, path and, for a list, the `tags` filter. */
export interface PlatformCall {
  method: string;
  path: string;
  tags?: string;
}

/**
 * The reference backend in front of a simulator, with every platform request recorded, the backend
 * restartable (a new handler: with the default store, an empty memory), and the backend's answers droppable
 * after it has acted (as when the browser's connection breaks).
 */
export interface RecordedBackend {
  platform: TestSimulator;
  platformCalls: PlatformCall[];
  logs: string[];
  /** Answers to drop (connection destroyed after the handler acted), counting down. */
  dropAnswers: number;
  /** `POST /api/companies` with an Idempotency-Key (none if `null`); rejects when the connection drops. */
  create(
    key: string | null,
    body?: Record<string, unknown>,
  ): Promise<{ status: number; headers: Headers; body: Record<string, unknown> }>;
  /** Replaces the handler with a new one, as a server restart does. */
  restart(handler?: HandlerOptions): void;
  /** A clean slate between tests: empty simulator, no recorded calls or logs, no drops, a new handler. */
  reset(handler?: HandlerOptions): void;
  close(): Promise<void>;
}

export interface RecordedBackendOptions {
  handler?: HandlerOptions;
  simulator?: StartSimulatorOptions;
  /** Rewrites each platform request before the simulator sees it (a platform that departs from its spec). */
  platformRequest?: (request: Request) => Request | Promise<Request>;
}

export async function startRecordedBackend(options: RecordedBackendOptions = {}): Promise<RecordedBackend> {
  const platform = await startTestSimulator(options.simulator);
  const platformCalls: PlatformCall[] = [];
  const recorder = await listen(async (request) => {
    const url = new URL(request.url);
    const tags = url.searchParams.get('tags');
    platformCalls.push({ method: request.method, path: url.pathname, ...(tags !== null && { tags }) });
    return platform.simulator.handle((await options.platformRequest?.(request)) ?? request);
  });
  const logs: string[] = [];
  const makeHandler = (extra: HandlerOptions = {}): FetchHandler =>
    createOnboardHandler({
      apiKey: API_KEY,
      platformUrl: recorder.url,
      basePath: '/api',
      authorize: 'allow-everyone',
      log: (line) => logs.push(line),
      ...options.handler,
      ...extra,
    });
  let handler = makeHandler();
  const rig: RecordedBackend = {
    platform,
    platformCalls,
    logs,
    dropAnswers: 0,
    async create(key, body = { name: 'Acme Ltd' }) {
      const headers: Record<string, string> = key === null ? {} : { 'idempotency-key': key };
      const response = await fetch(`${server.url}/api/companies`, postJson(body, headers));
      return {
        status: response.status,
        headers: response.headers,
        body: (await response.json()) as Record<string, unknown>,
      };
    },
    restart(extra) {
      handler = makeHandler(extra);
    },
    reset(extra) {
      platform.simulator.reset();
      platformCalls.length = 0;
      logs.length = 0;
      rig.dropAnswers = 0;
      rig.restart(extra);
    },
    async close() {
      await server.close();
      await recorder.close();
      await platform.close();
    },
  };
  const server = await listen(async (request) => {
    const response = await handler(request);
    if (rig.dropAnswers === 0) return response;
    rig.dropAnswers -= 1;
    await response.body?.cancel();
    return Response.error();
  });
  return rig;
}

/** How a fake platform answers each request. */
export type Respond = (request: Request) => Response | Promise<Response>;

/** Runs `body` with the backend (under `/api`) in front of a fake platform that answers with `respond`. */
export async function withFakePlatform(
  respond: Respond,
  body: (backend: TestBackend) => Promise<void>,
  handler: HandlerOptions = {},
): Promise<void> {
  const fake = await listen(async (request) => respond(request));
  const backend = await startBackend({ handler: { platformUrl: fake.url, ...handler } });
  try {
    await body(backend);
  } finally {
    await backend.close();
    await fake.close();
  }
}

/** An error answer in Codat's shape, `correlationId` `corr-123`. */
export function codatJson(
  status: number,
  error: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Response {
  const body = {
    statusCode: status,
    service: 'PublicApi',
    error,
    correlationId: 'corr-123',
    validation: null,
    canBeRetried: 'Unknown',
    detailedErrorCode: 0,
    ...extra,
  };
  return Response.json(body, { status, headers });
}

/** A fake platform that records each request as `METHOD /path?query`, then answers with `respond`. */
export function recording(respond: Respond): { respond: Respond; seen: string[] } {
  const seen: string[] = [];
  return {
    seen,
    respond: (request) => {
      const url = new URL(request.url);
      seen.push(`${request.method} ${url.pathname}${url.search}`);
      return respond(request);
    },
  };
}

/** A platform fault, and the status, `code` and `Retry-After` the backend must answer it with. */
export type PlatformFault = [
  fault: string,
  respond: Respond,
  status: number,
  code: string,
  retryAfter: string | null,
];

/** The faults every platform call is tested against (a timeout is tested apart: it needs `timeoutMs`). */
export const PLATFORM_FAULTS: readonly PlatformFault[] = [
  ['platform 500', () => codatJson(500, 'Boom'), 502, 'platform-error', null],
  [
    '429 with Retry-After',
    () => codatJson(429, 'Too many', {}, { 'retry-after': '9' }),
    429,
    'rate-limited',
    '9',
  ],
  [
    '503 with Retry-After',
    () => codatJson(503, 'Down', {}, { 'retry-after': '30' }),
    503,
    'platform-unavailable',
    '30',
  ],
  ['402 (account limit)', () => codatJson(402, 'Payment Required'), 402, 'account-limit', null],
  ['404 (no such company)', () => codatJson(404, 'Not found'), 404, 'company-not-found', null],
  ['dropped connection', () => Response.error(), 502, 'platform-unreachable', null],
  [
    'bad JSON in a 200',
    () => new Response('{not json', { headers: { 'content-type': 'application/json' } }),
    502,
    'platform-bad-response',
    null,
  ],
  ['a 200 that is not an object', () => Response.json(['done']), 502, 'platform-bad-response', null],
];

/** A company route of the backend under test: its path (under `/api`), how to call it, the SDK call it makes. */
export interface CompanyCall {
  readonly path: string;
  readonly init?: RequestInit;
  /** The SDK function the server's log line names when the platform call fails. */
  readonly sdkCall: string;
}

/**
 * The platform-fault rows every call has: one `it` per {@link PLATFORM_FAULTS} (the status, `code` and
 * `Retry-After` the caller gets, and the log line naming the SDK call), and one for a platform that never
 * answers (504 after `timeoutMs`).
 */
export function itAnswersEveryPlatformFault({ path, init = {}, sdkCall }: CompanyCall): void {
  for (const [fault, respond, status, code, retryAfter] of PLATFORM_FAULTS) {
    it(`${fault} → ${status} ${code}`, async () => {
      await withFakePlatform(respond, async (backend) => {
        const response = await backend.call(path, init);
        assert.equal(response.status, status);
        assert.equal(response.body?.['code'], code);
        assert.equal(response.headers.get('retry-after'), retryAfter);
        assert.match(backend.logs[0] ?? '', new RegExp(`platform call ${sdkCall} failed:`));
      });
    });
  }

  it('timeout → 504 platform-timeout after timeoutMs', async () => {
    await withFakePlatform(
      () => new Promise<Response>(() => {}),
      async (backend) => {
        const response = await backend.call(path, init);
        assert.equal(response.status, 504);
        assert.equal(response.body?.['code'], 'platform-timeout');
      },
      { timeoutMs: 20 },
    );
  });
}

/**
 * Calls `path` with an `authorize` hook that refuses everything: the answer must be 403 `forbidden`, the hook
 * asked exactly once with `action` on `companyId`, and the platform never reached.
 */
export async function assertAuthorizeRefuses(
  { path, init = {} }: CompanyCall,
  action: OnboardAction,
  companyId: string,
): Promise<void> {
  const platform = recording(() => Response.json({}));
  const asked: Omit<AuthorizeContext, 'request'>[] = [];
  const authorize = ({ action: asking, companyId: about }: AuthorizeContext): boolean => {
    asked.push({ action: asking, ...(about !== undefined && { companyId: about }) });
    return false;
  };
  await withFakePlatform(
    platform.respond,
    async (backend) => {
      const response = await backend.call(path, init);
      assert.equal(response.status, 403);
      assert.deepEqual(response.body, { error: 'You are not allowed to do this.', code: 'forbidden' });
    },
    { authorize },
  );
  assert.deepEqual(asked, [{ action, companyId }]);
  assert.deepEqual(platform.seen, []);
}
