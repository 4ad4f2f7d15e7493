/**
 * The simulator stands in for the real platform, so the official SDK must accept everything it sends:
 * these tests drive it through `@codat/platform`, whose zod schemas validate every response.
 */
import assert from 'node:assert/strict';
import { CodatPlatformCore } from '@codat/platform/core.js';
import { companiesCreate } from '@codat/platform/funcs/companiesCreate.js';
import { companiesDelete } from '@codat/platform/funcs/companiesDelete.js';
import { companiesGet } from '@codat/platform/funcs/companiesGet.js';
import { companiesList } from '@codat/platform/funcs/companiesList.js';
import { connectionsList } from '@codat/platform/funcs/connectionsList.js';
import { connectionsUnlink } from '@codat/platform/funcs/connectionsUnlink.js';
import { refreshDataAll } from '@codat/platform/funcs/refreshDataAll.js';
import { refreshDataByDataType } from '@codat/platform/funcs/refreshDataByDataType.js';
import { refreshDataGet } from '@codat/platform/funcs/refreshDataGet.js';
import { refreshDataListPullOperations } from '@codat/platform/funcs/refreshDataListPullOperations.js';
import { DataConnectionStatus } from '@codat/platform/sdk/models/shared/dataconnectionstatus.js';
import { DataTypes } from '@codat/platform/sdk/models/shared/datastatus.js';
import { SchemaDataType } from '@codat/platform/sdk/models/shared/schemadatatype.js';
import { SourceType as SdkSourceType } from '@codat/platform/sdk/models/shared/sourcetype.js';
import { Status } from '@codat/platform/sdk/models/shared/status.js';
import {
  ConnectionStatus,
  DataType,
  DEFAULT_DATA_TYPES,
  PLATFORMS,
  SyncStatus,
} from '../../src/simulator/index.ts';
import { API_KEY, formActionOf, startTestSimulator, type TestSimulator } from './harness.ts';

/** Unwraps an SDK result, failing the test with the SDK's own explanation. */
function ok<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) assert.fail(`SDK call failed: ${String(result.error)}`);
  return result.value;
}

/** The error of an SDK result that must have failed, with the fields the SDK's error classes carry. */
function failed(result: { ok: true; value: unknown } | { ok: false; error: unknown }): {
  name: string;
  statusCode?: number;
  error?: string;
} {
  if (result.ok) assert.fail('the SDK call succeeded');
  return result.error as { name: string; statusCode?: number; error?: string };
}

describe('simulator enums match the SDK', () => {
  it('data types', () => {
    assert.deepEqual(Object.values(DataType).sort(), Object.values(DataTypes).sort());
    for (const type of DEFAULT_DATA_TYPES) assert.ok(Object.values(DataTypes).includes(type), type);
  });

  it("the queue endpoint takes exactly the SDK's SchemaDataType values; source types are the SDK's", () => {
    assert.deepEqual(Object.values(DataType).sort(), Object.values(SchemaDataType).sort());
    for (const platform of PLATFORMS) {
      assert.ok(Object.values(SdkSourceType).includes(platform.sourceType), platform.sourceType);
    }
  });

  it('sync statuses and connection statuses', () => {
    for (const status of Object.values(SyncStatus)) assert.ok(Object.values(Status).includes(status), status);
    assert.deepEqual(Object.values(ConnectionStatus).sort(), Object.values(DataConnectionStatus).sort());
  });
});

