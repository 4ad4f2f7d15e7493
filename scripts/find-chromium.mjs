#!/usr/bin/env node
/**
 * Locate a Chromium/Chrome binary for web-test-runner and the e2e tests.
 *
 * Order: $CHROME_PATH, /usr/bin/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome(-stable).
 * When none is found and we run as root on Debian (apt-get exists), install Debian's `chromium` package
 * (one line is printed, the install takes ~45 s). Otherwise throw one clear line.
 *
 * CLI: `node scripts/find-chromium.mjs` prints the path (installing if needed) or exits 1 with the message.
 */
import { accessSync, constants, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * Flags every headless Chromium of ours needs on these machines: no sandbox as root, and no background
 * networking (the closed network refuses it, noisily). Shared by web-test-runner and the e2e tests.
 */
export const CHROMIUM_ARGS = [
  ...(isRoot ? ['--no-sandbox'] : []),
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const NOT_FOUND_MESSAGE =
  'Chromium not found: install it (Debian: apt-get install chromium) or set CHROME_PATH';

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function findExisting() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv;
    throw new Error(`CHROME_PATH is set to ${fromEnv}, which is not an executable file`);
  }
  return CANDIDATES.find(isExecutable);
}

function canAptInstall() {
  return typeof process.getuid === 'function' && process.getuid() === 0 && existsSync('/usr/bin/apt-get');
}

function aptInstallChromium() {
  console.error(
    'find-chromium: Chromium not found; installing Debian package "chromium" with apt-get (~1 min)',
  );
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const quiet = { stdio: ['ignore', 'ignore', 'inherit'], env };
  const update = spawnSync('apt-get', ['update', '-qq'], quiet);
  if (update.status !== 0)
    throw new Error(`apt-get update failed (exit ${update.status}). ${NOT_FOUND_MESSAGE}`);
  const install = spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], quiet);
  if (install.status !== 0) {
    throw new Error(`apt-get install chromium failed (exit ${install.status}). ${NOT_FOUND_MESSAGE}`);
  }
}

/**
 * @returns {string} absolute path of a Chromium-family browser
 * @throws {Error} with a one-line message when none can be found or installed
 */
export function findChromium() {
  const found = findExisting();
  if (found) return found;
  if (!canAptInstall()) throw new Error(NOT_FOUND_MESSAGE);
  aptInstallChromium();
  const installed = CANDIDATES.find(isExecutable);
  if (!installed)
    throw new Error(`apt-get reported success but no Chromium binary appeared. ${NOT_FOUND_MESSAGE}`);
  return installed;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    console.log(findChromium());
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
