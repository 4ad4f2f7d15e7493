import type { MessageParams } from '../../machine/index.ts';
import type { CompanyViewStrings } from '../views/company-view-strings.ts';
import type { JourneyViewStrings } from '../views/journey-views.ts';
import type { enExtra } from './en-extra.ts';
import type { FirstScreenStrings } from './en.ts';

/** One entry: a sentence, or a function of the message's parameters. */
export type Text = string | ((params: MessageParams) => string);

/**
 * Every entry of a language. English comes in four parts, each loaded when needed: the first screen's (`en.ts`,
 * always), the journey's views from Link on (`views/journey-views.ts`), errors by code, the name rules and data
 * types (`en-extra.ts`), and the dashboard's (`views/company-view-strings.ts`). Any other language is one file,
 * `lang/<code>.ts`, whose default export is a whole `Catalogue`: the compiler proves nothing is missing.
 */
export type Catalogue = FirstScreenStrings & JourneyViewStrings & typeof enExtra & CompanyViewStrings;

/**
 * The words an element speaks right now: the first screen's always, the rest once loaded (English loads the
 * rest on demand, so every use of a later entry has a fallback).
 */
export type Words = FirstScreenStrings & Partial<Catalogue>;

/** Renders an entry with its parameters. */
export const render = (text: Text, params: MessageParams = {}): string =>
  typeof text === 'string' ? text : text(params);

/** An entry by a key built at run time (a code, a data type), when the words have it. */
export const entry = (t: Words, key: string): Text | undefined =>
  (t as unknown as Record<string, Text | undefined>)[key];
