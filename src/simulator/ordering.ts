import { codatError } from './codat-error.ts';

/**
 * `items` sorted by the `orderBy` query parameter as Codat reads it: a property name, ascending, or with a
 * leading `-`, descending (`orderBy=-requested`: newest first). No parameter keeps the given order. A name
 * not in `properties` is a 400 in Codat's shape, worded like its query errors ("Could not resolve property …
 * on Dataset"). The sort is stable; a missing value sorts before any other.
 */
export function ordered<T extends Partial<Record<K, Sortable>>, K extends string>(
  items: readonly T[],
  url: URL,
  properties: readonly K[],
  entity: string,
  correlationId: string,
): T[] | Response {
  const raw = url.searchParams.get('orderBy') ?? '';
  if (raw === '') return [...items];
  const descending = raw.startsWith('-');
  const name = descending ? raw.slice(1) : raw;
  const property = properties.find((candidate) => candidate === name);
  if (property === undefined) {
    return codatError(
      400,
      `Error parsing orderBy - Could not resolve property ${name} on ${entity}.`,
      correlationId,
    );
  }
  const sign = descending ? -1 : 1;
  return [...items].sort((a, b) => sign * compare(a[property], b[property]));
}

/** What a list can be ordered by: a property holding a scalar, maybe missing. */
type Sortable = string | number | boolean | null | undefined;

function compare(a: Sortable, b: Sortable): number {
  if (a === b) return 0;
  if (a === undefined || a === null) return -1;
  if (b === undefined || b === null) return 1;
  return a < b ? -1 : 1;
}
