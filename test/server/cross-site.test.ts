/**
 * The reference handler refuses writes a page of another origin sent (the headers a browser adds are set by
 * hand here; test/e2e/cross-site.test.ts sends them from Chromium), before `authorize` and the platform.
 */
import assert from 'node:assert/strict';
import { createOnboardHandler } from '../../src/server/index.ts';
import { postJson, startBackend, type TestBackend } from './harness.ts';

const CROSS_SITE = {
  error: 'This request came from a page of another site, which may not change anything here.',
  code: 'cross-site-request',
};

describe('cross-site writes', () => {
  let backend: TestBackend;
  let companyId: string;
  const asked: string[] = [];
  before(async () => {
    backend = await startBackend({
      handler: {
        allowedOrigins: ['https://app.example.com'],
        authorize: ({ action }) => {
          asked.push(action);
          return true;
        },
      },
    });
    companyId = (await backend.createCompany()).id;
  });
  after(() => backend.close());
  beforeEach(() => {
    asked.length = 0;
  });

  const own = (): string => backend.url;
  /** The JSON writes (`POST`); `DELETE /companies/{id}` is the other write. */
  const writes = (): string[] => [
    '/companies',
    `/companies/${companyId}/refresh`,
    `/companies/${companyId}/refresh/invoices`,
    `/companies/${companyId}/connections/2e9d6b3c-4a5f-4c7d-9e1f-3a4b5c6d7e8f/disconnect`,
  ];
  const companies = (): number => backend.platform.simulator.listCompanies().length;

  it('refuses what a page of another site, another port or an opaque origin sends: 403, authorize and platform never asked', async () => {
    const port = Number(new URL(own()).port);
    const forged: Record<string, string>[] = [
      { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' },
      { 'sec-fetch-site': 'same-site', origin: `http://127.0.0.1:${port + 1}` },
      { 'sec-fetch-site': 'none' },
      // Browsers without Sec-Fetch-Site still send Origin with every POST.
      { origin: 'https://evil.example' },
      { origin: `http://127.0.0.1:${port + 1}` },
      { origin: 'null' },
    ];
    const before = companies();
    for (const headers of forged) {
      for (const path of writes()) {
        const answer = await backend.call(path, postJson({ name: 'Forged Ltd' }, headers));
        assert.equal(answer.status, 403, `${path} ${JSON.stringify(headers)}`);
        assert.deepEqual(answer.body, CROSS_SITE);
      }
      const deletion = await backend.call(`/companies/${companyId}`, { method: 'DELETE', headers });
      assert.deepEqual(
        [deletion.status, deletion.body],
        [403, CROSS_SITE],
        `DELETE ${JSON.stringify(headers)}`,
      );
    }
    assert.deepEqual(asked, [], 'refused before authorize');
    assert.equal(companies(), before, 'nothing created or deleted');
  });

  it('takes writes from its own origin, from allowedOrigins, and from no browser page at all', async () => {
    const allowed: Record<string, string>[] = [
      { 'sec-fetch-site': 'same-origin', origin: own() },
      // The browser's word counts over a Host a proxy rewrote.
      { 'sec-fetch-site': 'same-origin', origin: 'https://public.example' },
      { origin: own() },
      { 'sec-fetch-site': 'cross-site', origin: 'https://app.example.com' },
      {},
    ];
    for (const headers of allowed) {
      const refresh = await backend.call(`/companies/${companyId}/refresh`, postJson({}, headers));
      assert.equal(refresh.status, 204, JSON.stringify(headers));
    }
    assert.equal(asked.length, allowed.length);
  });

  it('takes writes only as JSON, which no page of another site can send unasked', async () => {
    const before = companies();
    for (const path of writes()) {
      for (const type of [
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
      ]) {
        const answer = await backend.call(path, {
          method: 'POST',
          headers: { 'content-type': type },
          body: '{"name":"Forged Ltd"}',
        });
        assert.equal(answer.status, 415, `${path} ${type}`);
        assert.equal(answer.body?.['code'], 'unsupported-media-type');
      }
      const bare = await backend.call(path, { method: 'POST' });
      assert.equal(bare.status, 415, `${path} without a body`);
    }
    assert.equal(companies(), before, 'nothing created');
  });

  it('reads stay open to any page: a browser shows another site nothing without CORS', async () => {
    const read = await backend.call(`/companies/${companyId}`, {
      headers: { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' },
    });
    assert.equal(read.status, 200);
    assert.equal(read.headers.get('access-control-allow-origin'), null);
  });

  it('an allowedOrigins entry that is not an origin stops the handler from starting', () => {
    for (const entry of [
      'app.example.com',
      'https://app.example.com/path',
      'ftp://app.example.com',
      'null',
      '*',
    ]) {
      assert.throws(
        () => createOnboardHandler({ apiKey: 'k', authorize: 'allow-everyone', allowedOrigins: [entry] }),
        /allowedOrigins: .* is not an origin; write it as scheme:\/\/host\[:port\]/,
        entry,
      );
    }
    assert.doesNotThrow(() =>
      createOnboardHandler({
        apiKey: 'k',
        authorize: 'allow-everyone',
        allowedOrigins: ['https://app.example.com/'],
      }),
    );
  });
});

describe('authorize fails closed', () => {
  it('without an authorize hook the handler refuses to start, naming the option and the opt-in', () => {
    assert.throws(
      // A JavaScript caller, or a cast, can leave it out: the type alone does not protect them.
      () => createOnboardHandler({ apiKey: 'k' } as Parameters<typeof createOnboardHandler>[0]),
      (error: unknown) =>
        error instanceof Error &&
        /no `authorize` hook/.test(error.message) &&
        error.message.includes("authorize: 'allow-everyone'"),
    );
    for (const junk of [true, 'allow', 'everyone', null]) {
      assert.throws(
        () =>
          createOnboardHandler({ apiKey: 'k', authorize: junk } as unknown as Parameters<
            typeof createOnboardHandler
          >[0]),
        /no `authorize` hook/,
        String(junk),
      );
    }
  });

  it("'allow-everyone', said in so many words, lets every caller do everything", async () => {
    const backend = await startBackend({ handler: { authorize: 'allow-everyone' } });
    try {
      const { id } = await backend.createCompany();
      assert.equal((await backend.call(`/companies/${id}`)).status, 200);
      assert.equal((await backend.call(`/companies/${id}/refresh`, postJson({}))).status, 204);
    } finally {
      await backend.close();
    }
  });
});
