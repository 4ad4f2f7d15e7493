import assert from 'node:assert/strict';
import { CodatPlatformCore } from '@codat/platform/core.js';
import { refreshDataGet } from '@codat/platform/funcs/refreshDataGet.js';
import {
  createSimulator,
  SCENARIO_TAG,
  SYNC_SCENARIOS,
  SyncScenario,
  type Company,
  type DataStatus,
} from '../../src/simulator/index.ts';
import { postJson, startBackend } from '../server/harness.ts';
import { API_KEY, startTestSimulator, T0, type TestSimulator } from './harness.ts';

/** Three types over 3 s in `normal`: they finish at +1 s, +2 s and +3 s; `invoices` is the failing one. */
const DATA_TYPES = ['company', 'invoices', 'bills'] as const;
const DURATION = 3000;

const Q = 'Queued';
const F = 'Fetching';
const M = 'Mapping';
const C = 'Complete';

/** What a company looks like `at` ms after it linked. */
interface Checkpoint {
  at: number;
  statuses: [string, string, string];
  connection: 'Linked' | 'Deauthorized';
  /** The company's `lastSync`, as ms after linking; `null`: none. */
  lastSync: number | null;
}

function point(
  at: number,
  statuses: Checkpoint['statuses'],
  connection: Checkpoint['connection'] = 'Linked',
  lastSync: number | null = null,
): Checkpoint {
  return { at, statuses, connection, lastSync };
}

/** Every scenario's first sync, checkpoint by checkpoint (default fast 1 s, slow 30 s). */
const TIMELINES: Record<SyncScenario, Checkpoint[]> = {
  normal: [
    point(0, [Q, Q, Q]),
    point(500, [F, Q, Q]),
    point(1000, [C, F, F]),
    point(2999, [C, C, M]),
    point(3000, [C, C, C], 'Linked', 3000),
    point(86_400_000, [C, C, C], 'Linked', 3000),
  ],
  fast: [
    point(0, [Q, Q, Q]),
    point(500, [C, M, F]),
    point(999, [C, C, M]),
    point(1000, [C, C, C], 'Linked', 1000),
  ],
  slow: [
    point(0, [Q, Q, Q]),
    point(3000, [Q, Q, Q]),
    point(15_000, [C, M, F]),
    point(29_999, [C, C, M]),
    point(30_000, [C, C, C], 'Linked', 30_000),
  ],
  'fetch-error': [
    point(0, [Q, Q, Q]),
    point(1000, [C, F, F]),
    // The failing type fetches until it would have completed, never maps, then fails.
    point(1999, [C, F, F]),
    point(2000, [C, 'FetchError', M]),
    point(3000, [C, 'FetchError', C]),
    point(86_400_000, [C, 'FetchError', C]),
  ],
  'auth-error': [
    point(0, [Q, Q, Q]),
    point(1999, [C, F, F]),
    point(2000, [C, 'AuthError', M], 'Deauthorized'),
    point(3000, [C, 'AuthError', C], 'Deauthorized'),
  ],
  'stuck-queued': [
    point(0, [Q, Q, Q]),
    point(3000, [Q, Q, Q]),
    point(30_000, [Q, Q, Q]),
    point(365 * 86_400_000, [Q, Q, Q]),
  ],
  'deauthorized-after-link': [
    point(0, [Q, Q, Q]),
    point(1000, [C, F, F]),
    point(2999, [C, C, M]),
    point(3000, [C, C, C], 'Deauthorized', 3000),
    point(86_400_000, [C, C, C], 'Deauthorized', 3000),
  ],
};

