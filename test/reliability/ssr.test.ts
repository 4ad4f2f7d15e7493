/**
 * SSR safety: every package entry imports in plain Node (no DOM), from source and as built by
 * `tsc -p tsconfig.build.json`. Each import runs in a fresh child process, so nothing this test process
 * loaded (or a global it has) can hide a failure.
 *
 * What "defines itself only where customElements exists" means in Node: Lit's Node build installs the
 * `customElements` of `@lit-labs/ssr-dom-shim` on `globalThis` as Lit loads (for Lit SSR), so after
 * `import 'company-onboard'` in Node the element *is* registered, in that shim registry. No real DOM appears
 * (`window`, `document` stay undefined). Where there is no `customElements` at all, nothing is defined.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, rmdir } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSC = join(ROOT, 'node_modules', '.bin', 'tsc');

/** What a child process saw around one import. */
interface Probe {
  before: Record<string, string>;
  after: Record<string, string>;
  exports: string[];
  /** `customElements.get('company-onboard') === <the entry's CompanyOnboard>`, when both exist. */
  definedAsExport: boolean | null;
  /** `globalThis.customElements` is the registry of `@lit-labs/ssr-dom-shim`. */
  litShim: boolean | null;
  error?: string;
}

const GLOBALS = ['window', 'document', 'customElements', 'HTMLElement', 'navigator.userAgent'];

/** A module script that imports `entries` in order, then prints a {@link Probe} of the last one. */
function probeScript(entries: string[], prelude = ''): string {
  return `
    ${prelude}
    const look = () => Object.fromEntries(${JSON.stringify(GLOBALS)}.map((name) => {
      try { return [name, typeof name.split('.').reduce((o, k) => o?.[k], globalThis)]; }
      catch { return [name, 'throws']; }
    }));
    const before = look();
    let m = {};
    let error;
    try {
      for (const entry of ${JSON.stringify(entries)}) m = await import(entry);
    } catch (e) {
      error = String(e && e.stack || e);
    }
    const registry = globalThis.customElements;
    let litShim = null;
    if (registry !== undefined) {
      const shim = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'node_modules/@lit-labs/ssr-dom-shim/index.js')).href)});
      litShim = registry === shim.customElements;
    }
    const definedAsExport =
      registry === undefined || m.CompanyOnboard === undefined ? null : registry.get('company-onboard') === m.CompanyOnboard;
    console.log('PROBE ' + JSON.stringify({ before, after: look(), exports: Object.keys(m).sort(), definedAsExport, litShim, error }));
  `;
}

async function probe(entries: string[], options: { tsx: boolean; prelude?: string }): Promise<Probe> {
  const args = [
    ...(options.tsx ? ['--import', 'tsx'] : []),
    '--input-type=module',
    '-e',
    probeScript(entries, options.prelude),
  ];
  const env = { ...process.env };
  delete env['NODE_OPTIONS']; // nothing preloaded but what we ask for
  const { stdout } = await run(process.execPath, args, { cwd: ROOT, env, timeout: 20_000 });
  const line = stdout.split('\n').find((l) => l.startsWith('PROBE '));
  assert.ok(line, `no probe output:\n${stdout}`);
  return JSON.parse(line.slice('PROBE '.length)) as Probe;
}

const src = (path: string): string => pathToFileURL(join(ROOT, 'src', path)).href;

/** Each entry and some of what it must export. */
const ENTRIES: [string, string[]][] = [
  ['index', ['CompanyOnboard', 'createFetchBackend', 'parseLinkCallback', 'createJourneyRunner']],
  ['sync/public', ['summarizeDataStatus', 'classifyStatus']],
  ['server/index', ['createOnboardHandler', 'toNodeListener', 'mountAt', 'createMemoryIdempotencyStore']],
  ['simulator/index', ['createSimulator', 'startSimulator', 'SyncScenario']],
  ['link/callback-page', ['completeLinkCallback']],
];

