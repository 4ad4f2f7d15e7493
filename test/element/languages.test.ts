import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { NetworkError } from '../../src/backend/index.ts';
import type { CompanyOnboard } from '../../src/index.ts';
import de from '../../src/element/messages/lang/de.ts';
import es from '../../src/element/messages/lang/es.ts';
import fr from '../../src/element/messages/lang/fr.ts';
import { SCENES } from '../../demo/gallery/scenes.ts';
import { FakeBackend } from './fake-backend.ts';
import { OnboardHarness } from './harness.ts';

const scene = (name: string) => {
  const found = SCENES.find((s) => s.name === name);
  if (found === undefined) throw new Error(`no scene ${name}`);
  return found;
};

/** The element inside `markup` (a fixture whose innermost element is a `<company-onboard>`). */
async function within(markup: ReturnType<typeof html>, backend = new FakeBackend()): Promise<OnboardHarness> {
  const host = await fixture<HTMLElement>(markup);
  const element = (
    host.localName === 'company-onboard' ? host : host.querySelector('company-onboard')
  ) as CompanyOnboard;
  element.backend = backend;
  await element.updateComplete;
  return new OnboardHarness(element, backend);
}

const label = (h: OnboardHarness): string => h.root.querySelector('label')?.textContent?.trim() ?? '';

describe('<company-onboard>: every word in the user’s language', () => {
  it('speaks the language of its own lang attribute', async () => {
    const h = await within(html`<company-onboard lang="de-CH"></company-onboard>`);
    expect(label(h)).to.equal(de.nameLabel);
    expect(h.button(de.createButton)).to.exist;
  });

  it('else the nearest ancestor’s, across shadow roots', async () => {
    const h = await within(
      html`<section lang="fr">
        <div><company-onboard></company-onboard></div>
      </section>`,
    );
    expect(label(h)).to.equal(fr.nameLabel);

    const host = await fixture<HTMLElement>(html`<div lang="es"></div>`);
    const shadow = host.attachShadow({ mode: 'open' });
    const inner = document.createElement('company-onboard');
    inner.backend = new FakeBackend();
    shadow.append(inner);
    await inner.updateComplete;
    expect(inner.shadowRoot?.querySelector('label')?.textContent?.trim()).to.equal(es.nameLabel);
  });

  it('else the browser’s, following a change of it', async () => {
    const root = document.documentElement;
    const pageLang = root.getAttribute('lang');
    root.removeAttribute('lang');
    const own = Object.getOwnPropertyDescriptor(navigator, 'language');
    try {
      Object.defineProperty(navigator, 'language', { value: 'es-MX', configurable: true });
      const h = await within(html`<company-onboard></company-onboard>`);
      expect(label(h)).to.equal(es.nameLabel);
      Object.defineProperty(navigator, 'language', { value: 'fr-CA', configurable: true });
      window.dispatchEvent(new Event('languagechange'));
      await h.element.updateComplete;
      expect(label(h)).to.equal(fr.nameLabel);
    } finally {
      if (own === undefined) delete (navigator as { language?: string }).language;
      else Object.defineProperty(navigator, 'language', own);
      if (pageLang !== null) root.setAttribute('lang', pageLang);
    }
  });

  it('switches language when a lang changes, keeping what the user typed', async () => {
    const h = await within(html`<div lang="en"><company-onboard></company-onboard></div>`);
    await h.type('Acme Trading');
    (h.element.parentElement as HTMLElement).lang = 'de';
    await waitUntil(() => label(h) === de.nameLabel, 'still not German');
    expect(h.input?.value).to.equal('Acme Trading');
    h.element.lang = 'fr';
    await waitUntil(() => label(h) === fr.nameLabel, 'its own lang did not win');
  });

  it('a language we do not ship is spoken in English, dates and times included', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const element = await scene('dashboard').setUp(host, { lang: 'pt-BR', theme: 'light' });
    const text = element.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(text).to.contain('Your connections');
    expect(text).to.contain('Last synced 2 hours ago');
  });

  it('dates, times and data types in the language of the words', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const element = await scene('dashboard').setUp(host, { lang: 'de', theme: 'light' });
    const text = element.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(text).to.contain(de.lastSync('vor 2 Stunden'));
    expect(text).to.contain(de['type.invoices']);
    expect(text).to.contain(de['type.chartOfAccounts']);
    expect(text).not.to.match(/invoices|chartOfAccounts/);
  });

  it('errors are told in the language, in the alert and in onboard-error', async () => {
    const backend = new FakeBackend();
    backend.created = [new NetworkError()];
    const h = await within(html`<company-onboard lang="de"></company-onboard>`, backend);
    await h.type('Acme');
    await h.submit();
    await h.until('error');
    expect(h.alert()).to.equal(`${de['heading.network-error']} ${de['error.network-error']}`);
    expect(h.events.find((e) => e.type === 'onboard-error')?.detail).to.include({
      code: 'network-error',
      message: de['error.network-error'],
    });
  });

  it('`strings` overrides any entry, in whichever language is spoken', async () => {
    const h = await within(html`<company-onboard lang="de"></company-onboard>`);
    h.element.strings = { createButton: 'Weiter zur Prüfung' };
    await h.element.updateComplete;
    expect(h.button('Weiter zur Prüfung')).to.exist;
    expect(label(h)).to.equal(de.nameLabel);
  });

  it('the name rules complain in the language', async () => {
    const h = await within(html`<company-onboard lang="fr"></company-onboard>`);
    await h.type('A'.repeat(101));
    await h.submit();
    await waitUntil(() => h.alert() !== null, 'no complaint');
    expect(h.alert()).to.equal(fr['name.too-long'](100));
  });
});
