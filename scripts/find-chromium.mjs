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
import { findOrInstall } from './debian-program.mjs';
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

/**
 * @returns {string} absolute path of a Chromium-family browser
 * @throws {Error} with a one-line message when none can be found or installed
 */
export function findChromium() {
  return findOrInstall({
    what: 'Chromium',
    envVar: 'CHROME_PATH',
    candidates: CANDIDATES,
    aptPackage: 'chromium',
    notFound: NOT_FOUND_MESSAGE,
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    console.log(findChromium());
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
