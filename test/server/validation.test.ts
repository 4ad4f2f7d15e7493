import assert from 'node:assert/strict';
import { postJson, startBackend, type TestBackend } from './harness.ts';

describe('reference backend input validation', () => {
  let backend: TestBackend;
  before(async () => {
    backend = await startBackend({ handler: { maxBodyBytes: 4096 } });
  });
  after(() => backend.close());

  /** Asserts a 4xx error body and that nothing reached the platform. */
  async function refused(
    response: Promise<{ status: number; body: Record<string, unknown> | null; headers: Headers }>,
    expected: { status: number; code: string; field?: string; error?: string | RegExp },
  ): Promise<void> {
    const { status, body } = await response;
    assert.equal(status, expected.status, JSON.stringify(body));
    assert.equal(body?.['code'], expected.code);
    assert.equal(body?.['field'], expected.field);
    assert.equal(typeof body?.['error'], 'string');
    if (typeof expected.error === 'string') assert.equal(body?.['error'], expected.error);
    if (expected.error instanceof RegExp) assert.match(String(body?.['error']), expected.error);
    assert.deepEqual(backend.platform.simulator.listCompanies(), [], 'nothing was created');
  }

  describe('company name', () => {
    it('is required', async () => {
      await refused(backend.call('/companies', postJson({})), {
        status: 400,
        code: 'invalid-name',
        field: 'name',
        error: 'Enter your company name.',
      });
      await refused(backend.call('/companies', postJson({ name: '   ' })), {
        status: 400,
        code: 'invalid-name',
        field: 'name',
      });
      await refused(backend.call('/companies', postJson({ name: 7 })), {
        status: 400,
        code: 'invalid-name',
        field: 'name',
      });
    });

    it('refuses characters the platform would strip, naming them', async () => {
      await refused(backend.call('/companies', postJson({ name: 'Example Company (Codat[1])' })), {
        status: 400,
        code: 'invalid-name',
        field: 'name',
        error: "Company name cannot contain ( [ ] ). Use letters, numbers, spaces and - ' & @ . , ? !",
      });
    });

    it('refuses names over 100 characters', async () => {
      await refused(backend.call('/companies', postJson({ name: 'a'.repeat(101) })), {
        status: 400,
        code: 'invalid-name',
        field: 'name',
        error: /at most 100 characters \(it has 101\)/,
      });
    });
  });

  describe('description and tags', () => {
    it('description must be text of at most 1000 characters', async () => {
      await refused(backend.call('/companies', postJson({ name: 'Acme', description: 5 })), {
        status: 400,
        code: 'invalid-description',
        field: 'description',
      });
      await refused(backend.call('/companies', postJson({ name: 'Acme', description: 'd'.repeat(1001) })), {
        status: 400,
        code: 'invalid-description',
        field: 'description',
      });
    });

    for (const [label, tags] of [
      ['not an object', 'tag'],
      ['11 tags', Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, 'v']))],
      ['an empty key', { '': 'v' }],
      ['a 28-character key', { ['k'.repeat(28)]: 'v' }],
      ['a value that is not text', { key: true }],
      ['a 101-character value', { key: 'v'.repeat(101) }],
    ] as const) {
      it(`tags: refuses ${label}`, async () => {
        await refused(backend.call('/companies', postJson({ name: 'Acme', tags })), {
          status: 400,
          code: 'invalid-tags',
          field: 'tags',
        });
      });
    }
  });

  describe('request body', () => {
    it('must be JSON', async () => {
      const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":' };
      await refused(backend.call('/companies', init), { status: 400, code: 'invalid-json' });
    });

    it('must be a JSON object', async () => {
      await refused(backend.call('/companies', postJson(['Acme'])), { status: 400, code: 'invalid-body' });
    });

    it('must be sent as application/json (a cross-site form cannot)', async () => {
      const form = { method: 'POST', body: new URLSearchParams({ name: 'Acme' }) };
      await refused(backend.call('/companies', form), { status: 415, code: 'unsupported-media-type' });
    });

    it('over maxBodyBytes is refused with 413 from its Content-Length', async () => {
      await refused(backend.call('/companies', postJson({ name: 'Acme', description: 'd'.repeat(5000) })), {
        status: 413,
        code: 'payload-too-large',
      });
    });

    it('over maxBodyBytes is refused with 413 while streaming, without a Content-Length', async () => {
      const chunk = new TextEncoder().encode(' '.repeat(2100));
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(chunk);
          controller.enqueue(chunk);
          controller.close();
        },
      });
      const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body, duplex: 'half' };
      await refused(backend.call('/companies', init), { status: 413, code: 'payload-too-large' });
    });
  });

  describe('paths and methods', () => {
    it('a company id that is not a UUID is refused before any platform call', async () => {
      for (const path of [
        '/companies/123',
        '/companies/..%2F..%2Fsettings/data-status',
        '/companies/x/refresh',
      ]) {
        const method = path.endsWith('refresh') ? 'POST' : 'GET';
        await refused(backend.call(path, { method }), {
          status: 400,
          code: 'invalid-company-id',
          field: 'companyId',
        });
      }
    });

    it('an unknown path is a 404 not-found', async () => {
      await refused(backend.call('/nothing'), { status: 404, code: 'not-found' });
      await refused(backend.call('/companies/00000000-0000-4000-8000-000000000000/other'), {
        status: 404,
        code: 'not-found',
      });
      const outside = await fetch(`${backend.url}/companies`, postJson({ name: 'Acme' }));
      assert.equal(outside.status, 404);
    });

    for (const [method, path, allow] of [
      ['GET', '/companies', 'POST'],
      ['PUT', '/companies/00000000-0000-4000-8000-000000000000', 'GET, DELETE'],
      ['POST', '/companies/00000000-0000-4000-8000-000000000000/data-status', 'GET'],
      ['DELETE', '/companies/00000000-0000-4000-8000-000000000000/sync-history', 'GET'],
      ['GET', '/companies/00000000-0000-4000-8000-000000000000/refresh', 'POST'],
      [
        'GET',
        '/companies/00000000-0000-4000-8000-000000000000/connections/00000000-0000-4000-8000-000000000001/disconnect',
        'POST',
      ],
    ] as const) {
      it(`${method} ${path} is a 405 with Allow: ${allow}`, async () => {
        const response = await backend.call(path, { method });
        assert.equal(response.status, 405);
        assert.equal(response.headers.get('allow'), allow);
        assert.equal(response.body?.['code'], 'method-not-allowed');
      });
    }
  });
});
