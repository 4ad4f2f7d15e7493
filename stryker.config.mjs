// @ts-check
/**
 * StrykerJS mutation testing of the Node-tested code: `npm run test:mutation` (stryker, then
 * scripts/mutation-doc.mjs writes docs/MUTATION.md). Not part of `npm test`.
 *
 * Mutated: src/{machine,runtime,link,sync,backend,server}/**\/*.ts, less the `index.ts` re-export files and the
 * files that hold only types (found below by compiling each file: nothing left but imports and exports means
 * there is nothing to mutate). Tests: the Node unit files of the same folders, run in-process by the mocha runner
 * with perTest coverage; `*.browser.test.ts` files run only in the browser and are left out.
 *
 * The test files are ES modules in TypeScript: each test runner worker is a Node started with `--import tsx`,
 * and without require(esm) so that mocha `import()`s them (see .mocharc.cjs for why). The mocha runner reads
 * only the options below (`no-config`, `no-package`): .mocharc.cjs would add the simulator and reliability
 * suites.
 *
 * No TypeScript checker: none is installed, and a type check per mutant would cost more than the run itself.
 *
 * Run it as `node stryker.config.mjs` (what `npm run test:mutation` does; see the end of this file for why not
 * `stryker run`). About 10-12 minutes on 2 cores, nearly half of it for the ~300 static mutants (each needs a
 * fresh worker and every test) and the ~40 mutants that hang a test until `timeoutMS`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const FOLDERS = ['machine', 'runtime', 'link', 'sync', 'backend', 'server'];
const SOURCES = `src/{${FOLDERS.join(',')}}/**/*.ts`;

/** Every `.ts` file under `dir`, with `/` separators. */
const tsFiles = (dir) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join(dir, name).replaceAll('\\', '/'));

/** Whether a TypeScript file compiles to nothing but imports and re-exports (index.ts files, type-only files). */
function hasNoCode(file) {
  const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
    fileName: file,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  return ts
    .createSourceFile(file, outputText, ts.ScriptTarget.ES2022)
    .statements.every(
      (statement) =>
        ts.isImportDeclaration(statement) ||
        (ts.isExportDeclaration(statement) &&
          (statement.moduleSpecifier !== undefined ||
            (statement.exportClause !== undefined &&
              ts.isNamedExports(statement.exportClause) &&
              statement.exportClause.elements.length === 0))),
    );
}

const noCode = FOLDERS.flatMap((folder) => tsFiles(`src/${folder}`))
  .filter(hasNoCode)
  .sort();

/**
 * A mocha root hook (loaded through `mochaOptions.require`): after each test, forget which test is running.
 * Stryker's perTest coverage charges every mutant executed to the test named last; without this, the code a
 * test file runs in its `before` hooks (starting the reference server and the simulator, building a handler)
 * would be charged to the last test of the previous file, and a mutant there would be tried with that test
 * alone, which never runs those hooks: a false survivor. Code run outside any test counts as static: its
 * mutants are tried with every test.
 */
const FORGET_TEST_AFTER_EACH = `data:text/javascript,${encodeURIComponent(
  'export const mochaHooks = { afterEach() { const stryker = globalThis.__stryker__; ' +
    'if (stryker !== undefined) stryker.currentTestId = undefined; } };',
)}`;

const esmOnly = 'require_module' in process.features ? ['--no-experimental-require-module'] : [];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'mocha',
  plugins: ['@stryker-mutator/mocha-runner'],
  testRunnerNodeArgs: ['--import', 'tsx', ...esmOnly],
  mochaOptions: {
    'no-config': true,
    'no-package': true,
    spec: FOLDERS.map((folder) => `test/${folder}/**/*.test.ts`),
    ignore: ['test/**/*.browser.test.ts'],
    extension: ['ts'],
    ui: 'bdd',
    require: [FORGET_TEST_AFTER_EACH],
  },
  coverageAnalysis: 'perTest',
  mutate: [SOURCES, ...noCode.map((file) => `!${file}`)],
  checkers: [],
  concurrency: 2,
  // A mutant's time limit is timeoutFactor × (its tests' time in the dry run) + timeoutMS.
  timeoutMS: 10_000,
  timeoutFactor: 2,
  reporters: ['html', 'json', 'clear-text', 'progress'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0, reportScoreTable: true },
  // The sandbox needs src/ (tests import the simulator too) and test/; nothing built, no docs or demos.
  ignorePatterns: [
    'dist',
    'coverage',
    'test-results',
    'reports',
    'docs',
    'demo',
    'bench',
    'test/e2e',
    'test/element',
  ],
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};

/*
 * `node stryker.config.mjs [--dryRunOnly]`: runs Stryker with this file's options. StrykerJS 10's CLI refuses
 * Node < 22 (`engines`), though Stryker and its dependencies run on this project's Node 20; its `Stryker` class
 * has no such guard, so it is loaded by path (the package's exports name only the CLI's module). On Node 22+
 * `npx stryker run` does the same.
 */
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const core = new URL('node_modules/@stryker-mutator/core/dist/src/stryker.js', import.meta.url);
  const dryRunOnly = process.argv.includes('--dryRunOnly');
  // No top-level await: Stryker imports this file for its options, which must have finished evaluating.
  import(core.href)
    .then(({ Stryker }) =>
      new Stryker({
        configFile: fileURLToPath(import.meta.url),
        ...(dryRunOnly && { dryRunOnly }),
      }).runMutationTest(),
    )
    .catch((error) => {
      console.error(error);
      process.exitCode = 1;
    });
}
