/**
 * Every state, in every shipped language and both themes: axe finds nothing, and a card in another language
 * holds no English sentence (one card never mixes two languages).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { SCENES } from '../../demo/gallery/scenes.ts';
import { SHIPPED, english } from './shipped-languages.ts';

/** What the user can read or hear in the element: its text and its accessible names. */
function readable(root: ShadowRoot): string {
  const labels = [...root.querySelectorAll('[aria-label]')].map((node) => node.getAttribute('aria-label'));
  return `${root.textContent ?? ''} ${labels.join(' ')}`.replace(/\s+/g, ' ');
}

/** English words and sentences the language words differently, found whole in `text`. */
function englishIn(text: string, words: Record<string, unknown>): string[] {
  const whole = (value: string): RegExp =>
    new RegExp(`(?<!\\p{L})${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\p{L})`, 'u');
  return Object.entries(english).flatMap(([key, value]) =>
    typeof value === 'string' && words[key] !== value && whole(value).test(text) ? [value] : [],
  );
}

beforeEach(() => sessionStorage.clear());

for (const [lang, words] of Object.entries(SHIPPED)) {
  for (const theme of ['light', 'dark'] as const) {
    describe(`every state in ${lang}, ${theme} theme`, () => {
      for (const scene of SCENES) {
        it(`${scene.name}: axe finds nothing${lang === 'en' ? '' : ', and no English shows'}`, async () => {
          const host = await fixture<HTMLDivElement>(html`<div></div>`);
          const element = await scene.setUp(host, { lang, theme });
          try {
            expect(element.state).to.equal(scene.state);
            await expect(element).to.be.accessible();
            const text = readable(element.shadowRoot as ShadowRoot);
            expect(text.trim()).not.to.equal('');
            if (lang !== 'en') expect(englishIn(text, words)).to.deep.equal([]);
          } finally {
            element.remove();
          }
        });
      }
    });
  }
}
