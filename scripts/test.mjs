#!/usr/bin/env node
/**
 * `npm test`: every check, in order, each as a child process with its output streamed and timed.
 *
 *   chromium   find Chromium (CHROME_PATH, usual paths; apt-get install it as root on Debian) → CHROME_PATH
 *   redis      find redis-server (REDIS_SERVER, usual paths; apt-get install it as root on Debian) → REDIS_SERVER
 *   typecheck  tsc --noEmit -p .
 *   lint       eslint . --max-warnings=0
 *   docs       node scripts/reliability-doc.mjs --check (docs/RELIABILITY.md is what the case tables give)
 *   unit       web-test-runner in headless Chromium: test/element/**\/*.test.ts, test/**\/*.browser.test.ts
 *   node       mocha (.mocharc.cjs): test/{machine,runtime,link,sync,backend,server,simulator,reliability}/**\/*.test.ts
 *   build      vite build, tsc -p tsconfig.build.json, cem analyze
 *   size       scripts/size-check.mjs (gzip budget of dist/company-onboard.js)
 *   e2e        mocha (.mocharc.e2e.cjs), one file after another: test/e2e/**\/*.test.ts
 * Which file runs where: scripts/test-suites.cjs (`*.browser.test.ts` only in the browser).
 *
 * Test counts come only from JSON files the runners write, `{ passed, failed, skipped }`: each test step gets a
 * fresh temporary file in TEST_COUNTS_FILE, written by scripts/reporters/mocha-counts.cjs (mocha) or by the
 * counts reporter in web-test-runner.config.mjs. Nothing is parsed out of the tools' human output.
 *
 * A failing step does not stop the run: every step runs, a summary table follows, and the exit code is 1 when
 * any step failed. A test step whose folders hold no test file yet is SKIPped with a note; a tool that exits
 * non-zero is a FAIL, and a test step whose tool wrote no counts is a FAIL with a note (it adds 1 to the failed
 * total, so a run that broke never reads "0 failed"). The very last line is `N passed, N failed` over all
 * test steps (skipped tests are counted on the line before).
 *
 * Options (through npm: `npm test -- --only=lint,unit`):
 *   --only=a,b   run only these steps (chromium is added when unit or e2e is selected)
 *   --skip=a,b   run every step but these
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from './find-chromium.mjs';
import { findRedis } from './find-redis.mjs';
import suites from './test-suites.cjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => join(ROOT, 'node_modules', '.bin', name);
const MINUTE = 60_000;

const MOCHA_COUNTS_REPORTER = join(ROOT, 'scripts', 'reporters', 'mocha-counts.cjs');

/** `*.test.ts` files under `dir` (recursive, sorted, relative to the repo root); [] when `dir` is missing. */
function testFiles(dir) {
  const abs = join(ROOT, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.test.ts'))
    .map((entry) => relative(ROOT, join(entry.parentPath ?? entry.path, entry.name)))
    .filter((file) => !file.split('/').includes('node_modules'))
    .sort();
}

/**
 * Test files per folder (`keep` picks which), plus a note naming the folders that have none. The runners find
 * their files themselves (mocha's and web-test-runner's configs); this only decides SKIP and the note.
 */
function collect(dirs, keep = () => true) {
  const files = [];
  const empty = [];
  for (const dir of dirs) {
    const found = testFiles(dir).filter(keep);
    if (found.length === 0) empty.push(dir);
    files.push(...found);
  }
  return { files, note: empty.length > 0 ? `no tests in ${empty.join(', ')}` : '' };
}

const nodeOnly = (file) => !suites.isBrowserOnly(file);

/** Browser test files: every one under test/element, and `*.browser.test.ts` anywhere under test/. */
function browserFiles() {
  const { files, note } = collect(suites.BROWSER_TEST_DIRS);
  const elsewhere = testFiles('test').filter(
    (file) =>
      suites.isBrowserOnly(file) && !suites.BROWSER_TEST_DIRS.some((dir) => file.startsWith(`${dir}/`)),
  );
  return { files: [...files, ...elsewhere], note };
}

// ── counts written by the test runners ───────────────────────────────────────────────────────────────────────
/** A fresh path for a runner's counts (its folder is removed when the process exits). */
const COUNTS_DIR = mkdtempSync(join(tmpdir(), 'company-onboard-test-counts-'));
process.on('exit', () => rmSync(COUNTS_DIR, { recursive: true, force: true }));
let countsFiles = 0;
const newCountsFile = (step) => join(COUNTS_DIR, `${step}-${(countsFiles += 1)}.json`);

/**
 * The `{ passed, failed, skipped }` a runner wrote to `file`, or a reason there are none.
 * @returns {{ counts: Counts } | { missing: string }}
 */
function readCounts(file) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { missing: 'no test counts written' };
  }
  try {
    const data = JSON.parse(text);
    const valid = ['passed', 'failed', 'skipped'].every((k) => Number.isInteger(data?.[k]) && data[k] >= 0);
    if (valid) return { counts: { passed: data.passed, failed: data.failed, skipped: data.skipped } };
  } catch {
    // reported below
  }
  return { missing: `unreadable test counts: ${JSON.stringify(text.slice(0, 80))}` };
}

