#!/usr/bin/env node
/**
 * `npm test`: every check, in order, each as a child process with its output streamed and timed.
 *
 *   chromium   find Chromium (CHROME_PATH, usual paths; apt-get install it as root on Debian) → CHROME_PATH
 *   typecheck  tsc --noEmit -p .
 *   lint       eslint . --max-warnings=0
 *   docs       node scripts/reliability-doc.mjs --check (docs/RELIABILITY.md is what the case tables give)
 *   unit       web-test-runner: test/{machine,backend,link,sync,element}/**\/*.test.ts in headless Chromium
 *   node       node:test (tsx): test/{server,simulator,reliability}/**\/*.test.ts
 *   build      vite build, tsc -p tsconfig.build.json, cem analyze
 *   size       scripts/size-check.mjs (gzip budget of dist/company-onboard.js)
 *   e2e        node:test (tsx), one file at a time: test/e2e/**\/*.test.ts
 *
 * A failing step does not stop the run: every step runs, a summary table follows, and the exit code is 1 when
 * any step failed. A test step whose folders hold no *.test.ts yet is SKIPped with a note; a tool that errors is
 * a FAIL. The last line is `tests: N passed, N failed` over all test steps.
 *
 * Options (through npm: `npm test -- --only=lint,unit`):
 *   --only=a,b   run only these steps (chromium is added when unit or e2e is selected)
 *   --skip=a,b   run every step but these
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from './find-chromium.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => join(ROOT, 'node_modules', '.bin', name);
const MINUTE = 60_000;

const BROWSER_TEST_DIRS = ['machine', 'backend', 'link', 'sync', 'element'].map((d) => `test/${d}`);
const NODE_TEST_DIRS = ['test/server', 'test/simulator', 'test/reliability'];
const E2E_TEST_DIRS = ['test/e2e'];

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

/** Files per folder, plus a note naming the folders that have none. */
function collect(dirs) {
  const files = [];
  const empty = [];
  for (const dir of dirs) {
    const found = testFiles(dir);
    if (found.length === 0) empty.push(dir);
    files.push(...found);
  }
  return { files, note: empty.length > 0 ? `no tests in ${empty.join(', ')}` : '' };
}

// ── parsing counts out of tool output ────────────────────────────────────────────────────────────────────────
// eslint-disable-next-line no-control-regex
const stripAnsi = (text) => text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');

/** node:test, spec (`ℹ pass 3`) or tap (`# pass 3`) reporter summary. */
function nodeTestCounts(output) {
  const count = (name) => {
    const matches = [...output.matchAll(new RegExp(`^[ℹ#] ${name} (\\d+)\\s*$`, 'gm'))];
    const last = matches.at(-1);
    return last ? Number(last[1]) : undefined;
  };
  const passed = count('pass');
  const failed = count('fail');
  if (passed === undefined || failed === undefined) return undefined;
  return {
    passed,
    failed: failed + (count('cancelled') ?? 0),
    skipped: (count('skipped') ?? 0) + (count('todo') ?? 0),
  };
}

/** web-test-runner progress line: `Chrome: |███| 2/2 test files | 3 passed, 0 failed[, 1 skipped]`. */
function wtrCounts(output) {
  const last = [...output.matchAll(/(\d+) passed, (\d+) failed(?:, (\d+) skipped)?/g)].at(-1);
  if (!last) return undefined;
  return { passed: Number(last[1]), failed: Number(last[2]), skipped: Number(last[3] ?? 0) };
}

// ── steps ────────────────────────────────────────────────────────────────────────────────────────────────────
/**
 * @typedef {{ passed: number, failed: number, skipped: number }} Counts
 * @typedef {{ status: 'PASS' | 'FAIL' | 'SKIP', note?: string, counts?: Counts }} Outcome
 * @typedef {{ env: NodeJS.ProcessEnv, chromiumOk: boolean }} Context
 * @typedef {{ name: string, title: string, browser?: boolean, run: (ctx: Context) => Promise<Outcome> }} Step
 */

