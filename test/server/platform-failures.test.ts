import assert from 'node:assert/strict';
import { codatJson, deadUrl, postJson, startBackend, withFakePlatform, type Respond } from './harness.ts';

const COMPANY_ID = '7f1b4a57-3c9e-4a55-9d0e-4a1c2b3d4e5f';

describe('platform failures become clear JSON errors', () => {
  it('platform down → 502 platform-unreachable', async () => {
    const backend = await startBackend({ handler: { platformUrl: await deadUrl() } });
    try {
      const response = await backend.call('/companies', postJson({ name: 'Acme' }));
      assert.equal(response.status, 502);
      assert.deepEqual(response.body, {
        error: 'The accounting platform could not be reached. Try again.',
        code: 'platform-unreachable',
      });
      assert.match(backend.logs[0] ?? '', /platform call createCompany failed: ConnectionError/);
    } finally {
      await backend.close();
    }
  });

  it('platform too slow → 504 platform-timeout after timeoutMs', async () => {
    const never: Respond = () => new Promise<Response>(() => {});
    await withFakePlatform(
      never,
      async (backend) => {
        const response = await backend.call(`/companies/${COMPANY_ID}`);
        assert.equal(response.status, 504);
        assert.equal(response.body?.['code'], 'platform-timeout');
      },
      { timeoutMs: 20 },
    );
  });

  it('our API key refused by the simulator → 502 platform-auth', async () => {
    const backend = await startBackend({ handler: { apiKey: 'wrong-key-that-must-not-leak' } });
    try {
      const response = await backend.call('/companies', postJson({ name: 'Acme' }));
      assert.equal(response.status, 502);
      const { correlationId, ...rest } = response.body as Record<string, unknown>;
      assert.deepEqual(rest, {
        error: "The server's platform credentials were refused.",
        code: 'platform-auth',
      });
      assert.match(String(correlationId), /^[0-9a-f-]{36}$/);
      assert.match(backend.logs[0] ?? '', /HTTP 401 ErrorMessage correlationId=[0-9a-f-]{36}/);
      const everything = [...backend.bodies, ...backend.logs].join('\n');
      assert.ok(!everything.includes('wrong-key-that-must-not-leak'));
      assert.ok(!everything.includes(Buffer.from('wrong-key-that-must-not-leak').toString('base64')));
    } finally {
      await backend.close();
    }
  });

  it('403 from the platform → 502 platform-auth too (it is our credentials, not the caller)', async () => {
    await withFakePlatform(
      () => codatJson(403, 'Forbidden'),
      async (backend) => {
        const response = await backend.call(`/companies/${COMPANY_ID}/data-status`);
        assert.equal(response.status, 502);
        assert.equal(response.body?.['code'], 'platform-auth');
      },
    );
  });

  it('429 → 429 rate-limited, passing Retry-After on', async () => {
    await withFakePlatform(
      () => codatJson(429, 'Too many requests', {}, { 'retry-after': '7' }),
      async (backend) => {
        const response = await backend.call(`/companies/${COMPANY_ID}/refresh`, postJson({}));
        assert.equal(response.status, 429);
        assert.equal(response.headers.get('retry-after'), '7');
        assert.equal(response.body?.['code'], 'rate-limited');
      },
    );
  });

  it('402 → 402 account-limit: not the user’s fault, no retry, and the log tells the integrator what to do', async () => {
    await withFakePlatform(
      () => codatJson(402, 'Payment Required'),
      async (backend) => {
        const response = await backend.call('/companies', postJson({ name: 'Acme' }));
        assert.equal(response.status, 402);
        assert.deepEqual(response.body, {
          error:
            'We cannot connect your accounts right now because of a problem on our side, not yours. ' +
            'Trying again will not help: please contact us.',
          code: 'account-limit',
          correlationId: 'corr-123',
        });
        assert.equal(response.headers.get('retry-after'), null);
        const [line] = backend.logs;
        assert.match(line ?? '', /createCompany failed: HTTP 402 ErrorMessage correlationId=corr-123 /);
        assert.match(line ?? '', /free plan's company limit is reached or the account has expired/);
        assert.match(line ?? '', /Upgrade the plan or contact Codat; retrying will not help/);
      },
    );
  });

  it('409 → 409 conflict', async () => {
    await withFakePlatform(
      () => codatJson(409, 'Conflict'),
      async (backend) => {
        const response = await backend.call(`/companies/${COMPANY_ID}/refresh`, postJson({}));
        assert.equal(response.status, 409);
        assert.equal(response.body?.['code'], 'conflict');
        assert.equal(response.body?.['correlationId'], 'corr-123');
      },
    );
  });

  it('503 → 503 platform-unavailable, passing Retry-After on when there is one', async () => {
    await withFakePlatform(
      () => codatJson(503, 'Service Unavailable', {}, { 'retry-after': '12' }),
      async (backend) => {
        const response = await backend.call(`/companies/${COMPANY_ID}`);
        assert.equal(response.status, 503);
        assert.equal(response.headers.get('retry-after'), '12');
        assert.deepEqual(response.body, {
          error: 'The accounting platform is unavailable for now. Try again shortly.',
          code: 'platform-unavailable',
          correlationId: 'corr-123',
        });
      },
    );
    await withFakePlatform(
      () => new Response('Service Unavailable', { status: 503 }),
      async (backend) => {
        const response = await backend.call(`/companies/${COMPANY_ID}/data-status`);
        assert.equal(response.status, 503);
        assert.equal(response.headers.get('retry-after'), null);
        assert.equal(response.body?.['code'], 'platform-unavailable');
      },
    );
  });

  for (const status of [500, 502]) {
    it(`${status} → 502 platform-error`, async () => {
      await withFakePlatform(
        () => codatJson(status, 'Boom'),
        async (backend) => {
          const response = await backend.call(`/companies/${COMPANY_ID}`);
          assert.equal(response.status, 502);
          assert.equal(response.body?.['code'], 'platform-error');
          assert.match(backend.logs[0] ?? '', new RegExp(`getCompany failed: HTTP ${status}`));
        },
      );
    });
  }

  it("400 → 400 platform-rejected with the platform's validation message", async () => {
    const validation = {
      errors: [{ itemId: 'name', message: 'Name is not allowed.', validatorName: 'V' }],
      warnings: [],
    };
    await withFakePlatform(
      () => codatJson(400, 'Bad request', { validation }),
      async (backend) => {
        const response = await backend.call('/companies', postJson({ name: 'Acme' }));
        assert.equal(response.status, 400);
        assert.deepEqual(response.body, {
          error: 'Name is not allowed.',
          code: 'platform-rejected',
          correlationId: 'corr-123',
        });
      },
    );
  });

  it('a 200 the SDK cannot read → 502 platform-bad-response', async () => {
    const bodies: Respond[] = [
      () => Response.json({ id: 42 }),
      () => new Response('{not json', { headers: { 'content-type': 'application/json' } }),
      () => new Response('<html>proxy login</html>', { headers: { 'content-type': 'text/html' } }),
    ];
    for (const respond of bodies) {
      await withFakePlatform(respond, async (backend) => {
        const response = await backend.call(`/companies/${COMPANY_ID}`);
        assert.equal(response.status, 502);
        assert.equal(response.body?.['code'], 'platform-bad-response');
      });
    }
  });
});

describe('data-status fallback when the SDK is stricter than the platform', () => {
  it('a type that never synced ({dataType} only) is passed on instead of failing', async () => {
    const backend = await startBackend({
      simulator: { dataTypes: ['invoices'], neverSyncedTypes: ['banking-accounts'] },
    });
    try {
      const company = await backend.createCompany();
      await backend.platform.submitLink(company.redirect, { platform: 'gbol', action: 'authorise' });
      const response = await backend.call(`/companies/${company.id}/data-status`);
      assert.equal(response.status, 200);
      assert.deepEqual(response.body?.['banking-accounts'], { dataType: 'banking-accounts' });
      assert.equal((response.body?.['invoices'] as { currentStatus: string }).currentStatus, 'Queued');
    } finally {
      await backend.close();
    }
  });

  it('a currentStatus newer than the SDK is passed on as sent', async () => {
    const future = { invoices: { dataType: 'invoices', currentStatus: 'SomethingNew', latestSyncId: 's1' } };
    await withFakePlatform(
      () => Response.json(future),
      async (backend) => {
        const response = await backend.call(`/companies/${COMPANY_ID}/data-status`);
        assert.equal(response.status, 200);
        assert.deepEqual(response.body, future);
      },
    );
  });

  it('a data status that is not an object is still a bad response', async () => {
    await withFakePlatform(
      () => Response.json(['invoices']),
      async (backend) => {
        const response = await backend.call(`/companies/${COMPANY_ID}/data-status`);
        assert.equal(response.status, 502);
        assert.equal(response.body?.['code'], 'platform-bad-response');
      },
    );
  });
});