// ── steps ────────────────────────────────────────────────────────────────────────────────────────────────────
/**
 * @typedef {{ passed: number, failed: number, skipped: number }} Counts
 * @typedef {{ status: 'PASS' | 'FAIL' | 'SKIP', note?: string, counts?: Counts, broken?: boolean }} Outcome
 *   `broken`: a test step that failed without counts (the total counts it as 1 failure).
 * @typedef {{ env: NodeJS.ProcessEnv, chromiumOk: boolean }} Context
 * @typedef {{ name: string, title: string, browser?: boolean, run: (ctx: Context) => Promise<Outcome> }} Step
 */

/**
 * A step that finds a program the tests need (installing it when it can) and tells them where, in `envVar`.
 * @param {string} name @param {string} title @param {() => string} find @param {string} envVar
 * @returns {Step}
 */
const findStep = (name, title, find, envVar) => ({
  name,
  title,
  async run({ env }) {
    const path = find();
    env[envVar] = path;
    console.log(path);
    return { status: 'PASS', note: path };
  },
});

/** @type {Step[]} */
const STEPS = [
  findStep('chromium', 'Find Chromium', findChromium, 'CHROME_PATH'),
  findStep('redis', 'Find redis-server (the fleet tests start their own)', findRedis, 'REDIS_SERVER'),
  {
    name: 'typecheck',
    title: 'Type-check (tsc --noEmit -p .)',
    run: ({ env }) => commands(env, [[bin('tsc'), '--noEmit', '-p', '.']]),
  },
  {
    name: 'lint',
    title: 'Lint (eslint . --max-warnings=0)',
    run: ({ env }) => commands(env, [[bin('eslint'), '.', '--max-warnings=0']]),
  },
  {
    name: 'docs',
    title: 'docs/RELIABILITY.md matches the fault and attack tables',
    run: ({ env }) =>
      commands(env, [[process.execPath, join(ROOT, 'scripts', 'reliability-doc.mjs'), '--check']]),
  },
  {
    name: 'unit',
    title: 'Browser unit + component tests (web-test-runner)',
    browser: true,
    async run({ env, chromiumOk }) {
      const { files, note } = browserFiles();
      if (files.length === 0) return { status: 'SKIP', note };
      if (!chromiumOk) return { status: 'FAIL', note: 'not run: Chromium unavailable', broken: true };
      const config = join(ROOT, 'web-test-runner.config.mjs');
      const outcome = await testCommand(
        env,
        'unit',
        [bin('web-test-runner'), '--config', config, '--static-logging'],
        15 * MINUTE,
      );
      return withNote(outcome, note);
    },
  },
  {
    name: 'node',
    title:
      'Node tests (mocha: machine, runtime, link, sync, backend, server, simulator, reliability, messages, redis)',
    async run({ env }) {
      const { files, note } = collect(suites.NODE_TEST_DIRS, nodeOnly);
      if (files.length === 0) return { status: 'SKIP', note };
      const outcome = await testCommand(env, 'node', mocha(join(ROOT, '.mocharc.cjs')), 10 * MINUTE);
      return withNote(outcome, note);
    },
  },
  {
    name: 'build',
    title: 'Build (vite build, tsc -p tsconfig.build.json, cem analyze)',
    run: ({ env }) =>
      commands(env, [
        [bin('vite'), 'build'],
        [bin('tsc'), '-p', 'tsconfig.build.json'],
        [bin('cem'), 'analyze'],
      ]),
  },
  {
    name: 'size',
    title: 'Size budget',
    async run({ env }) {
      const outcome = await commands(env, [[process.execPath, join(ROOT, 'scripts', 'size-check.mjs')]]);
      // Not a count: the script's own first line, shown in the summary.
      return withNote(outcome, /([\d.]+ KB gzip)/.exec(outcome.output)?.[1] ?? '');
    },
  },
  {
    name: 'e2e',
    title: 'End-to-end tests (mocha + playwright-core, one file after another)',
    browser: true,
    async run({ env, chromiumOk }) {
      const { files, note } = collect(suites.E2E_TEST_DIRS, nodeOnly);
      if (files.length === 0) return { status: 'SKIP', note };
      if (!chromiumOk) return { status: 'FAIL', note: 'not run: Chromium unavailable', broken: true };
      // Timeouts per test and hook are in .mocharc.e2e.cjs; this one bounds the whole step.
      return testCommand(env, 'e2e', mocha(join(ROOT, '.mocharc.e2e.cjs')), 20 * MINUTE);
    },
  },
];