describe('the official SDK against the simulator', () => {
  let sim: TestSimulator;
  let client: CodatPlatformCore;
  before(async () => {
    // The SDK's data-status schema refuses a never-synced `{dataType}` entry (tested below): none here.
    sim = await startTestSimulator({ basePath: '/platform', neverSyncedTypes: [] });
    client = new CodatPlatformCore({
      authHeader: `Basic ${Buffer.from(API_KEY).toString('base64')}`,
      serverURL: sim.url,
      retryConfig: { strategy: 'none' },
    });
  });
  after(() => sim.close());

  it('walks a company from creation to synced data and deletion', async () => {
    const company = ok(
      await companiesCreate(client, { name: 'SDK Ltd', description: 'd', tags: { a: 'b' } }),
    );
    assert.equal(company.name, 'SDK Ltd');

    await sim.submitLink(company.redirect, { platform: 'gbol', action: 'authorise' });
    const fetched = ok(await companiesGet(client, { companyId: company.id }));
    assert.equal(fetched.dataConnections?.[0]?.status, 'Linked');
    assert.equal(fetched.dataConnections?.[0]?.sourceType, 'Accounting');

    const connections = ok(await connectionsList(client, { companyId: company.id }));
    assert.equal(connections.totalResults, 1);
    assert.equal(
      connections.links.current.href,
      `/platform/companies/${company.id}/connections?page=1&pageSize=100`,
    );

    const queued = ok(await refreshDataGet(client, { companyId: company.id }));
    assert.equal(queued.invoices?.currentStatus, 'Queued');
    sim.clock.advance(4000);
    const complete = ok(await refreshDataGet(client, { companyId: company.id }));
    assert.equal(complete.invoices?.currentStatus, 'Complete');
    assert.ok(complete.invoices?.lastSuccessfulSync);

    ok(await refreshDataAll(client, { companyId: company.id }));
    const list = ok(await companiesList(client, {}));
    assert.equal(list.totalResults, 1);
    assert.ok(list.results?.[0]?.lastSync);

    ok(await companiesDelete(client, { companyId: company.id }));
    const gone = await companiesGet(client, { companyId: company.id });
    assert.equal(gone.ok, false);
  });

  it('reads PendingAuth, banking and commerce connections, one-time Link URLs and a queued type', async () => {
    sim.simulator.configure({ oneTimeLinkUrls: true });
    try {
      const company = ok(await companiesCreate(client, { name: 'Shapes Ltd' }));
      assert.ok(new URL(company.redirect).searchParams.get('link.otp'));
      // Through the pages, as a browser would: the first GET spends the password and opens a session.
      const action = formActionOf(await (await fetch(company.redirect)).text(), company.redirect);
      for (const platform of ['gbol', 'bsbx', 'cshp']) {
        const next = await sim.submitLink(action, { platform, action: 'continue' });
        await sim.submitLink(next.headers.get('location') ?? '', { action: 'authorise' });
      }
      await sim.submitLink(action, { platform: 'btrl', action: 'continue' });

      const connections = ok(await connectionsList(client, { companyId: company.id }));
      assert.deepEqual(
        connections.results?.map((connection) => `${connection.sourceType} ${connection.status}`),
        ['Accounting Linked', 'Banking Linked', 'Commerce Linked', 'Banking PendingAuth'],
      );
      for (const connection of connections.results ?? []) {
        assert.ok(new URL(connection.linkUrl).searchParams.get('otp'));
      }

      const operation = ok(
        await refreshDataByDataType(client, { companyId: company.id, dataType: 'banking-accounts' }),
      );
      assert.equal(operation.status, 'Queued');
      assert.equal(operation.connectionId, connections.results?.[1]?.id);
      const refused = failed(
        await refreshDataByDataType(client, { companyId: company.id, dataType: 'banking-accounts' }),
      );
      assert.deepEqual([refused.name, refused.statusCode], ['ErrorMessage', 400]);
      assert.match(refused.error ?? '', /^DatasetAlreadyInProgressException: /, 'already in progress');
    } finally {
      sim.simulator.reset();
    }
  });

  it('unlinks a connection and lists pull operations (Cancelled and FetchError included) through the SDK', async () => {
    try {
      const company = ok(await companiesCreate(client, { name: 'History Ltd' }));
      sim.simulator.setScenario(company.id, 'fetch-error');
      await sim.submitLink(company.redirect, { platform: 'gbol', action: 'authorise' });
      sim.clock.advance(1);
      ok(await refreshDataAll(client, { companyId: company.id }));
      sim.clock.advance(4000);
      const page = ok(
        await refreshDataListPullOperations(client, {
          companyId: company.id,
          page: 1,
          pageSize: 20,
          orderBy: '-requested',
        }),
      );
      assert.equal(page.totalResults, 12);
      assert.deepEqual([...new Set(page.results?.map((operation) => operation.status))].sort(), [
        'Cancelled',
        'Complete',
        'FetchError',
      ]);
      assert.equal(
        page.links.current.href,
        `/platform/companies/${company.id}/data/history?orderBy=-requested&page=1&pageSize=20`,
      );

      const [connection] = ok(await companiesGet(client, { companyId: company.id })).dataConnections ?? [];
      const unlinked = ok(
        await connectionsUnlink(client, {
          companyId: company.id,
          connectionId: connection?.id ?? '',
          updateConnectionStatus: { status: 'Unlinked' },
        }),
      );
      assert.equal(unlinked.status, 'Unlinked');
      const again = failed(
        await connectionsUnlink(client, {
          companyId: company.id,
          connectionId: connection?.id ?? '',
          updateConnectionStatus: { status: 'Unlinked' },
        }),
      );
      // Not in the spec's list of error statuses for this operation: the SDK's generic error.
      assert.deepEqual([again.name, again.statusCode], ['SDKError', 400]);
    } finally {
      sim.simulator.reset();
    }
  });

  it('the SDK reads a 402 fault as an ErrorMessage with canBeRetried', async () => {
    sim.simulator.faults.inject({ method: 'POST', path: '/companies', kind: 'status', status: 402 });
    const result = await companiesCreate(client, { name: 'Over the limit' });
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.error.name, 'ErrorMessage');
    assert.equal((result.error as unknown as { canBeRetried?: string }).canBeRetried, 'Unknown');
  });

  it('SDK 6.2.1 is stricter than the spec: it refuses a never-synced {dataType} and null description/lastSync', async () => {
    const strict = await startTestSimulator({ nullForMissing: true });
    const strictClient = new CodatPlatformCore({
      authHeader: `Basic ${Buffer.from(API_KEY).toString('base64')}`,
      serverURL: strict.url,
      retryConfig: { strategy: 'none' },
    });
    try {
      const created = await strict.createCompany({ name: 'Null Ltd' });
      // Schema failures of a 200, not HTTP errors.
      const nulls = failed(await companiesGet(strictClient, { companyId: created.id }));
      assert.equal(nulls.name, 'ResponseValidationError', 'description: null fails z.string().optional()');
      await strict.submitLink(created.redirect, { platform: 'gbol', action: 'authorise' });
      const status = failed(await refreshDataGet(strictClient, { companyId: created.id }));
      assert.equal(
        status.name,
        'ResponseValidationError',
        '{ dataType: "purchaseOrders" } has no currentStatus',
      );
    } finally {
      await strict.close();
    }
  });

  it('the SDK reads simulator errors as Codat ErrorMessage errors', async () => {
    const result = await companiesCreate(client, { name: '' });
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.error.name, 'ErrorMessage');
  });
});
