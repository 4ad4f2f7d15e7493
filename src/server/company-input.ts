import { companyNameProblem } from '../backend/company-name.ts';
import { ApiError, ErrorCode } from './api-error.ts';

/**
 * The tag the handler puts on a company it creates for an `Idempotency-Key` (value: the key), so that a retry
 * whose first attempt lost the platform's answer finds the company instead of making a second one. Callers
 * may not set it themselves. camelCase, like the field names in Codat's query examples, so the tag filter
 * `onboardIdempotencyKey=<key>` needs no quoting.
 */
export const IDEMPOTENCY_TAG = 'onboardIdempotencyKey';

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
 * Validates a create-company body, throwing a 400 {@link ApiError} naming the field at fault. Unlike the
 * platform, which silently strips characters it does not allow from names, we refuse them, so the user sees
 * exactly the name that will be stored (rules shared with the element in `backend/company-name.ts`).
 */
export function parseCreateCompanyInput(body: unknown): CreateCompanyInput {
  if (!isPlainObject(body)) {
    throw new ApiError(400, ErrorCode.InvalidBody, 'The request body must be a JSON object.');
  }
  const rawName = body['name'];
  const name = typeof rawName === 'string' ? rawName.trim() : '';
  const nameProblem = companyNameProblem(name);
  if (nameProblem !== null) throw new ApiError(400, ErrorCode.InvalidName, nameProblem, { field: 'name' });

  const description = body['description'];
  if (description !== undefined && typeof description !== 'string') {
    throw invalidDescription('Description must be text.');
  }
  if (typeof description === 'string' && description.length > MAX_DESCRIPTION_LENGTH) {
    throw invalidDescription(`Description must be at most ${MAX_DESCRIPTION_LENGTH} characters.`);
  }

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
    if (key === IDEMPOTENCY_TAG) {
      throw invalidTags(`The tag name "${IDEMPOTENCY_TAG}" is reserved for the server's own use.`);
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

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