function assertNoDom(probed: Probe, label: string): void {
  assert.equal(probed.error, undefined, `${label} threw:\n${probed.error}`);
  for (const name of ['window', 'document', 'navigator.userAgent']) {
    assert.equal(probed.after[name], 'undefined', `${label} made ${name} appear`);
  }
  assert.equal(probed.before['customElements'], 'undefined', 'plain Node has no customElements');
}

describe('SSR: importing every entry from source in plain Node', () => {
  for (const [entry, names] of ENTRIES) {
    it(`src/${entry}.ts imports without a DOM and exports ${names.join(', ')}`, async () => {
      const probed = await probe([src(`${entry}.ts`)], { tsx: true });
      assertNoDom(probed, entry);
      for (const name of names) assert.ok(probed.exports.includes(name), `${entry} exports ${name}`);
      if (entry === 'index') {
        // Lit's Node build brought the SSR shim registry; the element registered there, nowhere else.
        assert.equal(probed.litShim, true, 'customElements is the @lit-labs/ssr-dom-shim registry');
        assert.equal(probed.definedAsExport, true);
      } else {
        assert.equal(probed.after['customElements'], 'undefined', `${entry} loads no Lit`);
      }
    });
  }

  it('where there is no customElements at all, importing defines nothing and still exports the class', async () => {
    // A global that stays undefined even when Lit tries to install its shim (`customElements ??= shim`).
    const prelude = `Object.defineProperty(globalThis, 'customElements', { get: () => undefined, set: () => {}, configurable: true });`;
    const probed = await probe([src('index.ts')], { tsx: true, prelude });
    assert.equal(probed.error, undefined, probed.error);
    assert.equal(probed.after['customElements'], 'undefined');
    assert.equal(probed.definedAsExport, null, 'nothing to define it in, and no attempt that threw');
    assert.ok(probed.exports.includes('CompanyOnboard'));
  });
});

describe('SSR: importing the built library (tsc -p tsconfig.build.json) in plain Node, without tsx', () => {
  // Inside the repository so that the build's bare imports (lit, zod, @codat/platform) resolve.
  const outDir = join(ROOT, 'node_modules', '.cache', 'company-onboard-reliability', `lib-${process.pid}`);
  const built = (path: string): string => pathToFileURL(join(outDir, path)).href;

  before(async function () {
    this.timeout(130_000);
    await mkdir(outDir, { recursive: true });
    await run(
      TSC,
      [
        '-p',
        join(ROOT, 'tsconfig.build.json'),
        '--outDir',
        outDir,
        '--declaration',
        'false',
        '--declarationMap',
        'false',
        '--sourceMap',
        'false',
      ],
      { cwd: ROOT, timeout: 120_000 },
    );
  });
  after(async () => {
    await rm(outDir, { recursive: true, force: true });
    await rmdir(dirname(outDir)).catch(() => undefined); // only if no other run is using it
  });

  it('every Node-facing target of package.json "exports" under dist/lib/ is emitted', async () => {
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
      exports: Record<string, string | Record<string, string>>;
    };
    const targets: string[] = [];
    for (const target of Object.values(pkg.exports)) {
      const conditions = typeof target === 'string' ? { default: target } : target;
      for (const [condition, path] of Object.entries(conditions)) {
        if (condition !== 'types' && path.startsWith('./dist/lib/'))
          targets.push(relative('./dist/lib', path));
      }
    }
    assert.ok(targets.length >= 4, targets.join(', '));
    for (const target of targets) assert.ok(existsSync(join(outDir, target)), `missing ${target}`);
  });

  for (const [entry, names] of ENTRIES) {
    it(`dist/lib/${entry}.js imports without a DOM`, async () => {
      const probed = await probe([built(`${entry}.js`)], { tsx: false });
      assertNoDom(probed, entry);
      for (const name of names) assert.ok(probed.exports.includes(name), `${entry} exports ${name}`);
    });
  }

  it('a second copy of the element (source and built) in one process does not throw: the first wins', async () => {
    const probed = await probe([src('index.ts'), built('index.js')], { tsx: true });
    assert.equal(probed.error, undefined, probed.error);
    assert.equal(probed.litShim, true);
    // The registry holds the first copy's class, not the second's.
    assert.equal(probed.definedAsExport, false);
  });
});
