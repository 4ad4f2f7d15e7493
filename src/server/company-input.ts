import { codatCompanyName, companyNameProblem } from '../backend/company-name.ts';
import { ApiError, ErrorCode } from './api-error.ts';
import { isPlainObject } from './plain-object.ts';

/**
 * The tag the handler puts on a company it creates for an `Idempotency-Key` (value: the key), so that a retry
 * whose first attempt lost the platform's answer finds the company instead of making a second one. Callers
 * may not set it themselves. camelCase, like the field names in Codat's query examples, so the tag filter
 * `onboardIdempotencyKey=<key>` needs no quoting.
 */
export const IDEMPOTENCY_TAG = 'onboardIdempotencyKey';

/**
 * Tag names the package relies on, which callers may not set. Compared without case and surrounding spaces:
 * a platform that matched tag names loosely must not let ` OnboardIdempotencyKey` pass for ours.
 */
const RESERVED_TAGS: ReadonlyMap<string, string> = new Map([[tagIdentity(IDEMPOTENCY_TAG), IDEMPOTENCY_TAG]]);

function tagIdentity(name: string): string {
  return name.trim().toLowerCase();
}

/** A create-company request the platform will accept as is. */
export interface CreateCompanyInput {
  name: string;
  description?: string;
  tags?: Record<string, string>;
}

const MAX_DESCRIPTION_LENGTH = 1000;
/** Codat's limit of tags per company. */
export const MAX_TAGS = 10;
const MAX_TAG_KEY_LENGTH = 27;
const MAX_TAG_VALUE_LENGTH = 100;

/**
 * Validates a create-company body, throwing a 400 {@link ApiError} naming the field at fault, and returns what
 * to send the platform. Codat keeps only ASCII letters, digits, spaces and `- ' & @ . , ? !` in a name and
 * silently strips the rest, so we refuse what no spelling can save (invisible characters, other punctuation,
 * a name with no Latin letter or digit: rules shared with the element in `backend/company-name.ts`) and send
 * the rest spelled as Codat will store it (`Café Müller` → `Cafe Muller`): the stored name is then exactly
 * what we sent, which the idempotent create relies on to recognise its company.
 *
 * When that spelling differs from what the user typed, the typed name goes into `description`, so the
 * platform still holds it. A caller who sent a description of their own (often a foreign id) keeps it: we do
 * not overwrite it, and the typed name is then not stored anywhere on the platform.
 */
export function parseCreateCompanyInput(body: unknown): CreateCompanyInput {
  if (!isPlainObject(body)) {
    throw new ApiError(400, ErrorCode.InvalidBody, 'The request body must be a JSON object.');
  }
  const rawName = body['name'];
  const typed = typeof rawName === 'string' ? rawName : '';
  const nameProblem = companyNameProblem(typed);
  if (nameProblem !== null) throw new ApiError(400, ErrorCode.InvalidName, nameProblem, { field: 'name' });
  const name = codatCompanyName(typed);

  const own = body['description'];
  if (own !== undefined && typeof own !== 'string') {
    throw invalidDescription('Description must be text.');
  }
  if (typeof own === 'string' && own.length > MAX_DESCRIPTION_LENGTH) {
    throw invalidDescription(`Description must be at most ${MAX_DESCRIPTION_LENGTH} characters.`);
  }
  // Spaces do not count as a difference: "Acme\u00A0 Ltd" stored as "Acme Ltd" loses nothing.
  const shown = typed.replace(/\p{Zs}+/gu, ' ').trim();
  const description = own === undefined || own === '' ? (name === shown ? own : shown) : own;

  const tags = body['tags'] === undefined ? undefined : parseTags(body['tags']);
  return {
    name,
    ...(description !== undefined && { description }),
    ...(tags !== undefined && { tags }),
  };
}

/** Codat's tag limits: at most 10, keys 1–27 characters, string values of at most 100. */
function parseTags(tags: unknown): Record<string, string> {
  if (!isPlainObject(tags)) throw invalidTags('Tags must be an object of text values.');
  const entries = Object.entries(tags);
  if (entries.length > MAX_TAGS) throw invalidTags(`A company can have at most ${MAX_TAGS} tags.`);
  const clean: [string, string][] = [];
  for (const [key, value] of entries) {
    if (key.length < 1 || key.length > MAX_TAG_KEY_LENGTH) {
      throw invalidTags(`Tag names must be 1 to ${MAX_TAG_KEY_LENGTH} characters long.`);
    }
    const reserved = RESERVED_TAGS.get(tagIdentity(key));
    if (reserved !== undefined) {
      throw invalidTags(`The tag name "${reserved}" is reserved for the server's own use, in any spelling.`);
    }
    if (typeof value !== 'string') throw invalidTags(`Tag "${key}" must have a text value.`);
    if (value.length > MAX_TAG_VALUE_LENGTH) {
      throw invalidTags(`Tag "${key}" must be at most ${MAX_TAG_VALUE_LENGTH} characters long.`);
    }
    clean.push([key, value]);
  }
  // fromEntries defines own properties, so a `__proto__` key stays a plain tag.
  return Object.fromEntries(clean);
}

/**
 * `input` with the {@link IDEMPOTENCY_TAG} added, or a 400 `invalid-tags` when the caller's own tags leave no
 * room for it (it counts towards Codat's 10).
 */
export function withIdempotencyTag(input: CreateCompanyInput, key: string): CreateCompanyInput {
  const own = input.tags ?? {};
  if (Object.keys(own).length >= MAX_TAGS) {
    throw invalidTags(
      `With an Idempotency-Key a company can have at most ${MAX_TAGS - 1} tags: the server adds "${IDEMPOTENCY_TAG}".`,
    );
  }
  return { ...input, tags: { ...own, [IDEMPOTENCY_TAG]: key } };
}

function invalidDescription(message: string): ApiError {
  return new ApiError(400, ErrorCode.InvalidDescription, message, { field: 'description' });
}

function invalidTags(message: string): ApiError {
  return new ApiError(400, ErrorCode.InvalidTags, message, { field: 'tags' });
}
