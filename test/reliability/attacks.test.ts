/**
 * The attack list of issue 5, against the reference server over real HTTP on 127.0.0.1 in front of the
 * simulator. Already proved elsewhere, and not repeated here:
 *
 * - test/server/authorize.test.ts: a hook that denies everything gets 403 on every route, before the body is
 *   read and before any platform call; a throwing hook is a 500 without secrets.
 * - test/server/validation.test.ts: names with `( [ ] )`, over 100 characters, blank or not text (400
 *   invalid-name); 413 from Content-Length and from a small chunked body; 415; ids that are not UUIDs; 404/405.
 * - test/server/secrets.test.ts: no API key in bodies and log lines over a few success and failure answers,
 *   even when the platform echoes the Authorization header.
 *
 * Added here: per-company grants (a caller who may read their own company but not another's, with no
 * existence oracle), markup and look-alike characters in names, names accepted exactly as typed, a 413 that
 * comes before the body is sent or read (a 1 GiB declaration, an endless chunked upload, a 64 MiB stream fed
 * to the handler), and a secret sweep that also covers response headers, client-side errors and every
 * platform failure the simulator can inject.
 */
import { codatCompanyName, companyNameProblem } from '../../src/backend/company-name.ts';
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import fc from 'fast-check';
import { createFetchBackend } from '../../src/backend/fetch-backend.ts';
import { HttpError } from '../../src/backend/errors.ts';
import { createMemoryIdempotencyStore, createOnboardHandler } from '../../src/server/index.ts';
import { postJson, secretForms, serve, startRig, type Exchange, type Rig } from './rig.ts';

const API_KEY = 'rel-attack-7c1e9b2a-5d43-4f8e-key';
const FORBIDDEN = { error: 'You are not allowed to do this.', code: 'forbidden' };
const NO_SUCH_COMPANY = '0d4c6a1e-2b3f-4a5d-8e9f-0a1b2c3d4e5f';

/** The parts of an exchange that could carry data; `date` differs between any two answers. */
const comparable = ({ status, headers, body }: Exchange): unknown => ({
  status,
  headers: headers.filter(([name]) => name !== 'date'),
  body,
});

/**
 * Goes through the simulator's Link pages as the user's browser would: Sandbox and Continue on the company
 * page, then Authorise on the connection page it leads to.
 */
async function linkInBrowser(redirect: string): Promise<URL> {
  const post = async (url: string, fields: Record<string, string>): Promise<string> => {
    const response = await fetch(url, {
      method: 'POST',
      body: new URLSearchParams(fields),
      redirect: 'manual',
    });
    assert.equal(response.status, 303);
    return response.headers.get('location') ?? '';
  };
  const connectionPage = await post(redirect, { platform: 'mqjo', action: 'continue' });
  return new URL(await post(connectionPage, { action: 'authorise' }));
}

