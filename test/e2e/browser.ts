import { chromium, type Browser } from 'playwright-core';
// @ts-expect-error -- a plain .mjs script without types; it returns the Chromium path or throws one clear line.
import { findChromium } from '../../scripts/find-chromium.mjs';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Debian's Chromium, headless, with the flags these machines need (no sandbox as root, no background network). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: (process.env['CHROME_PATH'] ?? findChromium()) as string,
    headless: true,
    args: [
      ...(isRoot ? ['--no-sandbox'] : []),
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--no-first-run',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
