/**
 * The fetch adapter against answers the real platform gives: queuing one data type, errors no retry can fix
 * (402, 409), a platform down for now (503 with Retry-After), and the spec's nullable fields.
 */
import { expect } from 'chai';
import { mock } from 'node:test';
import { HttpError } from '../../src/backend/index.ts';
import { backendWith, company, json, noContent, rejection } from './fake-fetch.ts';

/** The HttpError `promise` rejected with (anything else fails the test). */
async function httpRejection(promise: Promise<unknown>): Promise<HttpError> {
  const error = await rejection(promise);
  if (error instanceof HttpError) return error;
  throw error;
}

describe('createFetchBackend: queueDataType', () => {
  it('POSTs to /companies/{id}/refresh/{dataType}, both encoded, with the journey id', async () => {
    const { backend, requests } = backendWith([noContent(), noContent()]);
    await backend.queueDataType?.(company.id, 'banking-accounts', { journeyId: 'j1' });
    await backend.queueDataType?.('../x', 'a/b?c');
    expect(requests.map((r) => `${r.method} ${new URL(r.url).pathname}`)).to.deep.equal([
      `POST /onboard/companies/${company.id}/refresh/banking-accounts`,
      'POST /onboard/companies/..%2Fx/refresh/a%2Fb%3Fc',
    ]);
    expect(requests[0]?.headers.get('Onboard-Journey-Id')).to.equal('j1');
  });

  it('is retried like a refresh: after a drop, a 500 and a 503 with Retry-After', async () => {
    const { backend, requests } = backendWith(
      [new TypeError('drop'), json({}, 500), json({}, 503, { 'Retry-After': '0' }), noContent()],
      { retries: 3 },
    );
    await backend.queueDataType?.(company.id, 'invoices');
    expect(requests).to.have.length(4);
  });

  it('does not repeat a type the server refused, keeping its code and field', async () => {
    const body = {
      error: 'That is not a data type the platform knows.',
      code: 'invalid-data-type',
      field: 'dataType',
    };
    const { backend, requests } = backendWith([json(body, 400)]);
    const error = await httpRejection(backend.queueDataType?.(company.id, 'nope') ?? Promise.resolve());
    expect(error).to.include({ code: 'invalid-data-type', field: 'dataType', retryable: false });
    expect(requests).to.have.length(1);
  });
});

describe('createFetchBackend: errors retrying cannot fix, and a platform down for now', () => {
  it('402 is account-limit and never repeated, whether the body names it or not', async () => {
    const server = { error: 'Not your fault.', code: 'account-limit', correlationId: 'c-402' };
    const { backend, requests } = backendWith([
      json(server, 402),
      new Response('Payment Required', { status: 402 }),
    ]);
    const named = await httpRejection(backend.createCompany({ name: 'Acme' }, { idempotencyKey: 'k' }));
    expect(named).to.include({ code: 'account-limit', retryable: false, correlationId: 'c-402' });
    expect(named.params).to.deep.equal({ status: 402, serverText: 'Not your fault.' });
    const bare = await httpRejection(backend.createCompany({ name: 'Acme' }, { idempotencyKey: 'k' }));
    expect(bare).to.include({ code: 'account-limit', retryable: false });
    expect(requests).to.have.length(2);
  });

  it('409 is conflict and not repeated; our own 409 codes still win', async () => {
    const { backend, requests } = backendWith(
      [
        new Response('', { status: 409 }),
        // Past the longest Retry-After we wait within a call: handed back at once.
        json({ error: 'Still working.', code: 'idempotency-key-in-flight' }, 409, { 'Retry-After': '31' }),
      ],
      { retries: 0 },
    );
    expect(await httpRejection(backend.getCompany(company.id))).to.include({
      code: 'conflict',
      retryable: false,
    });
    const ours = await httpRejection(backend.createCompany({ name: 'A' }, { idempotencyKey: 'k' }));
    expect(ours).to.include({ code: 'idempotency-key-in-flight', retryable: true, retryAfterMs: 31_000 });
    expect(requests).to.have.length(2);
  });

  it('a create still running elsewhere (409 idempotency-key-in-flight) is asked again after its Retry-After', async () => {
    const { backend, requests } = backendWith([
      json({ error: 'Still working.', code: 'idempotency-key-in-flight' }, 409, { 'Retry-After': '0' }),
      json(company),
    ]);
    const created = await backend.createCompany({ name: 'A' }, { idempotencyKey: 'key-1' });
    expect(created.id).to.equal(company.id);
    expect(requests).to.have.length(2);
    expect(requests.map((request) => request.headers.get('idempotency-key'))).to.deep.equal([
      'key-1',
      'key-1',
    ]);
  });

  it('a key in flight on a server that died is waited for beyond the retries, until the server may take it over (20 s)', async () => {
    const busy = () =>
      json({ error: 'Still working.', code: 'idempotency-key-in-flight' }, 409, { 'Retry-After': '0' });
    const taken = backendWith([busy(), busy(), busy(), busy(), busy(), json(company)], { retries: 1 });
    const created = await taken.backend.createCompany({ name: 'A' }, { idempotencyKey: 'key-1' });
    expect(created.id).to.equal(company.id);
    expect(taken.requests).to.have.length(6, 'five 409s, then the company');

    // Each answer takes 6 s: past 20 s the 409 is handed back, after three waits where `retries` allows one.
    mock.timers.enable({ apis: ['Date'], now: Date.now() });
    try {
      const slowBusy = () => {
        mock.timers.tick(6000);
        return busy();
      };
      const stuck = backendWith(
        Array.from({ length: 10 }, () => slowBusy),
        { retries: 1 },
      );
      const error = await httpRejection(stuck.backend.createCompany({ name: 'A' }, { idempotencyKey: 'k' }));
      expect(error.code).to.equal('idempotency-key-in-flight');
      expect(stuck.requests).to.have.length(4);
    } finally {
      mock.timers.reset();
    }
  });

  it('503 is unavailable and retried after its Retry-After; the server’s platform-unavailable passes as is', async () => {
    const { backend, requests } = backendWith(
      [
        new Response('Service Unavailable', { status: 503, headers: { 'Retry-After': '0' } }),
        json({ error: 'Down for now.', code: 'platform-unavailable' }, 503, { 'Retry-After': '0' }),
      ],
      { retries: 1 },
    );
    const error = await httpRejection(backend.refreshData(company.id));
    expect(error).to.include({ code: 'platform-unavailable', retryable: true, retryAfterMs: 0 });
    expect(requests).to.have.length(2);
    const bare = new HttpError(503, { retryAfterMs: 2000 });
    expect(bare).to.include({ code: 'unavailable', retryable: true, retryAfterMs: 2000 });
  });
});