function withNote(outcome, note) {
  return note ? { ...outcome, note: [outcome.note, note].filter(Boolean).join('; ') } : outcome;
}

/** mocha with a config, its spec files from that config, and the counting reporter. */
const mocha = (config) => [bin('mocha'), '--config', config, '--reporter', MOCHA_COUNTS_REPORTER];

/**
 * Runs a test runner with TEST_COUNTS_FILE set to a fresh file and takes the step's counts from it: PASS when
 * the runner exited 0 and counted no failure; FAIL otherwise, with a note (and `broken`) when it wrote none.
 * @param {NodeJS.ProcessEnv} env
 * @param {string} step
 * @param {string[]} command
 * @param {number} timeoutMs
 * @returns {Promise<Outcome>}
 */
async function testCommand(env, step, command, timeoutMs) {
  const file = newCountsFile(step);
  const outcome = await commands({ ...env, TEST_COUNTS_FILE: file }, [command], { timeoutMs });
  const read = readCounts(file);
  if ('missing' in read) {
    return { status: 'FAIL', note: [outcome.note, read.missing].filter(Boolean).join('; '), broken: true };
  }
  const { counts } = read;
  return {
    status: outcome.status === 'PASS' && counts.failed === 0 ? 'PASS' : 'FAIL',
    counts,
    note: outcome.note,
  };
}

// ── running child processes ──────────────────────────────────────────────────────────────────────────────────
/** @type {import('node:child_process').ChildProcess | undefined} */
let current;

/**
 * Run commands one after another (all of them, even after a failure), streaming their output. PASS when every
 * command exited 0. `output` is what they printed (the size step shows one line of it; counts never come
 * from it).
 * @param {NodeJS.ProcessEnv} env
 * @param {string[][]} list
 * @param {{ timeoutMs?: number }} [options]
 * @returns {Promise<Outcome & { output: string }>}
 */
async function commands(env, list, { timeoutMs = 10 * MINUTE } = {}) {
  const failures = [];
  let output = '';
  for (const [command, ...args] of list) {
    const name =
      command === process.execPath ? 'node' : relative(join(ROOT, 'node_modules', '.bin'), command);
    const shown = [name, ...args.map((a) => (a.startsWith(ROOT) ? relative(ROOT, a) : a))].join(' ');
    console.log(`$ ${shown}`);
    const result = await runOne(env, command, args, timeoutMs);
    output += result.output;
    if (result.error) failures.push(`${shown.split(' ')[0]}: ${result.error}`);
  }
  return { status: failures.length === 0 ? 'PASS' : 'FAIL', note: failures.join('; ') || undefined, output };
}

/** @returns {Promise<{ output: string, error?: string }>} */
function runOne(env, command, args, timeoutMs) {
  return new Promise((resolve) => {
    let output = '';
    let timedOut = false;
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    current = child;
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      process.stderr.write(chunk);
      output += chunk;
    });
    const timer = setTimeout(() => {
      timedOut = true;
      console.error(`\n!! timed out after ${timeoutMs / 1000} s; stopping it`);
      killGroup(child, 'SIGTERM');
      setTimeout(() => killGroup(child, 'SIGKILL'), 5_000).unref();
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      current = undefined;
      resolve({ output, error: error.message });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      current = undefined;
      // Reap anything the tool left behind in its process group (browsers, servers).
      killGroup(child, 'SIGKILL');
      if (timedOut) resolve({ output, error: `timed out after ${timeoutMs / 1000} s` });
      else if (code !== 0) resolve({ output, error: signal ? `killed by ${signal}` : `exit ${code}` });
      else resolve({ output });
    });
  });
}

function killGroup(child, signal) {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (current) killGroup(current, 'SIGKILL');
    process.exit(130);
  });
}

