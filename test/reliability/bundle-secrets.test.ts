/**
 * The platform API key never reaches the browser: the bundle every page loads (`company-onboard.js`) and its
 * lazy chunks, built now from the current source with the repository's own vite.config.ts (into a temporary
 * folder, so `dist/` and a concurrent `npm run build` are left alone), hold no API key used anywhere in the
 * project, in any form, and none of the server or simulator code that handles one. A `dist/` left by an
 * earlier build is scanned too, when there is one.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { DEFAULT_SIMULATOR_API_KEY } from '../../src/simulator/index.ts';
import { API_KEY as TEST_API_KEY } from '../simulator/harness.ts';
import { LOAD_API_KEY } from './load-rig.ts';
import { secretForms } from './rig.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Every API key the project's code, demo, tests and benchmarks use, plus the developer's own if set. */
const KEYS = [
  DEFAULT_SIMULATOR_API_KEY,
  TEST_API_KEY,
  LOAD_API_KEY,
  'demo-api-key', // demo/start-demo.ts
  'e2e-api-key', // test/e2e
  'bench-key', // bench/polling.ts
  'rel-attack-7c1e9b2a-5d43-4f8e-key', // test/reliability/attacks.test.ts
  ...(process.env['CODAT_API_KEY'] ? [process.env['CODAT_API_KEY']] : []),
];

/** Strings only server-side code contains: reading the key, building the auth header, the SDK. */
const SERVER_MARKERS = [
  'CODAT_API_KEY',
  'CODAT_SIMULATOR_API_KEY',
  '@codat/platform',
  'authHeader',
  'Basic ',
];

/** Every file under `dir`, relative, sorted. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

/** Scans the entry, its chunks and their source maps (whose `sourcesContent` is the bundled source). */
async function scanBundle(dir: string): Promise<{ files: string[]; bytes: number }> {
  const files = (await filesUnder(dir)).filter(
    (file) =>
      file === 'company-onboard.js' || file === 'company-onboard.js.map' || file.startsWith('chunks/'),
  );
  assert.ok(files.includes('company-onboard.js'), `no company-onboard.js in ${dir}`);
  assert.ok(
    files.some((file) => /^chunks\/.+\.js$/.test(file)),
    `no lazy chunk in ${dir}: ${files.join(', ')}`,
  );
  let bytes = 0;
  for (const file of files) {
    const text = await readFile(join(dir, file), 'utf8');
    bytes += text.length;
    if (file === 'company-onboard.js') {
      assert.ok(text.includes('company-onboard'), 'the scan reads the real bundle');
    }
    for (const key of KEYS) {
      for (const form of secretForms(key))
        assert.ok(!text.includes(form), `${file} holds ${JSON.stringify(form)}`);
    }
    // Source maps quote the markers' own file names in `sources`; check the code, not the paths.
    const code = file.endsWith('.map')
      ? JSON.stringify((JSON.parse(text) as { sourcesContent?: unknown }).sourcesContent)
      : text;
    for (const marker of SERVER_MARKERS)
      assert.ok(!code.includes(marker), `${file} holds ${JSON.stringify(marker)}`);
    if (file.endsWith('.map')) {
      const sources = (JSON.parse(text) as { sources: string[] }).sources;
      const serverSide = sources.filter((source) => /src\/(server|simulator)\//.test(source));
      assert.deepEqual(serverSide, [], `${file} bundles server code`);
    }
  }
  return { files, bytes };
}

describe('the browser bundle holds no API key', () => {
  it('built now from src with vite.config.ts (into a temporary folder)', async function () {
    this.timeout(120_000);
    const outDir = await mkdtemp(join(tmpdir(), 'company-onboard-bundle-'));
    try {
      await build({
        configFile: join(ROOT, 'vite.config.ts'),
        root: ROOT,
        logLevel: 'silent',
        build: { outDir, emptyOutDir: true },
      });
      const { files, bytes } = await scanBundle(outDir);
      console.log(
        `scanned ${files.join(', ')} (${bytes} characters) for ${KEYS.length} keys in 5 forms each`,
      );
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  });
});