describe('sync scenarios', () => {
  let sim: TestSimulator;
  before(async () => {
    // No never-synced type: the SDK test below reads data status through the SDK, which refuses `{dataType}`.
    sim = await startTestSimulator({
      dataTypes: DATA_TYPES,
      syncDurationMs: DURATION,
      neverSyncedTypes: [],
      scenarioTag: true,
    });
  });
  after(() => sim.close());
  beforeEach(() => sim.simulator.reset());

  async function dataStatus(companyId: string): Promise<Record<string, DataStatus>> {
    const response = await sim.api(`/companies/${companyId}/dataStatus`);
    assert.equal(response.status, 200);
    return (await response.json()) as Record<string, DataStatus>;
  }

  async function statuses(companyId: string): Promise<string[]> {
    const status = await dataStatus(companyId);
    return DATA_TYPES.map((type) => status[type]?.currentStatus ?? 'missing');
  }

  async function company(companyId: string): Promise<Company> {
    const response = await sim.api(`/companies/${companyId}`);
    assert.equal(response.status, 200);
    return (await response.json()) as Company;
  }

  async function connectionStatus(companyId: string): Promise<string | undefined> {
    return (await company(companyId)).dataConnections[0]?.status;
  }

  async function link(redirect: string): Promise<void> {
    const response = await sim.submitLink(redirect, { platform: 'gbol', action: 'authorise' });
    assert.equal(response.status, 303);
  }

  async function refresh(companyId: string): Promise<void> {
    assert.equal((await sim.api(`/companies/${companyId}/data/all`, { method: 'POST' })).status, 204);
  }

  /** Walks the clock through `timeline` (ms after `start`), checking the API at each checkpoint. */
  async function follow(companyId: string, start: number, timeline: readonly Checkpoint[]): Promise<void> {
    for (const checkpoint of timeline) {
      sim.clock.advance(start + checkpoint.at - sim.clock.now());
      const label = `at +${checkpoint.at} ms`;
      assert.deepEqual(await statuses(companyId), checkpoint.statuses, label);
      const view = await company(companyId);
      assert.equal(view.dataConnections[0]?.status, checkpoint.connection, label);
      const lastSync =
        checkpoint.lastSync === null ? undefined : new Date(start + checkpoint.lastSync).toISOString();
      assert.equal(view.lastSync, lastSync, `lastSync ${label}`);
    }
  }

  it('the scenarios', () => {
    assert.deepEqual(SYNC_SCENARIOS, [
      'normal',
      'fast',
      'slow',
      'fetch-error',
      'auth-error',
      'stuck-queued',
      'deauthorized-after-link',
    ]);
    assert.equal(SCENARIO_TAG, 'simulatorScenario');
  });

  for (const scenario of SYNC_SCENARIOS) {
    it(`${scenario}: the first sync, checkpoint by checkpoint`, async () => {
      const created = await sim.createCompany();
      assert.equal(sim.simulator.setScenario(created.id, scenario), true);
      const start = sim.clock.now();
      await link(created.redirect);
      await follow(created.id, start, TIMELINES[scenario]);
    });

    it(`${scenario}: a refresh replays it from the start`, async () => {
      const created = await sim.createCompany();
      sim.simulator.setScenario(created.id, scenario);
      await link(created.redirect);
      // 1 ms in, nothing has finished in any scenario: the refresh replaces the first sync entirely.
      sim.clock.advance(1);
      const first = await dataStatus(created.id);
      const start = sim.clock.now();
      await refresh(created.id);
      assert.notEqual((await dataStatus(created.id))['bills']?.latestSyncId, first['bills']?.latestSyncId);
      await follow(created.id, start, TIMELINES[scenario]);
    });
  }

  describe('fetch-error', () => {
    it('the failing type keeps reporting its last success; the others move on', async () => {
      const created = await sim.createCompany();
      const linkedAt = sim.clock.now();
      await link(created.redirect);
      sim.clock.advance(DURATION);
      const good = await dataStatus(created.id);
      sim.simulator.setScenario(created.id, SyncScenario.FetchError);
      await refresh(created.id);
      sim.clock.advance(DURATION);
      const failed = await dataStatus(created.id);
      assert.equal(failed['invoices']?.currentStatus, 'FetchError');
      assert.notEqual(failed['invoices']?.latestSyncId, good['invoices']?.latestSyncId);
      assert.equal(failed['invoices']?.latestSuccessfulSyncId, good['invoices']?.latestSyncId);
      assert.equal(failed['invoices']?.lastSuccessfulSync, good['invoices']?.lastSuccessfulSync);
      assert.equal(failed['bills']?.latestSuccessfulSyncId, failed['bills']?.latestSyncId);
      // Not every type completed: the company's lastSync stays at the first sync.
      assert.equal((await company(created.id)).lastSync, new Date(linkedAt + DURATION).toISOString());
      assert.equal(await connectionStatus(created.id), 'Linked');
    });

    it('failingDataType picks the type; one the company does not sync falls back to the last', async () => {
      const custom = await startTestSimulator({
        dataTypes: DATA_TYPES,
        syncDurationMs: DURATION,
        scenario: 'fetch-error',
        failingDataType: 'company',
      });
      const fallback = await startTestSimulator({
        dataTypes: DATA_TYPES,
        syncDurationMs: DURATION,
        scenario: 'fetch-error',
        failingDataType: 'banking-accounts',
      });
      try {
        for (const [running, failing] of [
          [custom, 'company'],
          [fallback, 'bills'],
        ] as const) {
          const created = await running.createCompany();
          await running.submitLink(created.redirect, { platform: 'gbol', action: 'authorise' });
          running.clock.advance(DURATION);
          const status = (await (await running.api(`/companies/${created.id}/dataStatus`)).json()) as Record<
            string,
            DataStatus
          >;
          const failed = DATA_TYPES.filter((type) => status[type]?.currentStatus === 'FetchError');
          assert.deepEqual(failed, [failing]);
        }
      } finally {
        await custom.close();
        await fallback.close();
      }
    });
  });

  describe('auth-error', () => {
    it('deauthorises the connection when the type fails; re-linking starts no sync; a refresh fails again', async () => {
      const created = await sim.createCompany({ name: 'Auth', tags: { [SCENARIO_TAG]: 'auth-error' } });
      await link(created.redirect);
      sim.clock.advance(2000);
      const broken = (await company(created.id)).dataConnections[0];
      assert.equal(broken?.status, 'Deauthorized');
      assert.equal(broken?.lastSync, undefined);

      // Re-authorise through the connection's linkUrl, as a dashboard would: same connection, and (as on Codat)
      // no sync of its own; the integrator queues one.
      sim.clock.advance(5000);
      const before = await dataStatus(created.id);
      await link(broken?.linkUrl ?? '');
      const [relinked] = (await company(created.id)).dataConnections;
      assert.equal(relinked?.id, broken?.id);
      assert.equal(relinked?.status, 'Linked');
      assert.deepEqual(await dataStatus(created.id), before, 'the re-link started no sync');
      const start = sim.clock.now();
      await refresh(created.id);
      await follow(created.id, start, TIMELINES['auth-error']);
    });

    it('the official SDK and the reference server read AuthError and FetchError', async () => {
      const client = new CodatPlatformCore({
        authHeader: `Basic ${Buffer.from(API_KEY).toString('base64')}`,
        serverURL: sim.url,
        retryConfig: { strategy: 'none' },
      });
      const created = await sim.createCompany({ name: 'SDK', tags: { [SCENARIO_TAG]: 'auth-error' } });
      await link(created.redirect);
      sim.clock.advance(DURATION);
      const result = await refreshDataGet(client, { companyId: created.id });
      assert.ok(result.ok, String(!result.ok && result.error));
      assert.equal(result.value.invoices?.currentStatus, 'AuthError');

      const backend = await startBackend({
        simulator: { dataTypes: DATA_TYPES, syncDurationMs: DURATION, scenario: 'fetch-error' },
      });
      try {
        const viaBackend = await backend.createCompany();
        await backend.platform.submitLink(viaBackend.redirect, { platform: 'gbol', action: 'authorise' });
        backend.platform.clock.advance(DURATION);
        const response = await backend.call(`/companies/${viaBackend.id}/data-status`);
        assert.equal(response.status, 200);
        assert.equal((response.body?.['invoices'] as DataStatus).currentStatus, 'FetchError');
      } finally {
        await backend.close();
      }
    });
  });

  describe('deauthorized-after-link', () => {
    it('breaks the connection once: re-authorising repairs it; choosing the scenario again re-arms it', async () => {
      const created = await sim.createCompany();
      sim.simulator.setScenario(created.id, 'deauthorized-after-link');
      await link(created.redirect);
      sim.clock.advance(DURATION);
      assert.equal(await connectionStatus(created.id), 'Deauthorized');
      const revoked = (await company(created.id)).dataConnections[0];
      assert.ok(revoked?.lastSync, 'a revoked connection keeps the time of its last sync');

      sim.clock.advance(60_000);
      await link(created.redirect);
      sim.clock.advance(10 * DURATION);
      assert.equal(await connectionStatus(created.id), 'Linked', 'repaired for good');
      await refresh(created.id);
      sim.clock.advance(10 * DURATION);
      assert.equal(await connectionStatus(created.id), 'Linked', 'a refresh does not break it again');

      sim.simulator.setScenario(created.id, 'deauthorized-after-link');
      await refresh(created.id);
      sim.clock.advance(DURATION - 1);
      assert.equal(await connectionStatus(created.id), 'Linked');
      sim.clock.advance(1);
      assert.equal(await connectionStatus(created.id), 'Deauthorized', 're-armed');
    });

    it('a refresh during the first sync replaces it: the connection breaks when the refresh completes', async () => {
      const created = await sim.createCompany({
        name: 'Refreshed',
        tags: { [SCENARIO_TAG]: 'deauthorized-after-link' },
      });
      await link(created.redirect);
      sim.clock.advance(DURATION / 2);
      await refresh(created.id);
      sim.clock.advance(DURATION / 2);
      assert.equal(await connectionStatus(created.id), 'Linked', 'the first sync was replaced');
      sim.clock.advance(DURATION / 2 - 1);
      assert.equal(await connectionStatus(created.id), 'Linked');
      sim.clock.advance(1);
      assert.equal(await connectionStatus(created.id), 'Deauthorized');
      assert.equal((await company(created.id)).lastSync, new Date(sim.clock.now()).toISOString());
    });

    it('simulator.deauthorize still works alongside, and listCompanies shows the scenario’s status', async () => {
      const created = await sim.createCompany();
      sim.simulator.setScenario(created.id, 'deauthorized-after-link');
      await link(created.redirect);
      sim.clock.advance(DURATION);
      assert.equal(sim.simulator.listCompanies()[0]?.dataConnections[0]?.status, 'Deauthorized');
      assert.equal(sim.simulator.deauthorize(created.id), true);
      assert.equal(sim.simulator.listCompanies()[0]?.dataConnections[0]?.status, 'Deauthorized');
    });
  });

  describe('stuck-queued', () => {
    it('never completes, even refreshed, and keeps the last success it had', async () => {
      const created = await sim.createCompany();
      const linkedAt = sim.clock.now();
      await link(created.redirect);
      sim.clock.advance(DURATION);
      const good = await dataStatus(created.id);
      sim.simulator.setScenario(created.id, 'stuck-queued');
      await refresh(created.id);
      for (let day = 0; day < 3; day++) {
        sim.clock.advance(86_400_000);
        await refresh(created.id);
        assert.deepEqual(await statuses(created.id), [Q, Q, Q]);
      }
      const stuck = await dataStatus(created.id);
      assert.equal(stuck['bills']?.latestSuccessfulSyncId, good['bills']?.latestSyncId);
      assert.equal((await company(created.id)).lastSync, new Date(linkedAt + DURATION).toISOString());
      assert.equal(await connectionStatus(created.id), 'Linked');
    });
  });

  it('a running sync keeps its scenario; the choice applies from the next sync', async () => {
    const created = await sim.createCompany();
    await link(created.redirect);
    sim.simulator.setScenario(created.id, 'stuck-queued');
    sim.clock.advance(DURATION);
    assert.deepEqual(await statuses(created.id), [C, C, C], 'the running sync was normal');
    await refresh(created.id);
    sim.clock.advance(DURATION);
    assert.deepEqual(await statuses(created.id), [Q, Q, Q]);
  });
});

