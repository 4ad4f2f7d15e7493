/**
 * Company names as Codat stores them, shared by the element (instant feedback) and the reference server.
 *
 * Codat's spec allows only `^[A-Za-z0-9\s\-',&@.,?!\s]+$` (ASCII) and silently strips anything else, so
 * "Café Müller" could become "Caf Mller". We send {@link codatCompanyName} instead ("Cafe Muller") and refuse
 * what no spelling can save ({@link companyNameProblem}). Dependency-free; the element loads it on demand, for a
 * name Codat would change.
 */
import { COMPANY_NAME_MAX_LENGTH } from './name-limit.ts';

export { COMPANY_NAME_MAX_LENGTH };

/** Letters NFKD leaves whole that have a usual ASCII spelling. */
// prettier-ignore
const SPELLED: Readonly<Record<string, string>> = {
  ß: 'ss', ẞ: 'SS', ø: 'o', Ø: 'O', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', đ: 'd', Đ: 'D', ł: 'l', Ł: 'L',
  þ: 'th', Þ: 'Th', ð: 'd', Ð: 'D', ı: 'i', ħ: 'h', Ħ: 'H', ŧ: 't', Ŧ: 'T', ŋ: 'n', Ŋ: 'N', ĸ: 'k', ſ: 's',
  ŀ: 'l', Ŀ: 'L', ƒ: 'f', ɐ: 'a', ə: 'e', Ə: 'E',
};

/** Control, format, line/paragraph separators, private use, lone surrogates and the blank "filler" letters. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cs}\u115F\u1160\u3164\uFFA0\u2800]/gu;
/** Anything but letters, marks, digits, space separators and Codat's punctuation. */
const FORBIDDEN = /[^\p{L}\p{M}\p{N}\p{Zs}\-'&@.,?!]/gu;
/** Every kind of space and line break: each run becomes one ASCII space (format characters are dropped). */
const SPACES = /[\p{Zs}\t\n\v\f\r\u0085\u2028\u2029]+/gu;

/**
 * The name Codat will store for `typed`: ASCII letters and digits, spaces and `- ' & @ . , ? !`. Accents go
 * (é → e), letters with a usual spelling are spelled out (ß → ss, ø → o), letters and symbols with no ASCII
 * form are dropped, and the spaces that leaves are collapsed. Empty when nothing survives. Idempotent.
 */
export function codatCompanyName(typed: string): string {
  let ascii = '';
  for (const char of typed.replace(SPACES, ' ')) {
    const spelled = SPELLED[char] ?? char.normalize('NFKD');
    ascii += spelled.replace(/[^A-Za-z0-9 \-'&@.,?!]/g, '');
  }
  return ascii.replace(/ {2,}/g, ' ').trim();
}

/** Why a name cannot be stored, with what the words for it need. */
export type NameProblem =
  | { readonly reason: 'empty' }
  | { readonly reason: 'too-long'; readonly length: number; readonly max: number }
  /** Invisible or control characters, as `U+XXXX`. */
  | { readonly reason: 'invisible'; readonly chars: readonly string[] }
  | { readonly reason: 'forbidden'; readonly chars: readonly string[] }
  /** Nothing would be left in Codat's alphabet but punctuation. */
  | { readonly reason: 'no-latin' };

/**
 * Why `typed` cannot be a company name, or `null` when it can. Surrounding spaces do not count; invisible
 * characters do, wherever they are.
 */
export function nameProblemOf(typed: string): NameProblem | null {
  const name = typed.replace(/^[\p{Zs}]+|[\p{Zs}]+$/gu, '');
  // Characters as people count them (code points), not UTF-16 units: "𠀀" is one character, not two.
  const length = [...name].length;
  if (length === 0) return { reason: 'empty' };
  if (length > COMPANY_NAME_MAX_LENGTH) return { reason: 'too-long', length, max: COMPANY_NAME_MAX_LENGTH };
  const hidden = distinct(name.match(INVISIBLE)).map(
    (char) => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
  if (hidden.length > 0) return { reason: 'invisible', chars: hidden };
  const bad = distinct(name.match(FORBIDDEN));
  if (bad.length > 0) return { reason: 'forbidden', chars: bad };
  return /[A-Za-z0-9]/.test(codatCompanyName(name)) ? null : { reason: 'no-latin' };
}

/** {@link nameProblemOf} as an English sentence, as the reference server answers it; `null` when fine. */
export function companyNameProblem(typed: string): string | null {
  const problem = nameProblemOf(typed);
  switch (problem?.reason) {
    case undefined:
      return null;
    case 'empty':
      return 'Enter your company name.';
    case 'too-long':
      return `Company name must be at most ${problem.max} characters (it has ${problem.length}).`;
    case 'invisible':
      return `Company name contains invisible or control characters (${problem.chars.join(' ')}): retype it.`;
    case 'forbidden':
      return `Company name cannot contain ${problem.chars.join(' ')}. Use letters, numbers, spaces and - ' & @ . , ? !`;
    case 'no-latin':
      return 'Company name has no letters the accounting platform can store: use Latin letters (A–Z) or digits.';
  }
}

const distinct = (found: readonly string[] | null): string[] => [...new Set(found ?? [])];
