/**
 * The README's screenshots: the script that takes them works, and the committed ones cover every state of the
 * gallery in both themes (a new state without its screenshots fails here).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCENE_NAMES } from '../../demo/gallery/scene-names.ts';
import { THEMES, takeScreenshots } from '../../scripts/screenshots.ts';

const COMMITTED = fileURLToPath(new URL('../../docs/screenshots', import.meta.url));
const expected = [
  ...THEMES.flatMap((theme) => SCENE_NAMES.map((scene) => `${scene}-${theme}.png`)),
  ...THEMES.map((theme) => `every-state-${theme}.png`),
];

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG', `${file} is not a PNG`);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('screenshots of every state', () => {
  it('npm run screenshots photographs every state of the gallery in light and dark', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'onboard-shots-'));
    try {
      const files = await takeScreenshots(dir);
      assert.deepEqual(files.map((file) => file.slice(dir.length + 1)).sort(), [...expected].sort());
      for (const file of files) {
        const { width, height } = pngSize(file);
        assert.ok(width >= 300 && height >= 60, `${file} is ${width}×${height}`);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('the README shows them, and every one is committed', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const theme of THEMES) assert.ok(readme.includes(`docs/screenshots/every-state-${theme}.png`));
    assert.deepEqual(
      expected.filter((name) => !existsSync(join(COMMITTED, name))),
      [],
      'run npm run screenshots and commit docs/screenshots',
    );
  });
});
