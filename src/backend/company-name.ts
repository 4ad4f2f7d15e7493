/**
 * Company-name rules shared by the element (instant feedback) and the reference server (the authority).
 *
 * Codat allows letters, digits, whitespace and `- ' & @ . , ? !` and silently strips anything else.
 * We reject instead of stripping so the user sees exactly the name that will be stored.
 * Codat sets no maximum length; we cap names at {@link COMPANY_NAME_MAX_LENGTH} characters.
 */

/** Longest company name we accept (Codat sets none; 100 fits every real trading name we know of). */
export const COMPANY_NAME_MAX_LENGTH = 100;

const ALLOWED = /^[\p{L}\p{N}\s\-'&@.,?!]*$/u;
const FORBIDDEN_CHAR = /[^\p{L}\p{N}\s\-'&@.,?!]/gu;

/** Why a name was refused, or `null` when it is acceptable. Expects a trimmed name. */
export function companyNameProblem(name: string): string | null {
  // Characters as people count them (code points), not UTF-16 units: "𠀀" is one character, not two.
  const length = [...name].length;
  if (length === 0) return 'Enter your company name.';
  if (length > COMPANY_NAME_MAX_LENGTH) {
    return `Company name must be at most ${COMPANY_NAME_MAX_LENGTH} characters (it has ${length}).`;
  }
  if (!ALLOWED.test(name)) {
    const bad = [...new Set(name.match(FORBIDDEN_CHAR) ?? [])].join(' ');
    return `Company name cannot contain ${bad}. Use letters, numbers, spaces and - ' & @ . , ? !`;
  }
  return null;
}
