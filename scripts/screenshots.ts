/**
 * `npm run screenshots`: photographs every state of `<company-onboard>` in the light and the dark theme, from the
 * demo's gallery (`demo/gallery.html`, the scenes in `demo/gallery/scenes.ts`), into docs/screenshots:
 * `<scene>-<theme>.png` for each card and `every-state-<theme>.png` for the whole sheet (the README shows these).
 * Runs the demo on a free port and Debian's Chromium headless.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDemo } from '../demo/start-demo.ts';
import { SCENE_NAMES } from '../demo/gallery/scene-names.ts';
import { launchChromium } from '../test/e2e/browser.ts';

export const THEMES = ['light', 'dark'] as const;

/** Takes every screenshot into `dir`; resolves with the files written. */
export async function takeScreenshots(dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const demo = await startDemo({ port: 0 });
  const browser = await launchChromium();
  const written: string[] = [];
  try {
    for (const theme of THEMES) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
      // The system's scheme too, so the page around the cards matches the theme.
      await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
      await page.goto(new URL(`gallery.html?theme=${theme}`, demo.url).href);
      await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
      for (const scene of SCENE_NAMES) {
        const file = join(dir, `${scene}-${theme}.png`);
        await page.locator(`figure[data-scene="${scene}"] company-onboard`).screenshot({ path: file });
        written.push(file);
      }
      const sheet = join(dir, `every-state-${theme}.png`);
      await page.locator('#scenes').screenshot({ path: sheet });
      written.push(sheet);
      await page.close();
    }
  } finally {
    await browser.close();
    await demo.close();
  }
  return written;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = fileURLToPath(new URL('../docs/screenshots', import.meta.url));
  const files = await takeScreenshots(dir);
  console.log(`${files.length} screenshots in docs/screenshots`);
}
