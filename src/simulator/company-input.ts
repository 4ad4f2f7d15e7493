import type { ValidationItem } from './codat-error.ts';
import type { NameCharacters } from './settings.ts';

/** What `POST /companies` accepted, after the platform's own clean-up. */
export interface CompanyInput {
  name: string;
  description?: string;
  tags?: Record<string, string>;
}

export type CompanyInputResult =
  { ok: true; value: CompanyInput } | { ok: false; problems: ValidationItem[] };

const MAX_TAGS = 10;
const MAX_TAG_KEY_LENGTH = 27;
const MAX_TAG_VALUE_LENGTH = 100;

/**
 * Characters Codat drops from a company name, in each reading: the spec's ASCII pattern
 * (`^[A-Za-z0-9\s\-',&@.,?!\s]+$`) or the docs' "letters" (of any script).
 */
const NOT_ALLOWED_IN_NAME: Record<NameCharacters, RegExp> = {
  ascii: /[^A-Za-z0-9\s\-',&@.?!]/g,
  letters: /[^\p{L}\p{N}\s\-'&@.,?!]/gu,
};

/** `Example Company (Codat[1])` becomes `Example Company Codat1`, as on the platform. */
export function stripCompanyName(name: string, characters: NameCharacters): string {
  return name.replace(NOT_ALLOWED_IN_NAME[characters], '');
}

/**
 * Validates a create-company body the way the platform does (as far as its docs and spec tell), keeping the
 * name `characters` of the `nameCharacters` setting.
 */
export function parseCompanyInput(body: unknown, characters: NameCharacters): CompanyInputResult {
  if (!isPlainObject(body)) return fail('body', 'The request body must be a JSON object.');
  const problems: ValidationItem[] = [];

  const name = typeof body['name'] === 'string' ? stripCompanyName(body['name'], characters).trim() : '';
  if (name === '') problems.push(item('name', 'Name is required and must contain allowed characters.'));

  const description = body['description'];
  if (description !== undefined && description !== null && typeof description !== 'string') {
    problems.push(item('description', 'Description must be a string.'));
  }

  const tags = body['tags'] === undefined || body['tags'] === null ? undefined : parseTags(body['tags']);
  if (tags && !tags.ok) problems.push(...tags.problems);

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      name,
      ...(typeof description === 'string' ? { description } : {}),
      ...(tags?.ok ? { tags: tags.value } : {}),
    },
  };
}

type TagsResult = { ok: true; value: Record<string, string> } | { ok: false; problems: ValidationItem[] };

function parseTags(tags: unknown): TagsResult {
  if (!isPlainObject(tags))
    return { ok: false, problems: [item('tags', 'Tags must be an object of string values.')] };
  const entries = Object.entries(tags);
  const problems: ValidationItem[] = [];
  const clean: [string, string][] = [];
  if (entries.length > MAX_TAGS) problems.push(item('tags', `A company can have at most ${MAX_TAGS} tags.`));
  for (const [key, tagValue] of entries) {
    if (key.length < 1 || key.length > MAX_TAG_KEY_LENGTH) {
      problems.push(item(`tags.${key}`, `Tag keys must be 1 to ${MAX_TAG_KEY_LENGTH} characters long.`));
    }
    if (typeof tagValue !== 'string') {
      problems.push(item(`tags.${key}`, 'Tag values must be strings.'));
    } else if (tagValue.length > MAX_TAG_VALUE_LENGTH) {
      problems.push(
        item(`tags.${key}`, `Tag values must be at most ${MAX_TAG_VALUE_LENGTH} characters long.`),
      );
    } else {
      clean.push([key, tagValue]);
    }
  }
  // fromEntries defines own properties, so a `__proto__` key stays a plain tag.
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: Object.fromEntries(clean) };
}

function item(itemId: string, message: string): ValidationItem {
  return { itemId, message, validatorName: 'CompanyRequestValidator' };
}

function fail(itemId: string, message: string): CompanyInputResult {
  return { ok: false, problems: [item(itemId, message)] };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
