/**
 * `npm run bench:fleet` at a reduced scale, so `npm test` proves it: three reference-server processes on one
 * Redis behind a round-robin proxy, the simulator failing 5 % of platform calls and sending its webhooks through
 * the proxy, 30 concurrent journeys with push, and one process killed (and another started) once half of them
 * follow their sync. Every journey completes, with exactly one company each. Real time, bounded at 60 s
 * (a create the killed process held waits up to 20 s for its key).
 */
import assert from 'node:assert/strict';
import { formatFleetReport, runFleet } from './fleet-rig.ts';
import { startRedis, type TestRedis } from './redis-server.ts';

const JOURNEYS = 30;

describe('a fleet of three processes on one Redis, one killed mid-run', () => {
  let redis: TestRedis;
  before(async () => {
    redis = await startRedis();
  });
  after(() => redis.close());

  it(`${JOURNEYS} concurrent journeys with push under platform faults: none lost, no duplicate company`, async () => {
    const report = await runFleet({
      servers: 3,
      journeys: JOURNEYS,
      push: true,
      kill: true,
      syncMs: 3000,
      faultRate: 0.05,
      forcedCreateDrops: 2,
      maxUserRetries: 5,
      timeLimitMs: 60_000,
      seed: Number(process.env['LOAD_SEED'] ?? Date.now() % 1_000_000),
      redisUrl: redis.url,
    });
    for (const line of formatFleetReport(report).split('\n')) console.log(`      ${line}`);

    assert.equal(report.timedOut, false, 'finished within the time limit');
    assert.deepEqual(report.lost, [], 'every journey completed');
    assert.equal(report.companies, JOURNEYS, 'exactly one company per journey');
    assert.deepEqual(report.duplicateNames, []);
    assert.ok(
      report.killed !== null && report.killed.restartedAfterMs > 0,
      'a process was killed and replaced',
    );
    assert.ok(report.webhooks.attempts > 0, 'webhooks reached the fleet');
    assert.ok(report.serverCpuMs > 0, 'server CPU was measured');
    // The run's own limit, plus starting the processes: a create held by the killed process keeps its key until
    // the server may take it over (17 s), and the browser waits for it.
  }).timeout(90_000);
});