// ── main ─────────────────────────────────────────────────────────────────────────────────────────────────────
function selectSteps(argv) {
  const names = STEPS.map((s) => s.name);
  const listArg = (flag) => {
    const arg = argv.find((a) => a.startsWith(`--${flag}=`));
    if (!arg) return undefined;
    const list = arg
      .slice(flag.length + 3)
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const unknown = list.filter((n) => !names.includes(n));
    if (unknown.length > 0) {
      console.error(`Unknown step(s) ${unknown.join(', ')}; steps are: ${names.join(', ')}`);
      process.exit(2);
    }
    return list;
  };
  const stray = argv.filter((a) => !/^--(only|skip)=/.test(a));
  if (stray.length > 0) {
    console.error(
      `Unknown argument(s) ${stray.join(' ')}; use --only=a,b or --skip=a,b with steps ${names.join(', ')}`,
    );
    process.exit(2);
  }
  const only = listArg('only');
  const skip = listArg('skip') ?? [];
  let selected = STEPS.filter((s) => (only ? only.includes(s.name) : true) && !skip.includes(s.name));
  const needs = (/** @type {string} */ name, /** @type {(s: Step) => boolean} */ wants) => {
    const step = STEPS.find((s) => s.name === name);
    if (step && selected.some(wants) && !selected.includes(step)) selected = [step, ...selected];
  };
  needs('redis', (s) => s.name === 'node' || s.name === 'e2e');
  needs('chromium', (s) => Boolean(s.browser));
  return selected;
}

const fmtCounts = (c) =>
  c ? `${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}` : '';

async function main() {
  const steps = selectSteps(process.argv.slice(2));
  // Children write to pipes, not a terminal: ask for colour only when our own output is a terminal.
  const env = { ...process.env };
  if (process.stdout.isTTY) env.FORCE_COLOR ??= '1';
  else if (env.FORCE_COLOR === undefined) env.NO_COLOR = '1';
  /** @type {{ step: Step, outcome: Outcome, seconds: number }[]} */
  const results = [];
  let chromiumOk = true;

  for (const step of steps) {
    console.log(
      `\n━━ ${step.name}: ${step.title} ${'━'.repeat(Math.max(3, 100 - step.title.length - step.name.length))}`,
    );
    const started = performance.now();
    /** @type {Outcome} */
    let outcome;
    try {
      outcome = await step.run({ env, chromiumOk });
    } catch (error) {
      outcome = { status: 'FAIL', note: error instanceof Error ? error.message : String(error) };
      console.error(outcome.note);
    }
    if (step.name === 'chromium' && outcome.status !== 'PASS') chromiumOk = false;
    const seconds = (performance.now() - started) / 1000;
    results.push({ step, outcome, seconds });
    const detail = [fmtCounts(outcome.counts), outcome.note].filter(Boolean).join('; ');
    console.log(
      `━━ ${step.name}: ${outcome.status} in ${seconds.toFixed(1)} s${detail ? ` (${detail})` : ''}`,
    );
  }

  const rows = results.map(({ step, outcome, seconds }) => [
    step.name,
    outcome.status,
    `${seconds.toFixed(1)}s`,
    [fmtCounts(outcome.counts), outcome.note].filter(Boolean).join('; '),
  ]);
  const header = ['step', 'status', 'time', 'details'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) =>
    cells
      .map((c, i) => (i === 2 ? c.padStart(widths[i]) : i === cells.length - 1 ? c : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  console.log('\n━━ Summary ' + '━'.repeat(60));
  console.log(line(header));
  console.log(line(widths.map((w) => '─'.repeat(w))));
  for (const row of rows) console.log(line(row));

  const failed = results.filter((r) => r.outcome.status === 'FAIL').map((r) => r.step.name);
  const total = results.reduce(
    (sum, { outcome: { counts, broken } }) => ({
      passed: sum.passed + (counts?.passed ?? 0),
      failed: sum.failed + (counts?.failed ?? 0) + (broken ? 1 : 0),
      skipped: sum.skipped + (counts?.skipped ?? 0),
    }),
    { passed: 0, failed: 0, skipped: 0 },
  );
  const totalSeconds = results.reduce((s, r) => s + r.seconds, 0);
  console.log(
    failed.length === 0
      ? `\nAll ${results.length} step${results.length === 1 ? '' : 's'} passed in ${totalSeconds.toFixed(1)} s.`
      : `\nFAILED: ${failed.join(', ')} (${results.length} step${results.length === 1 ? '' : 's'}, ${totalSeconds.toFixed(1)} s)`,
  );
  const broken = results.filter((r) => r.outcome.broken).map((r) => r.step.name);
  const extra = [
    total.skipped > 0 ? `${total.skipped} skipped` : '',
    broken.length > 0 ? `no counts from ${broken.join(', ')} (1 failure each)` : '',
  ].filter(Boolean);
  if (extra.length > 0) console.log(`tests: ${extra.join('; ')}`);
  // The very last line, and nothing else on it.
  console.log(`${total.passed} passed, ${total.failed} failed`);
  process.exitCode = failed.length === 0 ? 0 : 1;
}

await main();
