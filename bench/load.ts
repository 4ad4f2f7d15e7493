/**
 * `npm run bench:load`: at least 200 concurrent onboardings on loopback, each run by the element's journey
 * runner (`createJourneyRunner`, with Node ports: the widget's own fetch adapter, a simulated user in Link),
 * against the reference server and the simulator, with a low rate of platform faults (500, 429 with
 * Retry-After 1, drops before acting, create answers dropped after the company was made, latency). Prints
 * completed/lost journeys, companies and duplicates on the platform, server latency percentiles (measured inside
 * the reference handler), throughput and wall time; exits 1 when a journey is lost, a company is duplicated, or
 * the run passes its time limit.
 *
 * Knobs (environment): JOURNEYS (default 200), FAULT_RATE (0.04), FORCED_CREATE_DROPS (5), SYNC_MS (1000),
 * TIME_LIMIT_S (120), RETRIES (5 "Try again" presses per journey), SEED (random).
 */
import { formatReport, runLoad } from '../test/reliability/load-rig.ts';

const number = (name: string, fallback: number): number => {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number ≥ 0, not ${raw}`);
  return value;
};

const options = {
  journeys: Math.max(1, Math.round(number('JOURNEYS', 200))),
  faultRate: Math.min(1, number('FAULT_RATE', 0.04)),
  forcedCreateDrops: Math.round(number('FORCED_CREATE_DROPS', 5)),
  syncMs: number('SYNC_MS', 1000),
  timeLimitMs: number('TIME_LIMIT_S', 120) * 1000,
  maxUserRetries: Math.round(number('RETRIES', 5)),
  seed: Math.round(number('SEED', Math.floor(Math.random() * 1_000_000))),
};

console.log(
  `bench:load — ${options.journeys} concurrent onboardings on 127.0.0.1 (reference server + simulator)\n`,
);
const report = await runLoad(options);
console.log(formatReport(report));

const problems = [
  ...(report.timedOut ? [`time limit of ${options.timeLimitMs / 1000} s reached`] : []),
  ...(report.lost.length > 0 ? [`${report.lost.length} journeys lost`] : []),
  ...(report.companies !== report.journeys
    ? [`${report.companies} companies for ${report.journeys} journeys`]
    : []),
  ...(report.duplicateNames.length > 0 ? [`${report.duplicateNames.length} duplicate names`] : []),
  ...(report.mismatched.length > 0
    ? [`${report.mismatched.length} journeys without their own linked company`]
    : []),
];
if (problems.length > 0) {
  console.error(`\nFAILED: ${problems.join('; ')} (replay with SEED=${options.seed})`);
  process.exitCode = 1;
} else {
  console.log(`\nOK: zero lost journeys, zero duplicate companies.`);
}
