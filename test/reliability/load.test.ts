/**
 * The load scenario of `npm run bench:load` at a reduced scale, so `npm test` proves it: 40 concurrent
 * onboardings through the widget's own adapter, machine and poller, against the reference server and the
 * simulator with 5 % of platform calls failing (and the first three creates losing their answer after the
 * company was made). Every journey completes, and the platform holds exactly one linked company per journey,
 * under the name typed. Real time, bounded: the run gives up (and fails) after 25 s.
 */
import assert from 'node:assert/strict';
import { formatReport, runLoad } from './load-rig.ts';

const JOURNEYS = 40;

it(`${JOURNEYS} concurrent onboardings under platform faults: none lost, no duplicate company`, async () => {
  const report = await runLoad({
    journeys: JOURNEYS,
    faultRate: 0.05,
    forcedCreateDrops: 3,
    syncMs: 500,
    timeLimitMs: 25_000,
    maxUserRetries: 5,
    seed: Number(process.env['LOAD_SEED'] ?? Date.now() % 1_000_000),
  });
  for (const line of formatReport(report).split('\n')) console.log(line);

  assert.equal(report.timedOut, false, 'finished within the time limit');
  assert.deepEqual(report.lost, [], 'every journey completed');
  assert.equal(report.completed, JOURNEYS);
  assert.equal(report.companies, JOURNEYS, 'exactly one company per journey');
  assert.deepEqual(report.duplicateNames, [], 'each name once');
  assert.deepEqual(report.mismatched, [], 'each journey ended on its own, linked company');
  assert.equal(report.platform.leftover, 0, 'every injected fault hit its request');
  // The faults really happened, and the lost create answers were recovered by replay, not by creating again.
  const drops = report.platform.faults['drop-after (create)'];
  assert.ok(drops >= 3, `${drops} create answers dropped`);
  assert.ok(report.server.replayed >= drops, `${report.server.replayed} replays for ${drops} drops`);
  assert.ok(report.server.all.count >= JOURNEYS * 3 && report.server.all.p99 > 0, 'latency was measured');
});