describe('attack: another caller’s company (per-company grants)', () => {
  let rig: Rig;
  const owners = new Map<string, string>();
  let alice: { id: string; name: string; redirect: string; connectionId: string; linkUrl: string };
  const as = (user: string, init: RequestInit = {}): RequestInit => ({
    ...init,
    headers: { ...(init.headers as Record<string, string> | undefined), 'x-user': user },
  });

  before(async () => {
    rig = await startRig({
      apiKey: API_KEY,
      handler: {
        // A typical integrator hook: anyone signed in may create; only the owner may read or refresh.
        authorize: ({ request, action, companyId }) => {
          const user = request.headers.get('x-user');
          if (user === null) return false;
          if (action === 'create') return true;
          return companyId !== undefined && owners.get(companyId) === user;
        },
      },
    });
    const created = await rig.call(
      '/companies',
      as(
        'alice',
        postJson({ name: 'Alice Secret Holdings' }, { 'idempotency-key': 'alice-key-0123456789abcdef' }),
      ),
    );
    assert.equal(created.status, 200, created.body);
    const id = String(created.json?.['id']);
    owners.set(id, 'alice');
    await linkInBrowser(String(created.json?.['redirect']));
    const read = await rig.call(`/companies/${id}`, as('alice'));
    assert.equal(read.status, 200, 'the owner reads her company (positive control)');
    const connection = (
      read.json?.['dataConnections'] as { id: string; linkUrl: string; status: string }[]
    )[0];
    assert.equal(connection?.status, 'Linked');
    alice = {
      id,
      name: 'Alice Secret Holdings',
      redirect: String(created.json?.['redirect']),
      connectionId: connection.id,
      linkUrl: connection.linkUrl,
    };
    const bobs = await rig.call('/companies', as('bob', postJson({ name: 'Bob Ltd' })));
    owners.set(String(bobs.json?.['id']), 'bob');
  });
  after(() => rig.close());

  /** What must never reach bob: anything that names, locates or links alice's company. */
  const aliceSecrets = (): string[] => [
    alice.id,
    alice.id.toUpperCase(),
    alice.name,
    'Alice',
    alice.redirect,
    alice.connectionId,
    alice.linkUrl,
    'link/company',
  ];

  it('bob cannot read, poll or refresh it: 403, nothing leaked, the platform never asked', async () => {
    const routes = (id: string): [string, RequestInit][] => [
      [`/companies/${id}`, {}],
      [`/companies/${id}/data-status`, {}],
      [`/companies/${id}/refresh`, postJson({})],
    ];
    const platformCallsBefore = rig.platformCalls.length;
    const answers: Exchange[] = [];
    for (const id of [alice.id, alice.id.toUpperCase()]) {
      for (const [path, init] of routes(id)) {
        for (const user of ['bob', 'mallory']) {
          const answer = await rig.call(path, as(user, init));
          assert.equal(answer.status, 403, `${user} ${path}`);
          assert.deepEqual(answer.json, FORBIDDEN);
          answers.push(answer);
        }
      }
    }
    // Without a session at all, the same.
    const anonymous = await rig.call(`/companies/${alice.id}`);
    assert.equal(anonymous.status, 403);
    answers.push(anonymous);

    assert.equal(rig.platformCalls.length, platformCallsBefore, 'denied before any platform call');
    const everything = answers.map((a) => JSON.stringify(a)).join('\n');
    for (const secret of aliceSecrets()) assert.ok(!everything.includes(secret), `leaked ${secret}`);
    const statuses = await rig.call(`/companies/${alice.id}/data-status`, as('alice'));
    assert.equal(statuses.status, 200, 'alice still reads her data status');
  });

  it('no existence oracle: a denied real company and a company that does not exist answer alike', async () => {
    for (const [path, init] of [
      ['', {}],
      ['/data-status', {}],
      ['/refresh', postJson({})],
    ] as const) {
      const real = await rig.call(`/companies/${alice.id}${path}`, as('bob', init));
      const missing = await rig.call(`/companies/${NO_SUCH_COMPANY}${path}`, as('bob', init));
      assert.deepEqual(comparable(real), comparable(missing), path || '(company)');
    }
  });

  it('re-linking needs the Link URL, which bob’s widget cannot get: a non-retryable forbidden error', async () => {
    const widget = createFetchBackend({
      baseUrl: `${rig.url}/api`,
      headers: { 'x-user': 'bob' },
      retries: 0,
    });
    const failure = await widget.getCompany(alice.id).then(
      () => assert.fail('bob read alice’s company'),
      (error: unknown) => error,
    );
    assert.ok(failure instanceof HttpError);
    assert.equal(failure.status, 403);
    assert.equal(failure.code, 'forbidden');
    assert.equal(failure.retryable, false);
    for (const secret of aliceSecrets()) assert.ok(!failure.message.includes(secret));
  });

  it('bob cannot obtain alice’s company by replaying her Idempotency-Key', async () => {
    const replay = await rig.call(
      '/companies',
      as('bob', postJson({ name: alice.name }, { 'idempotency-key': 'alice-key-0123456789abcdef' })),
    );
    // A replay is handed over only if authorize grants reading the company it made.
    assert.equal(replay.status, 403, 'bob was handed alice’s company');
    for (const secret of aliceSecrets()) assert.ok(!replay.body.includes(secret), `leaked ${secret}`);
  });
});

