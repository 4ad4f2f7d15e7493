// @ts-check
/**
 * Which test files run where: the one list behind .mocharc.cjs, .mocharc.e2e.cjs, web-test-runner.config.mjs
 * and scripts/test.mjs (CommonJS so that mocha's .cjs configs can require it).
 *
 *   node  mocha (tsx): test/{machine,runtime,link,sync,backend,server,simulator,reliability}/**\/*.test.ts
 *   e2e   mocha (tsx), one file after another: test/e2e/**\/*.test.ts
 *   unit  web-test-runner in Chromium: test/element/**\/*.test.ts and test/**\/*.browser.test.ts
 *
 * A `*.browser.test.ts` file anywhere runs in the browser only: mocha never loads it.
 */
'use strict';

/** Folders under test/ whose `*.test.ts` run in Node. */
const NODE_DIRS = [
  'machine',
  'runtime',
  'link',
  'sync',
  'backend',
  'server',
  'simulator',
  'reliability',
  'messages',
  'redis',
];
const NODE_TEST_DIRS = NODE_DIRS.map((dir) => `test/${dir}`);
const E2E_TEST_DIRS = ['test/e2e'];
const BROWSER_ONLY = 'test/**/*.browser.test.ts';

module.exports = {
  /** Folders of the Node suites (mocha). */
  NODE_TEST_DIRS,
  NODE_SPEC: [`test/{${NODE_DIRS.join(',')}}/**/*.test.ts`],
  /** Folders of the end-to-end suites (mocha, Chromium through playwright-core). */
  E2E_TEST_DIRS,
  E2E_SPEC: E2E_TEST_DIRS.map((dir) => `${dir}/**/*.test.ts`),
  /** Browser-only test files: web-test-runner runs them, mocha ignores them. */
  BROWSER_ONLY,
  /** Folders whose every test file runs in the browser. */
  BROWSER_TEST_DIRS: ['test/element'],
  BROWSER_SPEC: ['test/element/**/*.test.ts', BROWSER_ONLY],
  /** `name` is a browser-only test file. */
  isBrowserOnly: (/** @type {string} */ name) => name.endsWith('.browser.test.ts'),
};
