import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/find-chromium.mjs';

/** Debian's Chromium, headless, with the flags these machines need. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROME_PATH'] ?? findChromium(),
    headless: true,
    args: [...CHROMIUM_ARGS],
  });
}
