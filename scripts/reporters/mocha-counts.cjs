// @ts-check
/**
 * mocha reporter: mocha's spec reporter, and at the end of the run `{ passed, failed, skipped }` as JSON in the
 * file named by TEST_COUNTS_FILE (nothing is written when it is unset). scripts/test.mjs reads its counts from
 * there, never from the human output.
 *
 *   npx mocha --reporter ./scripts/reporters/mocha-counts.cjs
 *
 * `failed` is mocha's failure count: failed tests and failed hooks (a failed `before` skips its suite's tests
 * without running them, and counts once). `skipped` is mocha's pending count (`it.skip`, `this.skip()`).
 */
'use strict';

const { writeFileSync } = require('node:fs');
const Mocha = require('mocha');

const { EVENT_RUN_END } = Mocha.Runner.constants;

class MochaCounts extends Mocha.reporters.Spec {
  /**
   * @param {Mocha.Runner} runner
   * @param {Mocha.MochaOptions} [options]
   */
  constructor(runner, options) {
    super(runner, options);
    runner.once(EVENT_RUN_END, () => {
      const file = process.env.TEST_COUNTS_FILE;
      if (!file) return;
      const { passes, failures, pending } = this.stats;
      writeFileSync(file, `${JSON.stringify({ passed: passes, failed: failures, skipped: pending })}\n`);
    });
  }
}

module.exports = MochaCounts;