describe('choosing a scenario per company', () => {
  let sim: TestSimulator;
  before(async () => {
    sim = await startTestSimulator({
      dataTypes: DATA_TYPES,
      syncDurationMs: DURATION,
      basePath: '/platform',
      scenarioTag: true,
    });
  });
  after(() => sim.close());
  beforeEach(() => sim.simulator.reset());

  async function linkedStatusesAfter(ms: number, ...companyIds: string[]): Promise<string[][]> {
    const companies = sim.simulator.listCompanies();
    for (const id of companyIds) {
      const redirect = companies.find((candidate) => candidate.id === id)?.redirect ?? '';
      await sim.submitLink(redirect, { platform: 'gbol', action: 'authorise' });
    }
    sim.clock.advance(ms);
    return Promise.all(
      companyIds.map(async (id) => {
        const status = (await (await sim.api(`/companies/${id}/dataStatus`)).json()) as Record<
          string,
          DataStatus
        >;
        return DATA_TYPES.map((type) => status[type]?.currentStatus ?? 'missing');
      }),
    );
  }

  it('setScenario affects that company only; scenarioOf reports it', async () => {
    const stuck = await sim.createCompany({ name: 'Stuck' });
    const normal = await sim.createCompany({ name: 'Normal' });
    assert.equal(sim.simulator.scenarioOf(stuck.id), 'normal');
    assert.equal(sim.simulator.setScenario(stuck.id, SyncScenario.StuckQueued), true);
    assert.equal(sim.simulator.scenarioOf(stuck.id), 'stuck-queued');
    assert.equal(sim.simulator.scenarioOf(normal.id), 'normal');
    assert.deepEqual(await linkedStatusesAfter(DURATION, stuck.id, normal.id), [
      [Q, Q, Q],
      [C, C, C],
    ]);
  });

  it('setScenario: false for an unknown company, TypeError for a value that is not a scenario', async () => {
    assert.equal(sim.simulator.setScenario('nope', 'slow'), false);
    assert.equal(sim.simulator.scenarioOf('nope'), undefined);
    const created = await sim.createCompany();
    assert.throws(
      () => sim.simulator.setScenario(created.id, 'sluggish' as SyncScenario),
      (error: unknown) =>
        error instanceof TypeError && /"sluggish" is not a simulator scenario/.test(error.message),
    );
    assert.equal(sim.simulator.scenarioOf(created.id), 'normal');
  });

  it('with scenarioTag, the simulatorScenario tag at creation chooses it, and stays a plain tag', async () => {
    const created = await sim.createCompany({
      name: 'Tagged',
      tags: { simulatorScenario: 'fast', plan: 'pro' },
    });
    assert.equal(sim.simulator.scenarioOf(created.id), 'fast');
    const fetched = (await (await sim.api(`/companies/${created.id}`)).json()) as Company;
    assert.deepEqual(fetched.tags, { simulatorScenario: 'fast', plan: 'pro' });
    assert.deepEqual(await linkedStatusesAfter(1000, created.id), [[C, C, C]]);
    // Later choices win over the tag, which is left as it was.
    sim.simulator.setScenario(created.id, 'slow');
    assert.equal(sim.simulator.scenarioOf(created.id), 'slow');
    assert.deepEqual(
      ((await (await sim.api(`/companies/${created.id}`)).json()) as Company).tags,
      fetched.tags,
    );
  });

  it('with scenarioTag, a simulatorScenario tag that is not a scenario is refused with a 400 naming the valid ones', async () => {
    const response = await sim.api(
      '/companies',
      postJson({ name: 'Typo', tags: { simulatorScenario: 'Slow' } }),
    );
    assert.equal(response.status, 400);
    const body = (await response.json()) as { error: string; validation: { errors: { itemId: string }[] } };
    assert.match(body.error, /"Slow" is not a simulator scenario; use one of normal, fast, slow,/);
    assert.equal(body.validation.errors[0]?.itemId, 'tags.simulatorScenario');
    assert.equal(sim.simulator.listCompanies().length, 0);
  });

  it('with scenarioTag, the tag passes through the reference server (which reserves only onboardIdempotencyKey)', async () => {
    const backend = await startBackend({ simulator: { scenarioTag: true } });
    try {
      const response = await backend.call(
        '/companies',
        postJson(
          { name: 'Through the backend', tags: { simulatorScenario: 'stuck-queued' } },
          { 'idempotency-key': 'scenario-tag-key-0001' },
        ),
      );
      assert.equal(response.status, 200, JSON.stringify(response.body));
      const id = String(response.body?.['id']);
      assert.equal(backend.platform.simulator.scenarioOf(id), 'stuck-queued');
      assert.deepEqual(backend.platform.simulator.listCompanies()[0]?.tags, {
        simulatorScenario: 'stuck-queued',
        onboardIdempotencyKey: 'scenario-tag-key-0001',
      });
    } finally {
      await backend.close();
    }
  });

  describe('the control API', () => {
    const control = (companyId: string, init?: RequestInit): Promise<Response> =>
      fetch(`${sim.url}/_simulator/companies/${companyId}/scenario`, init);

    it('POST {scenario} chooses it (no API key, under basePath); GET reads it', async () => {
      const created = await sim.createCompany();
      const response = await control(created.id, postJson({ scenario: 'stuck-queued' }));
      assert.equal(response.status, 200);
      assert.deepEqual(await response.json(), { companyId: created.id, scenario: 'stuck-queued' });
      assert.equal(sim.simulator.scenarioOf(created.id), 'stuck-queued');
      assert.deepEqual(await (await control(created.id)).json(), {
        companyId: created.id,
        scenario: 'stuck-queued',
      });
      assert.deepEqual(await linkedStatusesAfter(DURATION, created.id), [[Q, Q, Q]]);
    });

    it('400 for a value that is not a scenario or a body that is not JSON; 404 for an unknown company', async () => {
      const created = await sim.createCompany();
      const invalid = await control(created.id, postJson({ scenario: 'sluggish' }));
      assert.equal(invalid.status, 400);
      assert.match(((await invalid.json()) as { error: string }).error, /not a simulator scenario/);
      assert.equal((await control(created.id, postJson({}))).status, 400);
      assert.equal((await control(created.id, { method: 'POST', body: 'slow' })).status, 400);
      assert.equal(sim.simulator.scenarioOf(created.id), 'normal');

      const unknown = await control('nope', postJson({ scenario: 'slow' }));
      assert.equal(unknown.status, 404);
      assert.equal((await control('nope')).status, 404);
    });

    it('405 with Allow for other methods; 404 for other paths', async () => {
      const created = await sim.createCompany();
      const response = await control(created.id, { method: 'DELETE' });
      assert.equal(response.status, 405);
      assert.equal(response.headers.get('allow'), 'GET, POST');
      assert.equal((await fetch(`${sim.url}/_simulator/companies/${created.id}`)).status, 404);
      assert.equal((await fetch(`${sim.url}/_simulator/companies/${created.id}/scenario/x`)).status, 404);
      assert.equal((await fetch(`${sim.url}/_simulator/faults/x`)).status, 404);
    });
  });
});

