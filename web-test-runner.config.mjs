// @ts-check
/**
 * web-test-runner: browser unit + component tests in headless Chromium (Debian's, found by find-chromium.mjs).
 *
 * Runs test/element/**\/*.test.ts and test/**\/*.browser.test.ts (scripts/test-suites.cjs). Everything else
 * runs in Node on mocha (see .mocharc.cjs and scripts/test.mjs).
 * Env: CHROME_PATH (browser), WTR_CONCURRENCY (pages at once; default 1 — focus/a11y tests are reliable only
 * one page at a time, and the machines have 2 cores), TEST_COUNTS_FILE (where {@link countsReporter} writes).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROMIUM_ARGS, findChromium } from './scripts/find-chromium.mjs';
import suites from './scripts/test-suites.cjs';

/**
 * @typedef {{ passed: number, failed: number, skipped: number }} Counts
 * @typedef {import('@web/test-runner').TestSuiteResult} TestSuiteResult
 */

/** Adds the tests of `suite` and of every suite inside it to `counts`. */
function countSuite(/** @type {TestSuiteResult} */ suite, /** @type {Counts} */ counts) {
  for (const test of suite.tests) {
    if (test.skipped) counts.skipped += 1;
    else if (test.passed) counts.passed += 1;
    else counts.failed += 1;
  }
  for (const inner of suite.suites) countSuite(inner, counts);
}

/**
 * Beside the default reporter: when a test run finishes, `{ passed, failed, skipped }` as JSON in the file named
 * by TEST_COUNTS_FILE (nothing is written when it is unset), counted over every session's tests. A session
 * (one test file in one browser) with an error of its own (it did not load, an error outside any test, a
 * timeout) or that failed without a failed test counts as one more failure. scripts/test.mjs reads this file.
 * @returns {import('@web/test-runner').Reporter}
 */
function countsReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const file = process.env.TEST_COUNTS_FILE;
      if (!file) return;
      /** @type {Counts} */
      const counts = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        const failedBefore = counts.failed;
        if (session.testResults) countSuite(session.testResults, counts);
        const failedTests = counts.failed - failedBefore;
        if (session.errors.length > 0 || (session.passed !== true && failedTests === 0)) counts.failed += 1;
      }
      writeFileSync(file, `${JSON.stringify(counts)}\n`);
    },
  };
}

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  rootDir: fileURLToPath(new URL('.', import.meta.url)),
  files: suites.BROWSER_SPEC,
  nodeResolve: true,
  concurrency: Number(process.env.WTR_CONCURRENCY ?? 1),
  concurrentBrowsers: 1,
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  testsFinishTimeout: 180_000,
  reporters: [defaultReporter(), countsReporter()],
  filterBrowserLogs: ({ args }) => !(typeof args[0] === 'string' && args[0].startsWith('Lit is in dev mode')),
  testFramework: {
    config: { ui: 'bdd', timeout: 10_000 },
  },
  plugins: [
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./tsconfig.wtr.json', import.meta.url)),
    }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: findChromium(),
        headless: true,
        args: [...CHROMIUM_ARGS],
      },
    }),
  ],
};