describe('attack: joining another caller’s create while it runs', () => {
  const KEY = 'race-key-0123456789abcdef';
  const owners = new Map<string, string>();
  let rig: Rig;
  let release = (): void => {};
  let bobCreating = (): void => {};
  /** How often the idempotency store was asked to claim a key: a request that joins another does not. */
  let claims = 0;
  before(async () => {
    const store = createMemoryIdempotencyStore();
    rig = await startRig({
      apiKey: API_KEY,
      handler: {
        idempotencyStore: {
          claim: (key, record, staleBefore) => {
            claims += 1;
            return store.claim(key, record, staleBefore);
          },
          settle: (key, attempt, record) => store.settle(key, attempt, record),
        },
        authorize: ({ request, action, companyId }) => {
          const user = request.headers.get('x-user');
          if (user === null) return false;
          if (user === 'bob' && action === 'create') bobCreating();
          return action === 'create' || (companyId !== undefined && owners.get(companyId) === user);
        },
      },
      // The platform holds every delayed request until the test releases it: a create that is slow for
      // as long as the test needs, without sleeping.
      simulator: {
        delay: () =>
          new Promise<void>((resolve) => {
            release = resolve;
          }),
      },
    });
  });
  after(() => rig.close());

  it('bob joining alice’s in-flight create with her key and body gets 403, never her company', async () => {
    rig.simulator.faults.inject({
      method: 'POST',
      path: '/companies',
      kind: 'latency',
      latencyMs: 1,
      times: 1,
    });
    const send = (user: string) =>
      rig.call(
        '/companies',
        postJson({ name: 'Alice Racing Ltd' }, { 'idempotency-key': KEY, 'x-user': user }),
      );
    const alices = send('alice');
    while (!rig.platformCalls.includes('POST /companies')) await new Promise((r) => setTimeout(r, 5));
    // Alice's create is now held at the platform: bob's identical request joins it.
    const bobArrived = new Promise<void>((resolve) => {
      bobCreating = resolve;
    });
    const bobs = send('bob');
    await bobArrived;
    await new Promise((r) => setTimeout(r, 20)); // his small body is read, and he joins
    release();
    const [alice, bob] = await Promise.all([alices, bobs]);
    assert.equal(claims, 1, 'bob joined the running create rather than finding it finished');

    assert.equal(alice.status, 200, alice.body);
    assert.equal(bob.status, 403, 'bob was handed alice’s company');
    assert.deepEqual(bob.json, FORBIDDEN);
    const id = String(alice.json?.['id']);
    for (const secret of [id, String(alice.json?.['redirect']), 'Alice']) {
      assert.ok(!bob.body.includes(secret), `leaked ${secret}`);
    }
    assert.equal(rig.simulator.listCompanies().length, 1, 'one company, made once');
    assert.equal(rig.platformCalls.filter((call) => call === 'POST /companies').length, 1);
    // Alice's own retry is a replay, handed over because she may read it.
    owners.set(id, 'alice');
    const retry = await send('alice');
    assert.equal(retry.status, 200);
    assert.equal(retry.json?.['id'], id);
  });
});

