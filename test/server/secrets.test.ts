import assert from 'node:assert/strict';
import { createOnboardHandler } from '../../src/server/index.ts';
import { API_KEY, listen, postJson, SECRET_FORMS, startBackend, type TestBackend } from './harness.ts';

const COMPANY_ID = '7f1b4a57-3c9e-4a55-9d0e-4a1c2b3d4e5f';

function assertNoSecrets(backend: TestBackend): void {
  const everything = [...backend.bodies, ...backend.logs].join('\n');
  for (const secret of [...SECRET_FORMS, `Basic ${SECRET_FORMS[1]}`]) {
    assert.ok(!everything.includes(secret), `found ${secret} in:\n${everything}`);
  }
}

describe('the API key never leaves the server', () => {
  it('in any answer or log line across success and every kind of failure', async () => {
    const backend = await startBackend();
    try {
      const company = await backend.createCompany();
      await backend.call(`/companies/${company.id}`);
      await backend.call(`/companies/${company.id}/data-status`);
      await backend.call(`/companies/${company.id}/refresh`, postJson({}));
      await backend.call(`/companies/${COMPANY_ID}`);
      await backend.call('/companies', postJson({ name: 'Bad (name)' }));
      await backend.call('/companies', { method: 'POST', body: 'x' });
      await backend.call('/nowhere');
      assert.ok(backend.bodies.length >= 8);
      assertNoSecrets(backend);
    } finally {
      await backend.close();
    }
  });

  it('even when the platform echoes the Authorization header back', async () => {
    // A misbehaving proxy or platform that quotes our credentials in its error messages.
    const echo = await listen((request) => {
      const header = request.headers.get('authorization') ?? '';
      const quote = `got ${header} for key ${Buffer.from(header.slice(6), 'base64').toString()}`;
      const status = request.method === 'POST' ? 400 : 500;
      const validation = {
        errors: [{ itemId: 'name', message: quote, validatorName: 'Echo' }],
        warnings: [],
      };
      return Promise.resolve(
        Response.json({ statusCode: status, error: quote, correlationId: 'c', validation }, { status }),
      );
    });
    const backend = await startBackend({ handler: { platformUrl: echo.url } });
    try {
      const rejected = await backend.call('/companies', postJson({ name: 'Acme' }));
      assert.equal(rejected.status, 400);
      assert.equal(rejected.body?.['error'], 'got Basic [redacted] for key [redacted]');
      await backend.call(`/companies/${COMPANY_ID}`);
      assert.ok(
        backend.logs.some((line) => line.includes('[redacted]')),
        backend.logs.join('\n'),
      );
      assertNoSecrets(backend);
    } finally {
      await backend.close();
      await echo.close();
    }
  });
});

describe('creating the handler', () => {
  it('without an API key throws a clear error', () => {
    const saved = process.env['CODAT_API_KEY'];
    delete process.env['CODAT_API_KEY'];
    try {
      assert.throws(
        () => createOnboardHandler({ authorize: 'allow-everyone' }),
        /no Codat API key.*CODAT_API_KEY/,
      );
    } finally {
      if (saved !== undefined) process.env['CODAT_API_KEY'] = saved;
    }
  });

  it('reads CODAT_API_KEY and CODAT_BASE_URL from the environment by default', async () => {
    const backend = await startBackend();
    const saved = { key: process.env['CODAT_API_KEY'], url: process.env['CODAT_BASE_URL'] };
    process.env['CODAT_API_KEY'] = API_KEY;
    process.env['CODAT_BASE_URL'] = backend.platform.url;
    const server = await listen(createOnboardHandler({ authorize: 'allow-everyone' }));
    try {
      const response = await fetch(`${server.url}/companies`, postJson({ name: 'From Env Ltd' }));
      assert.equal(response.status, 200);
      assert.equal(backend.platform.simulator.listCompanies()[0]?.name, 'From Env Ltd');
    } finally {
      for (const [name, value] of [
        ['CODAT_API_KEY', saved.key],
        ['CODAT_BASE_URL', saved.url],
      ] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      await server.close();
      await backend.close();
    }
  });
});
