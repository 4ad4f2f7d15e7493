import assert from 'node:assert/strict';
import { postJson, SECRET_FORMS, startBackend } from './harness.ts';

describe('the authorize hook', () => {
  it('denying answers 403 forbidden on every route and never reaches the platform', async () => {
    const backend = await startBackend({ handler: { authorize: () => false } });
    try {
      const company = await backend.platform.createCompany({ name: 'Someone Else Ltd' });
      const calls = [
        backend.call('/companies', postJson({ name: 'Mine Ltd' })),
        backend.call(`/companies/${company.id}`),
        backend.call(`/companies/${company.id}/data-status`),
        backend.call(`/companies/${company.id}/refresh`, postJson({})),
        backend.call(`/companies/${company.id}/refresh/invoices`, postJson({})),
        backend.call(`/companies/${company.id}/sync-history`),
        backend.call(
          `/companies/${company.id}/connections/2e9d6b3c-4a5f-4c7d-9e1f-3a4b5c6d7e8f/disconnect`,
          postJson({}),
        ),
        backend.call(`/companies/${company.id}`, { method: 'DELETE' }),
      ];
      for (const response of await Promise.all(calls)) {
        assert.equal(response.status, 403);
        assert.deepEqual(response.body, { error: 'You are not allowed to do this.', code: 'forbidden' });
      }
      assert.deepEqual(
        backend.platform.simulator.listCompanies().map((c) => c.name),
        ['Someone Else Ltd'],
        'nothing created',
      );
      const everything = backend.bodies.join('\n');
      assert.ok(
        !everything.includes(company.id) && !everything.includes('Someone Else'),
        'nothing about the company leaked',
      );
      assert.deepEqual(backend.logs, []);
    } finally {
      await backend.close();
    }
  });

  it('is asked before the body is read, with the request itself', async () => {
    const seen: string[] = [];
    const backend = await startBackend({
      handler: {
        authorize: ({ request, action }) => {
          seen.push(
            `${action} ${request.method} ${new URL(request.url).pathname} ${request.headers.get('x-user') ?? ''}`,
          );
          // Answer asynchronously, as a session lookup would.
          return Promise.resolve(request.headers.get('x-user') === 'owner');
        },
      },
    });
    try {
      // A malformed body from a stranger gets 403, not a validation error.
      const stranger = await backend.call('/companies', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-user': 'stranger' },
        body: '{',
      });
      assert.equal(stranger.status, 403);
      const owner = await backend.call('/companies', postJson({ name: 'Owned Ltd' }, { 'x-user': 'owner' }));
      assert.equal(owner.status, 200);
      assert.deepEqual(seen, ['create POST /api/companies stranger', 'create POST /api/companies owner']);
    } finally {
      await backend.close();
    }
  });

  it('a hook that throws gives 500 internal-error, logged without secrets', async () => {
    const backend = await startBackend({
      handler: {
        authorize: () => {
          throw new Error('session store down');
        },
      },
    });
    try {
      const response = await backend.call('/companies', postJson({ name: 'Acme' }));
      assert.equal(response.status, 500);
      assert.deepEqual(response.body, {
        error: 'Something went wrong on the server.',
        code: 'internal-error',
      });
      assert.equal(backend.logs.length, 1);
      assert.match(backend.logs[0] ?? '', /session store down/);
      for (const secret of SECRET_FORMS) assert.ok(!backend.logs[0]?.includes(secret));
    } finally {
      await backend.close();
    }
  });
});

describe('the authorize hook and replayed Idempotency-Keys', () => {
  it('hands a replayed company only to a caller who may read it, and asks about that very company', async () => {
    const asked: string[] = [];
    const backend = await startBackend({
      handler: {
        authorize: ({ request, action, companyId }) => {
          asked.push(`${action} ${companyId ?? '-'} ${request.headers.get('x-user') ?? ''}`);
          return action === 'create' || request.headers.get('x-user') === 'owner';
        },
      },
    });
    try {
      const key = 'replay-key-0123456789';
      const first = await backend.call(
        '/companies',
        postJson({ name: 'Owned Ltd' }, { 'idempotency-key': key, 'x-user': 'owner' }),
      );
      assert.equal(first.status, 200);
      const companyId = String(first.body?.['id']);
      const stranger = await backend.call(
        '/companies',
        postJson({ name: 'Owned Ltd' }, { 'idempotency-key': key, 'x-user': 'stranger' }),
      );
      assert.equal(stranger.status, 403);
      assert.deepEqual(stranger.body, { error: 'You are not allowed to do this.', code: 'forbidden' });
      const owner = await backend.call(
        '/companies',
        postJson({ name: 'Owned Ltd' }, { 'idempotency-key': key, 'x-user': 'owner' }),
      );
      assert.equal(owner.status, 200);
      assert.equal(owner.body?.['id'], companyId);
      assert.deepEqual(asked, [
        `create - owner`,
        `create - stranger`,
        `read ${companyId} stranger`,
        `create - owner`,
        `read ${companyId} owner`,
      ]);
    } finally {
      await backend.close();
    }
  });
});