/** @type {Step[]} */
const STEPS = [
  {
    name: 'chromium',
    title: 'Find Chromium',
    async run({ env }) {
      const path = findChromium();
      env.CHROME_PATH = path;
      console.log(path);
      return { status: 'PASS', note: path };
    },
  },
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
      const { files, note } = collect(BROWSER_TEST_DIRS);
      if (files.length === 0) return { status: 'SKIP', note };
      if (!chromiumOk) return { status: 'FAIL', note: 'not run: Chromium unavailable' };
      const config = join(ROOT, 'web-test-runner.config.mjs');
      const outcome = await commands(
        env,
        [[bin('web-test-runner'), '--config', config, '--static-logging']],
        {
          timeoutMs: 15 * MINUTE,
          parse: wtrCounts,
        },
      );
      return withNote(outcome, note);
    },
  },
  {
    name: 'node',
    title: 'Node tests (server, simulator)',
    async run({ env }) {
      const { files, note } = collect(NODE_TEST_DIRS);
      if (files.length === 0) return { status: 'SKIP', note };
      const args = ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-timeout=30000', ...files];
      const outcome = await commands(env, [[process.execPath, ...args]], {
        timeoutMs: 10 * MINUTE,
        parse: nodeTestCounts,
      });
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
      let line = '';
      const outcome = await commands(env, [[process.execPath, join(ROOT, 'scripts', 'size-check.mjs')]], {
        parse: (output) => {
          line = /([\d.]+ KB gzip)/.exec(output)?.[1] ?? '';
          return undefined;
        },
      });
      return withNote(outcome, line);
    },
  },
  {
    name: 'e2e',
    title: 'End-to-end tests (node:test + playwright-core, sequential)',
    browser: true,
    async run({ env, chromiumOk }) {
      const { files, note } = collect(E2E_TEST_DIRS);
      if (files.length === 0) return { status: 'SKIP', note };
      if (!chromiumOk) return { status: 'FAIL', note: 'not run: Chromium unavailable' };
      const args = [
        '--import',
        'tsx',
        '--test',
        '--test-concurrency=1',
        '--test-reporter=spec',
        // Per file on Node 20: the fault matrix (81 cases in Chromium) needs more than two minutes on 2 cores.
        '--test-timeout=300000',
        ...files,
      ];
      return commands(env, [[process.execPath, ...args]], { timeoutMs: 20 * MINUTE, parse: nodeTestCounts });
    },
  },
];

function withNote(outcome, note) {
  return note ? { ...outcome, note: [outcome.note, note].filter(Boolean).join('; ') } : outcome;
}

// ── running child processes ──────────────────────────────────────────────────────────────────────────────────
/** @type {import('node:child_process').ChildProcess | undefined} */
let current;

/**
 * Run commands one after another (all of them, even after a failure), streaming their output.
 * @param {NodeJS.ProcessEnv} env
 * @param {string[][]} list
 * @param {{ timeoutMs?: number, parse?: (output: string) => Counts | undefined }} [options]
 * @returns {Promise<Outcome>}
 */
async function commands(env, list, { timeoutMs = 10 * MINUTE, parse } = {}) {
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
  const counts = parse?.(stripAnsi(output));
  const status = failures.length === 0 && (counts?.failed ?? 0) === 0 ? 'PASS' : 'FAIL';
  return { status, counts, note: failures.join('; ') || undefined };
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
  if (selected.some((s) => s.browser) && !selected.some((s) => s.name === 'chromium')) {
    selected = [STEPS[0], ...selected];
  }
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
    (sum, { outcome: { counts } }) => ({
      passed: sum.passed + (counts?.passed ?? 0),
      failed: sum.failed + (counts?.failed ?? 0),
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
  console.log(`tests: ${fmtCounts(total) || '0 passed, 0 failed'}`);
  process.exitCode = failed.length === 0 ? 0 : 1;
}

await main();
