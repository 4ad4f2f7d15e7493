/** Whether a company's tags pass a `tags` filter. */
export type TagsFilter = (tags: Readonly<Record<string, string>> | undefined) => boolean;

const TERM = /^\s*([^\s=!~&|()]+)\s*(!=|=|~)\s*(.*?)\s*$/;

/**
 * The `tags` query parameter of `GET /companies`, in the subset of Codat's query language the docs show for
 * it: terms `key=value`, `key!=value` and `key~value` (contains) joined by `&&`, spaces allowed around
 * operators (`region = uk && team=invoice-finance`). A company without the tag fails `=` and `~` and passes
 * `!=`. Comparisons are case-sensitive (the platform's rule is not documented). `||` and parentheses are
 * refused rather than misread. Returns a problem message for a malformed filter.
 */
export function parseTagsFilter(text: string): TagsFilter | { problem: string } {
  if (text.trim() === '') return () => true;
  if (text.includes('||') || /[()]/.test(text)) {
    return { problem: 'The simulator supports only terms joined by && in the tags filter.' };
  }
  const tests: TagsFilter[] = [];
  for (const term of text.split('&&')) {
    const match = TERM.exec(term);
    const [, key, operator, value] = match ?? [];
    if (key === undefined || operator === undefined || value === undefined) {
      return { problem: `Cannot read the tags filter term "${term.trim()}"; use key=value.` };
    }
    tests.push((tags) => {
      const actual = tags !== undefined && Object.hasOwn(tags, key) ? tags[key] : undefined;
      if (operator === '=') return actual === value;
      if (operator === '!=') return actual !== value;
      return actual !== undefined && actual.includes(value);
    });
  }
  return (tags) => tests.every((test) => test(tags));
}