describe('attack: hostile company names', () => {
  let rig: Rig;
  before(async () => {
    rig = await startRig({ apiKey: API_KEY });
  });
  after(() => rig.close());

  const HOSTILE = [
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    'Acme <b>Ltd</b>',
    '<svg/onload=alert(1)>',
    'javascript:alert(1)',
    '{{constructor.constructor("alert(1)")()}}',
    '${7*7}',
    "Acme'; DROP TABLE companies;--",
    '=HYPERLINK("https://evil.example","x")',
    '+SUM(1,1)',
    'Acme%3Cscript%3E',
    'Acme/../../etc/passwd',
    'Acme\\Ltd',
    'Acme\u0000Ltd',
    'Acme\u0007Ltd',
    'Acme\u001b[31mLtd',
    'Acme\u202eLtd', // right-to-left override
    'Acme\u200bLtd', // zero-width space
    'Acme\u2066Ltd', // bidi isolate
    'Acme 😀 Ltd',
    'Acme™',
    'Acme#1',
    'Acme_Ltd',
  ];

  it('markup, control, bidi and other characters the platform would strip are refused (400, field name)', async () => {
    for (const name of HOSTILE) {
      const answer = await rig.call('/companies', postJson({ name }));
      assert.equal(answer.status, 400, JSON.stringify(name));
      assert.equal(answer.json?.['code'], 'invalid-name');
      assert.equal(answer.json?.['field'], 'name');
      assert.match(
        String(answer.json?.['error']),
        /^Company name (cannot contain |contains invisible or control characters )/,
      );
      assert.equal(
        answer.headers.find(([h]) => h === 'content-type')?.[1],
        'application/json; charset=utf-8',
      );
    }
    assert.deepEqual(rig.simulator.listCompanies(), [], 'nothing created');
    assert.deepEqual(rig.platformCalls, [], 'the platform never saw them');
  });

  it('over-long names are refused whatever they are made of; 100 characters fit', async () => {
    for (const name of [
      'a'.repeat(101),
      'é'.repeat(101),
      `${'a'.repeat(100)}<`,
      'a '.repeat(5000),
      'x'.repeat(8000),
    ]) {
      const answer = await rig.call('/companies', postJson({ name }));
      assert.equal(answer.status, 400, `${name.slice(0, 10)}… (${name.length})`);
      assert.equal(answer.json?.['code'], 'invalid-name');
      assert.equal(answer.json?.['field'], 'name');
    }
    assert.deepEqual(rig.simulator.listCompanies(), []);
    const padded = `   ${'é'.repeat(100)}   `;
    const fits = await rig.call('/companies', postJson({ name: padded }));
    assert.equal(fits.status, 200, fits.body);
    // Codat keeps ASCII only: the server sends the spelling it will store and keeps the typed name aside.
    assert.equal(fits.json?.['name'], 'e'.repeat(100));
    assert.equal(fits.json?.['description'], 'é'.repeat(100));
    rig.simulator.reset();
  });

  it('100 letters outside the Basic Multilingual Plane fit (length in characters, not UTF-16 units)', async () => {
    const name = '𝒜'.repeat(100); // U+1D49C, two UTF-16 units each; stored as 'A'
    const answer = await rig.call('/companies', postJson({ name }));
    rig.simulator.reset();
    assert.equal(answer.status, 200, answer.body);
  });

  it('fuzz (300 runs over HTTP): a name is stored as Codat spells it, or refused naming the field', async () => {
    const nameArb = fc.oneof(
      fc.string({ maxLength: 120 }),
      fc.stringMatching(/^[A-Za-z0-9 '&@.,?!-]{1,110}$/),
      fc
        .array(
          fc.constantFrom(
            'Acme',
            ' ',
            'Ltd',
            'é',
            'Ü',
            '東京',
            '-',
            "'",
            '&',
            '<',
            '>',
            '"',
            '\u200b',
            '\n',
            '😀',
          ),
        )
        .map((parts) => parts.join('')),
    );
    let runs = 0;
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(nameArb, async (typed) => {
        runs += 1;
        const answer = await rig.call('/companies', postJson({ name: typed }));
        if (companyNameProblem(typed) === null) {
          accepted += 1;
          assert.equal(answer.status, 200, `${JSON.stringify(typed)}: ${answer.body}`);
          const stored = rig.simulator.listCompanies().find((c) => c.id === answer.json?.['id']);
          assert.equal(stored?.name, codatCompanyName(typed), 'stored as sent: Codat’s spelling');
        } else {
          assert.equal(answer.status, 400, `${JSON.stringify(typed)}: ${answer.body}`);
          assert.equal(answer.json?.['field'], 'name');
        }
      }),
      { numRuns: 300 },
    );
    console.log(`fuzz: ${runs} names over HTTP, ${accepted} accepted`);
    assert.equal(runs, 300);
    rig.simulator.reset();
  });
});

describe('attack: oversized bodies are refused before they are read', () => {
  const MAX = 16 * 1024; // the default maxBodyBytes
  let rig: Rig;
  let port: number;
  const BODY_TIMEOUT_MS = 1000;
  before(async () => {
    rig = await startRig({ apiKey: API_KEY, handler: { bodyTimeoutMs: BODY_TIMEOUT_MS } });
    port = Number(new URL(rig.url).port);
  });
  after(() => rig.close());

  /** A raw HTTP/1.1 exchange: `send` writes to the socket; resolves with all the server said once it closes. */
  function rawExchange(
    send: (socket: Socket) => void,
  ): Promise<{ response: string; closedBeforeUs: boolean }> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1');
      let response = '';
      let ended = false;
      const guard = setTimeout(() => {
        socket.destroy();
        reject(new Error(`no complete answer within 10 s; got ${JSON.stringify(response.slice(0, 200))}`));
      }, 10_000);
      socket.setEncoding('latin1');
      socket.on('data', (chunk: string) => {
        response += chunk;
      });
      socket.on('end', () => {
        ended = true;
        socket.end();
      });
      socket.on('error', () => undefined); // a reset while we still write is expected
      socket.on('close', () => {
        clearTimeout(guard);
        resolve({ response, closedBeforeUs: ended });
      });
      socket.on('connect', () => send(socket));
    });
  }

  const head = (extra: string): string =>
    `POST /api/companies HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\n${extra}\r\n`;

  it('a declared 1 GiB body: 413 at once, with no body byte sent, and the connection closed', async () => {
    const { response, closedBeforeUs } = await rawExchange((socket) => {
      socket.write(head(`Content-Length: ${2 ** 30}\r\n`)); // and never a body byte
    });
    assert.match(response, /^HTTP\/1\.1 413 /);
    assert.match(response, /\r\nconnection: close\r\n/i);
    assert.match(response, /"code":"payload-too-large"/);
    assert.ok(closedBeforeUs, 'the server hung up; it did not wait for the gigabyte');
  });

  it('a body trickling in (slowloris): 408 at bodyTimeoutMs, long before Node’s 5 minutes, connection closed', async () => {
    const started = performance.now();
    const { response, closedBeforeUs } = await rawExchange((socket) => {
      socket.write(head('Content-Length: 100\r\n'));
      socket.write('{"name":'); // and then nothing more, holding the request open
    });
    const tookMs = performance.now() - started;
    assert.match(response, /^HTTP\/1\.1 408 /);
    assert.match(response, /"code":"request-timeout"/);
    assert.match(response, /\r\nconnection: close\r\n/i);
    assert.ok(closedBeforeUs, 'the server hung up');
    // Not a timing target: proof it was our deadline (1 s) and not Node's requestTimeout (300 s) that acted.
    assert.ok(tookMs >= BODY_TIMEOUT_MS && tookMs < 60_000, `answered after ${Math.round(tookMs)} ms`);
    assert.equal(rig.simulator.listCompanies().length, 0);
  });

  it('an endless chunked upload: 413 after about maxBodyBytes, while the client is still sending', async () => {
    let sent = 0;
    let answered = false;
    const LIMIT = 64 * 1024 * 1024;
    const chunk = `${(4096).toString(16)}\r\n${' '.repeat(4096)}\r\n`;
    let serverRead = Number.NaN;
    rig.server.once('connection', (socket: Socket) => {
      socket.once('close', () => {
        serverRead = socket.bytesRead;
      });
    });
    const { response } = await rawExchange((socket) => {
      socket.once('data', () => {
        answered = true;
      });
      socket.write(head('Transfer-Encoding: chunked\r\n'));
      // Write one chunk after another (as fast as the socket takes them) until the server answers.
      const pump = (): void => {
        while (!answered && !socket.destroyed && sent < LIMIT) {
          sent += 4096;
          if (!socket.write(chunk)) {
            socket.once('drain', pump);
            return;
          }
        }
      };
      pump();
    });
    assert.match(response, /^HTTP\/1\.1 413 /);
    await new Promise<void>((resolve) => setImmediate(resolve)); // the server's side of the socket closes too
    console.log(`the client had written ${sent} bytes of 64 MiB; the server read ${serverRead}`);
    assert.ok(serverRead < 2 * 1024 * 1024, `the server read ${serverRead} bytes`);
    assert.ok(sent < LIMIT, 'the client was stopped long before the end of its upload');
    assert.ok(answered, 'the answer came while the upload was still going');
  });

  it('handed a 64 MiB stream, the handler pulls at most maxBodyBytes (+1 chunk) and cancels the rest', async () => {
    const handler = createOnboardHandler({
      apiKey: API_KEY,
      platformUrl: 'http://127.0.0.1:9',
      authorize: 'allow-everyone',
      log: () => {},
    });
    let pulled = 0;
    let cancelled = false;
    const CHUNK = 1024;
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          if (pulled >= 64 * 1024 * 1024) return controller.close();
          pulled += CHUNK;
          controller.enqueue(new Uint8Array(CHUNK).fill(0x20));
        },
        cancel() {
          cancelled = true;
        },
      },
      { highWaterMark: 0 },
    );
    const request = new Request('http://127.0.0.1/companies', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    const response = await handler(request);
    assert.equal(response.status, 413);
    assert.equal(((await response.json()) as { code: string }).code, 'payload-too-large');
    assert.ok(pulled <= MAX + CHUNK, `pulled ${pulled} bytes`);
    assert.ok(cancelled, 'the rest of the upload was cancelled');
  });
});

