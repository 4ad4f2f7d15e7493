import type { Catalogue } from './catalogue.ts';

/**
 * The language tag asked for: the element's `lang`, else the nearest ancestor's (across shadow roots), else the
 * browser's. An empty `lang=""` means "unknown" in HTML, so it is passed over.
 */
export function requestedLanguage(element: Element): string {
  for (let node: Element | null = element; node !== null;) {
    const lang = node.getAttribute('lang');
    if (lang) return lang;
    node = node.parentElement ?? ((node.getRootNode() as Partial<ShadowRoot>).host || null);
  }
  return navigator.language || 'en';
}

/** The catalogue file a tag needs: its primary subtag, `en` for anything malformed. */
export const languageOf = (tag: string): string => {
  const primary = tag.split(/[-_]/)[0]?.toLowerCase() ?? '';
  return /^[a-z]{2,3}$/.test(primary) ? primary : 'en';
};

/**
 * The entries a language adds to the first screen's English: for English, the rest of English; for another
 * language, all of it (`lang/<code>.ts`, each its own chunk). Rejects for a language we do not ship.
 */
export const loadLanguage = async (language: string): Promise<Partial<Catalogue>> =>
  language === 'en'
    ? (await import('./en-extra.ts')).default
    : ((await import(`./lang/${language}.ts`)) as { default: Catalogue }).default;

/** A tag `Intl` accepts, for dates and times in the language the words are in; `en` when it accepts none. */
export function intlLocale(tag: string): string {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? 'en';
  } catch {
    return 'en';
  }
}
