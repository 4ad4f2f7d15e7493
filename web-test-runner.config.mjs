// @ts-check
/**
 * web-test-runner: browser unit + component tests in headless Chromium (Debian's, found by find-chromium.mjs).
 *
 * Runs test/{machine,backend,link,sync,element}/**\/*.test.ts. Node-only suites (server, simulator, e2e) run
 * through node:test instead (see scripts/test.mjs).
 * Env: CHROME_PATH (browser), WTR_CONCURRENCY (pages at once; default 1 — focus/a11y tests are reliable only
 * one page at a time, and the machines have 2 cores).
 */
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROMIUM_ARGS, findChromium } from './scripts/find-chromium.mjs';

export const BROWSER_TEST_DIRS = ['machine', 'backend', 'link', 'sync', 'element'];

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  rootDir: fileURLToPath(new URL('.', import.meta.url)),
  files: [`test/{${BROWSER_TEST_DIRS.join(',')}}/**/*.test.ts`],
  nodeResolve: true,
  concurrency: Number(process.env.WTR_CONCURRENCY ?? 1),
  concurrentBrowsers: 1,
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  testsFinishTimeout: 180_000,
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