describe('attack: the API key never leaves the server, across the whole fault matrix', () => {
  let rig: Rig;
  before(async () => {
    rig = await startRig({
      apiKey: API_KEY,
      handler: {
        timeoutMs: 400,
        authorize: ({ request }) => {
          const who = request.headers.get('x-user');
          if (who === 'crash') throw new Error(`session store down for key ${API_KEY}`);
          return who !== 'stranger';
        },
      },
      simulator: { delay: (ms, signal) => shortDelay(ms, signal) },
    });
  });
  after(() => rig.close());

  /** Latency faults are capped at 1 s and end when the request is aborted: no timer outlives a test. */
  function shortDelay(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, Math.min(ms, 1000));
      signal.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  it('bodies, headers, log lines and client errors, over success and every failure path', async () => {
    const faults = rig.simulator.faults;
    const create = (name: string, key?: string, headers: Record<string, string> = {}) =>
      rig.call(
        '/companies',
        postJson({ name }, { ...(key !== undefined && { 'idempotency-key': key }), ...headers }),
      );
    const clientErrors: string[] = [];
    const widget = createFetchBackend({ baseUrl: `${rig.url}/api`, retries: 0 });
    const viaWidget = async (run: () => Promise<unknown>): Promise<void> => {
      await run().catch((error: unknown) => {
        clientErrors.push(
          error instanceof Error ? `${error.name} ${error.message} ${JSON.stringify(error)}` : '?',
        );
      });
    };

    // Success paths: create (with and without a key), replay, link, read, data status, refresh.
    const ok = await create('Sweep Ltd', 'sweep-key-0123456789abcdef');
    assert.equal(ok.status, 200);
    const id = String(ok.json?.['id']);
    assert.equal((await create('Sweep Ltd', 'sweep-key-0123456789abcdef')).status, 200);
    assert.equal((await create('Sweep Two Ltd')).status, 200);
    await linkInBrowser(String(ok.json?.['redirect']));
    for (const path of [`/companies/${id}`, `/companies/${id}/data-status`]) {
      assert.equal((await rig.call(path)).status, 200);
    }
    assert.equal((await rig.call(`/companies/${id}/refresh`, postJson({}))).status, 204);

    // Caller errors: validation, media type, size, route, method, key misuse, authorization.
    const expected: [number, Promise<Exchange>][] = [
      [400, create('<b>Bad</b>')],
      [400, create('Acme', 'short')],
      [422, create('Other Name', 'sweep-key-0123456789abcdef')],
      [415, rig.call('/companies', { method: 'POST', body: 'name=x' })],
      [
        400,
        rig.call('/companies', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{',
        }),
      ],
      [413, rig.call('/companies', postJson({ name: 'Acme', description: 'd'.repeat(20_000) }))],
      [404, rig.call('/nowhere')],
      [405, rig.call('/companies')],
      [400, rig.call('/companies/not-a-uuid')],
      [404, rig.call(`/companies/${NO_SUCH_COMPANY}`)],
      [403, rig.call(`/companies/${id}`, { headers: { 'x-user': 'stranger' } })],
      [500, rig.call(`/companies/${id}`, { headers: { 'x-user': 'crash' } })],
    ];
    for (const [status, answer] of expected) assert.equal((await answer).status, status);

    // Platform failures, each injected once on the call that follows.
    const platformFailures: [number, () => void, () => Promise<Exchange>][] = [
      [
        502,
        () => faults.inject({ path: '/companies/*', kind: 'status', status: 500 }),
        () => rig.call(`/companies/${id}`),
      ],
      [
        429,
        () =>
          faults.inject({
            path: '/companies/*/dataStatus',
            kind: 'status',
            status: 429,
            retryAfterSeconds: 1,
          }),
        () => rig.call(`/companies/${id}/data-status`),
      ],
      [
        502,
        () => faults.inject({ path: '/companies/*', kind: 'status', status: 401 }),
        () => rig.call(`/companies/${id}`),
      ],
      [
        400,
        () => faults.inject({ method: 'POST', path: '/companies', kind: 'status', status: 400 }),
        () => create('Rejected Ltd'),
      ],
      [
        502,
        () => faults.inject({ path: '/companies/*', kind: 'drop-before' }),
        () => rig.call(`/companies/${id}`),
      ],
      [
        502,
        () => faults.inject({ method: 'POST', path: '/companies', kind: 'drop-after' }),
        () => create('Dropped Ltd', 'dropped-key-0123456789abcd'),
      ],
      [200, () => undefined, () => create('Dropped Ltd', 'dropped-key-0123456789abcd')],
      [
        504,
        () => faults.inject({ path: '/companies/*', kind: 'latency', latencyMs: 5000 }),
        () => rig.call(`/companies/${id}`),
      ],
      [
        502,
        () => faults.inject({ path: '/companies/*', kind: 'status', status: 200, body: 'not json' }),
        () => rig.call(`/companies/${id}`),
      ],
      [
        503,
        () =>
          faults.inject({
            path: '/companies/*',
            kind: 'status',
            status: 503,
            body: { error: `echo ${API_KEY} Basic ${Buffer.from(API_KEY).toString('base64')}` },
          }),
        () => rig.call(`/companies/${id}`),
      ],
    ];
    for (const [status, inject, request] of platformFailures) {
      inject();
      assert.equal((await request()).status, status);
    }

    // A key still in flight on another instance sharing the store: 409 with Retry-After.
    const store = createMemoryIdempotencyStore();
    const shared = {
      apiKey: API_KEY,
      platformUrl: rig.platformUrl,
      idempotencyStore: store,
      authorize: 'allow-everyone' as const,
      log: (line: string) => rig.logs.push(line),
    };
    const first = await serve(createOnboardHandler(shared));
    const second = await serve(createOnboardHandler(shared));
    try {
      faults.inject({ method: 'POST', path: '/companies', kind: 'latency', latencyMs: 300 });
      const key = 'inflight-key-0123456789abc';
      const slow = fetch(
        `${first.url}/companies`,
        postJson({ name: 'Slow Ltd' }, { 'idempotency-key': key }),
      );
      let conflict: Response | undefined;
      for (let i = 0; i < 200 && conflict?.status !== 409; i += 1) {
        conflict = await fetch(
          `${second.url}/companies`,
          postJson({ name: 'Slow Ltd' }, { 'idempotency-key': key }),
        );
        const text = await conflict.text();
        rig.exchanges.push({ status: conflict.status, headers: [...conflict.headers], body: text });
        if (conflict.status === 409) break;
      }
      assert.equal(conflict?.status, 409);
      const done = await slow;
      rig.exchanges.push({ status: done.status, headers: [...done.headers], body: await done.text() });
    } finally {
      await first.close();
      await second.close();
    }

    // The widget's adapter over failures: its errors carry nothing secret either.
    faults.inject({ path: '/companies/*', kind: 'status', status: 500, times: 1 });
    await viaWidget(() => widget.getCompany(id));
    await viaWidget(() =>
      widget.createCompany({ name: '<i>x</i>' }, { idempotencyKey: 'widget-key-0123456789abc' }),
    );
    await viaWidget(() => widget.getDataStatus(NO_SUCH_COMPANY));
    assert.equal(clientErrors.length, 3);

    const seen = [
      ...rig.exchanges.map(
        (e) => `${e.status}\n${e.headers.map(([n, v]) => `${n}: ${v}`).join('\n')}\n${e.body}`,
      ),
      ...rig.logs,
      ...clientErrors,
    ];
    assert.ok(rig.exchanges.length >= 30, `${rig.exchanges.length} answers swept`);
    assert.ok(rig.logs.length >= 8, `${rig.logs.length} log lines swept`);
    for (const secret of secretForms(API_KEY)) {
      const found = seen.find((text) => text.includes(secret));
      assert.equal(found, undefined, `found ${secret} in:\n${found}`);
    }
    assert.ok(
      rig.logs.some((line) => line.includes('[redacted]')),
      'the echoing platform and the throwing hook were redacted, not silent',
    );
  });
});
