/**
 * Codat's spelling rules (shared with the server) and the words for what they refuse: loaded together, when a
 * name first needs them (the first screen does without).
 */
import { nameProblemOf, type NameProblem } from '../../backend/company-name.ts';
import type { Words } from './catalogue.ts';

export { codatCompanyName } from '../../backend/company-name.ts';

/** Why a name cannot be used, in the user's words; the general words until the language's rest has loaded. */
export const nameProblemText = (t: Words, name: string): string | null => {
  const problem = nameProblemOf(name);
  return problem === null ? null : nameProblemWords(t, problem);
};

function nameProblemWords(t: Words, problem: NameProblem): string {
  switch (problem.reason) {
    case 'empty':
      return t.nameRequired;
    case 'too-long':
      return t['name.too-long']?.(problem.max) ?? t.nameInvalid;
    case 'invisible':
      return t['name.invisible'] ?? t.nameInvalid;
    case 'forbidden':
      return t['name.forbidden']?.(problem.chars.join(' ')) ?? t.nameInvalid;
    case 'no-latin':
      return t['name.no-latin'] ?? t.nameInvalid;
  }
}
