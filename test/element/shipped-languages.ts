/** Every language the element ships, by code, with all its words (English's four parts joined). */
import { enExtra } from '../../src/element/messages/en-extra.ts';
import { en } from '../../src/element/messages/en.ts';
import de from '../../src/element/messages/lang/de.ts';
import es from '../../src/element/messages/lang/es.ts';
import fr from '../../src/element/messages/lang/fr.ts';
import { companyViewStrings } from '../../src/element/views/company-view-strings.ts';
import { journeyViewStrings } from '../../src/element/views/journey-views.ts';

export const english: Record<string, unknown> = {
  ...en,
  ...journeyViewStrings,
  ...enExtra,
  ...companyViewStrings,
};

/** Add a new `lang/<code>.ts` here too: a Node test fails until every file of `lang/` is listed. */
export const SHIPPED: Readonly<Record<string, Record<string, unknown>>> = { en: english, de, fr, es };
