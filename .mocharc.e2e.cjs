// @ts-check
/**
 * mocha for the end-to-end suites: `npx mocha --config .mocharc.e2e.cjs` (npm test's `e2e` step). Chromium
 * (playwright-core) against the demo; mocha runs the files one after another, each test after the last.
 *
 * Timeout per test and per hook: a journey takes up to ~10 s (a fault-matrix case waits up to 25 s for a
 * journey to settle, twice at most), a `before` starts Vite and Chromium or builds the demo; 120 s leaves room
 * for a loaded 2-core machine without letting a hung test stall the run for long.
 */
'use strict';

const base = require('./.mocharc.cjs');
const { E2E_SPEC } = require('./scripts/test-suites.cjs');

module.exports = {
  ...base,
  spec: E2E_SPEC,
  timeout: 120_000,
  slow: 10_000,
};