describe('createFetchBackend: the spec’s nullable fields', () => {
  it('reads null lastSync, lastSuccessfulSync and latestSyncId as absent, and keeps what the widget needs', async () => {
    const connection = {
      id: 'k1',
      platformName: 'Xero',
      status: 'PendingAuth',
      lastSync: null,
      sourceType: 'Accounting',
      created: '2026-01-01T09:00:00Z',
      integrationKey: 'gbol',
    };
    const statuses = {
      invoices: {
        dataType: 'invoices',
        currentStatus: 'Complete',
        lastSuccessfulSync: '2026-01-01T09:05:00Z',
        latestSyncId: 's2',
        latestSuccessfulSyncId: 's2',
      },
      bills: { dataType: 'bills', currentStatus: 'Queued', lastSuccessfulSync: null, latestSyncId: null },
      purchaseOrders: { dataType: 'purchaseOrders' },
    };
    const { backend } = backendWith([
      json({ ...company, description: null, lastSync: null, dataConnections: [connection] }),
      json(statuses),
    ]);
    const read = await backend.getCompany(company.id);
    expect(read.dataConnections).to.deep.equal([
      {
        id: 'k1',
        platformName: 'Xero',
        status: 'PendingAuth',
        sourceType: 'Accounting',
        created: '2026-01-01T09:00:00Z',
      },
    ]);
    expect(read.dataConnections?.[0]).to.not.have.property('lastSync');
    const status = await backend.getDataStatus(company.id);
    expect(status).to.deep.equal({
      invoices: {
        dataType: 'invoices',
        currentStatus: 'Complete',
        lastSuccessfulSync: '2026-01-01T09:05:00Z',
        latestSyncId: 's2',
      },
      bills: { dataType: 'bills', currentStatus: 'Queued' },
      purchaseOrders: { dataType: 'purchaseOrders' },
    });
    expect(status['bills']).to.not.have.property('latestSyncId');
  });

  it('still refuses a lastSync or latestSyncId that is neither text nor null', async () => {
    const { backend } = backendWith([
      json({ ...company, dataConnections: [{ id: 'k1', platformName: 'X', status: 'Linked', lastSync: 5 }] }),
      json({ invoices: { dataType: 'invoices', latestSyncId: 7 } }),
    ]);
    const bad = await backend.getCompany(company.id).catch((error: unknown) => error);
    expect(bad).to.have.property('code', 'bad-response');
    const badStatus = await backend.getDataStatus(company.id).catch((error: unknown) => error);
    expect(badStatus).to.have.property('code', 'bad-response');
  });
});