describe('the simulatorScenario tag without the scenarioTag option (the default): a plain tag, as on Codat', () => {
  let sim: TestSimulator;
  before(async () => {
    sim = await startTestSimulator({ dataTypes: DATA_TYPES, syncDurationMs: DURATION });
  });
  after(() => sim.close());
  beforeEach(() => sim.simulator.reset());

  const invoicesAfterLink = async (id: string, redirect: string): Promise<string | undefined> => {
    await sim.submitLink(redirect, { platform: 'gbol', action: 'authorise' });
    sim.clock.advance(DURATION);
    const status = (await (await sim.api(`/companies/${id}/dataStatus`)).json()) as Record<
      string,
      DataStatus
    >;
    return status['invoices']?.currentStatus;
  };

  it('is stored and returned, and the first sync plays the default scenario', async () => {
    const created = await sim.createCompany({
      name: 'Tagged',
      tags: { simulatorScenario: 'stuck-queued', plan: 'pro' },
    });
    assert.equal(sim.simulator.scenarioOf(created.id), 'normal');
    const fetched = (await (await sim.api(`/companies/${created.id}`)).json()) as Company;
    assert.deepEqual(fetched.tags, { simulatorScenario: 'stuck-queued', plan: 'pro' });
    assert.equal(await invoicesAfterLink(created.id, created.redirect), 'Complete');
  });

  it('a value that is not a scenario is accepted as a plain tag', async () => {
    const created = await sim.createCompany({ name: 'Typo', tags: { simulatorScenario: 'Slow' } });
    assert.equal(sim.simulator.scenarioOf(created.id), 'normal');
    assert.deepEqual(sim.simulator.listCompanies()[0]?.tags, { simulatorScenario: 'Slow' });
  });

  it('sent through the reference server, it steers nothing', async () => {
    const backend = await startBackend();
    try {
      const response = await backend.call(
        '/companies',
        postJson(
          { name: 'Through the backend', tags: { simulatorScenario: 'auth-error' } },
          { 'idempotency-key': 'plain-scenario-tag-0001' },
        ),
      );
      assert.equal(response.status, 200, JSON.stringify(response.body));
      const id = String(response.body?.['id']);
      assert.equal(backend.platform.simulator.scenarioOf(id), 'normal');
      assert.equal(backend.platform.simulator.listCompanies()[0]?.tags?.['simulatorScenario'], 'auth-error');
    } finally {
      await backend.close();
    }
  });
});

