// @ts-check
/**
 * mocha for the Node suites: `npx mocha` (npm test's `node` step), files from scripts/test-suites.cjs.
 * TypeScript (ESM) loads through tsx: mocha starts a child Node with `--import=tsx`. Spec reporter for humans;
 * scripts/test.mjs adds scripts/reporters/mocha-counts.cjs (spec plus a JSON file of counts).
 * End-to-end suites: .mocharc.e2e.cjs.
 */
'use strict';

const { BROWSER_ONLY, NODE_SPEC } = require('./scripts/test-suites.cjs');

/**
 * Test files must load as ES modules (as `node --test` and the browser load them). On a Node with require(esm)
 * (20.19+ and 22.12+ unflagged) mocha `require()`s each spec file, and tsx then compiles the TypeScript to
 * CommonJS: `import.meta` is faked, and a package imported both ways (vite, say) loads twice, which breaks
 * the demo build in test/e2e/csp.test.ts. Without require(esm) mocha `import()`s the files instead.
 */
const esmOnly = 'require_module' in process.features ? ['no-experimental-require-module'] : [];

module.exports = {
  'node-option': ['import=tsx', ...esmOnly],
  extension: ['ts'],
  spec: NODE_SPEC,
  ignore: [BROWSER_ONLY],
  reporter: 'spec',
  // Per test and per hook; servers start in hooks, and property tests make 10,000 runs.
  timeout: 30_000,
  slow: 1_000,
  // Exit once the tests are done: node-redis can leave a socket of a closed client connected after a
  // subscription, which would hold the process open (the test Redis is killed on exit, see test/redis).
  exit: true,
};
