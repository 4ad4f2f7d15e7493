/**
 * How the widget looks, in Chromium on the demo's gallery (every state, `gallery.html`): themes, forced
 * colours, the focus ring, the busy indicator and disabled controls.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { useDemo } from './demo-fixture.ts';

/** WCAG's relative luminance of a computed `rgb(…)` colour. */
function luminance(color: string): number {
  const [r = 0, g = 0, b = 0] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((value) => {
    const c = Number(value) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG's contrast ratio of two colours, 1 to 21. */
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Opens the gallery with every scene set up. */
async function gallery(page: Page, base: string, query = ''): Promise<void> {
  await page.goto(new URL(`gallery.html${query}`, base).href);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
}

/** Every button and field of every card, with the border the browser paints for it. */
function paintedControls(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('figure')].flatMap((figure) =>
      [
        ...(figure
          .querySelector('company-onboard')
          ?.shadowRoot?.querySelectorAll<HTMLElement>('button, input') ?? []),
      ].map((control) => {
        const style = getComputedStyle(control);
        return {
          scene: figure.dataset['scene'] ?? '',
          control: control.textContent?.trim() || control.localName,
          border: `${style.borderTopStyle} ${style.borderTopWidth} ${style.borderTopColor}`,
          visibleBorder:
            style.borderTopStyle !== 'none' &&
            parseFloat(style.borderTopWidth) >= 1 &&
            !/rgba\(\d+, \d+, \d+, 0\)|transparent/.test(style.borderTopColor),
        };
      }),
    ),
  );
}

describe('the look, in Chromium on the demo’s gallery of every state', () => {
  const fx = useDemo();

  for (const theme of ['light', 'dark'] as const) {
    it(`${theme} theme: the focus ring of every control stands out at least 3:1 against the card`, async () => {
      const page = await fx.context.newPage();
      await gallery(page, fx.demo.url, `?theme=${theme}`);
      // The ring is the :focus-visible outline: focus each control from the keyboard, as a user would.
      const rings: { control: string; contrast: number; width: number }[] = [];
      for (let i = 0; i < 60; i += 1) {
        await page.keyboard.press('Tab');
        // Colours only: the contrast is worked out here (functions defined in the page would need the bundler's helpers).
        const ring = await page.evaluate(() => {
          let active: Element | null = document.activeElement;
          let host: Element | null = null;
          while (active?.shadowRoot?.activeElement) {
            host = active;
            active = active.shadowRoot.activeElement;
          }
          if (host === null || active === null || !active.matches(':focus-visible')) return null;
          const style = getComputedStyle(active);
          return {
            control: active.textContent?.trim() || active.localName,
            outline: style.outlineColor,
            card: getComputedStyle(host).backgroundColor,
            width: parseFloat(style.outlineWidth),
          };
        });
        if (ring !== null) {
          rings.push({
            control: ring.control,
            contrast: contrast(ring.outline, ring.card),
            width: ring.width,
          });
        }
      }
      assert.ok(rings.length >= 10, `only ${rings.length} controls took focus`);
      const weak = rings.filter((ring) => ring.contrast < 3 || ring.width < 2);
      assert.deepEqual(weak, [], 'rings under 3:1 or thinner than 2px');
      await page.close();
    });
  }

  it('dark theme: the card is dark with light text; `auto` follows the system, `light` stays light', async () => {
    const page = await fx.context.newPage();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(fx.demo.url);
    const colours = () =>
      page.locator('company-onboard').evaluate((host) => {
        const style = getComputedStyle(host);
        return { background: style.backgroundColor, color: style.color };
      });
    const auto = await colours();
    assert.equal(auto.background, 'rgb(26, 29, 36)');
    assert.equal(auto.color, 'rgb(236, 238, 243)');
    await page.getByLabel('Theme').selectOption('light');
    assert.equal((await colours()).background, 'rgb(255, 255, 255)');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.getByLabel('Theme').selectOption('dark');
    assert.equal((await colours()).background, 'rgb(26, 29, 36)');
    await page.close();
  });

  it('forced colours: every button and field keeps a visible border', async () => {
    const page = await fx.context.newPage();
    await page.emulateMedia({ forcedColors: 'active' });
    await gallery(page, fx.demo.url);
    const controls = await paintedControls(page);
    assert.ok(controls.length >= 15, `only ${controls.length} controls`);
    assert.deepEqual(
      controls.filter((c) => !c.visibleBorder).map((c) => `${c.scene}: ${c.control} (${c.border})`),
      [],
    );
    await page.close();
  });

  it('waiting: the busy indicator turns, but not under prefers-reduced-motion; a disabled button looks disabled', async () => {
    const page = await fx.context.newPage();
    await gallery(page, fx.demo.url);
    const creating = page.locator('figure[data-scene="creating"] company-onboard');
    const spinner = () =>
      creating.evaluate((host) => {
        const button = host.shadowRoot?.querySelector('button');
        if (!button) return null;
        const style = getComputedStyle(button);
        return {
          disabled: button.disabled,
          opacity: Number(style.opacity),
          cursor: style.cursor,
          animation: getComputedStyle(button, '::before').animationName,
        };
      });
    const moving = await spinner();
    assert.deepEqual(
      { ...moving, opacity: (moving?.opacity ?? 1) < 1 },
      {
        disabled: true,
        opacity: true,
        cursor: 'not-allowed',
        animation: 'spin',
      },
    );
    await page.emulateMedia({ reducedMotion: 'reduce' });
    assert.equal((await spinner())?.animation, 'none');
    await page.close();
  });
});
