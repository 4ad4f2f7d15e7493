/** A JSON object: not `null`, not an array (what a request body, a tag set or a platform answer must be). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