describe('the default scenario option', () => {
  it('applies to every company that chose none; a company’s own choice wins', async () => {
    const sim = await startTestSimulator({
      dataTypes: DATA_TYPES,
      syncDurationMs: DURATION,
      scenario: 'stuck-queued',
      scenarioTag: true,
    });
    try {
      const byDefault = await sim.createCompany({ name: 'Default' });
      const own = await sim.createCompany({ name: 'Own', tags: { simulatorScenario: 'normal' } });
      assert.equal(sim.simulator.scenarioOf(byDefault.id), 'stuck-queued');
      for (const created of [byDefault, own]) {
        await sim.submitLink(created.redirect, { platform: 'gbol', action: 'authorise' });
      }
      sim.clock.advance(DURATION);
      const invoices = async (id: string): Promise<string | undefined> =>
        ((await (await sim.api(`/companies/${id}/dataStatus`)).json()) as Record<string, DataStatus>)[
          'invoices'
        ]?.currentStatus;
      assert.equal(await invoices(byDefault.id), 'Queued');
      assert.equal(await invoices(own.id), 'Complete');
    } finally {
      await sim.close();
    }
  });

  it('defaults to normal; a default that is not a scenario throws a TypeError', async () => {
    const simulator = createSimulator({ apiKey: 'k' });
    const created = await simulator.handle(
      new Request('http://sim.test/companies', {
        method: 'POST',
        headers: { authorization: `Basic ${Buffer.from('k').toString('base64')}` },
        body: JSON.stringify({ name: 'Default Ltd' }),
      }),
    );
    const { id } = (await created.json()) as { id: string };
    assert.equal(simulator.scenarioOf(id), 'normal');
    assert.throws(
      () => createSimulator({ scenario: 'sluggish' as SyncScenario }),
      (error: unknown) => error instanceof TypeError && /use one of normal, fast, slow/.test(error.message),
    );
  });

  it('fastSyncDurationMs and slowSyncDurationMs', async () => {
    const sim = await startTestSimulator({
      fastSyncDurationMs: 10,
      slowSyncDurationMs: 100_000,
      scenarioTag: true,
    });
    try {
      const fast = await sim.createCompany({ name: 'Fast', tags: { simulatorScenario: 'fast' } });
      const slow = await sim.createCompany({ name: 'Slow', tags: { simulatorScenario: 'slow' } });
      for (const created of [fast, slow]) {
        await sim.submitLink(created.redirect, { platform: 'gbol', action: 'authorise' });
      }
      sim.clock.advance(10);
      const [fastView, slowView] = sim.simulator.listCompanies();
      assert.equal(fastView?.lastSync, new Date(T0 + 10).toISOString());
      assert.equal(slowView?.lastSync, undefined);
      sim.clock.advance(100_000 - 10);
      assert.equal(sim.simulator.listCompanies()[1]?.lastSync, new Date(T0 + 100_000).toISOString());
    } finally {
      await sim.close();
    }
  });
});
