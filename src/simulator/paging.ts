import { codatError } from './codat-error.ts';

/** A page of results in the Platform API's list shape (`Companies`, `Connections`). */
export interface Page<T> {
  results: T[];
  pageNumber: number;
  pageSize: number;
  totalResults: number;
  _links: { self: Href; current: Href; next?: Href; previous?: Href };
}

interface Href {
  href: string;
}

const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 5000;

/**
 * Slices `items` by the `page` (1-based) and `pageSize` query parameters, or returns a 400 response when
 * they are not positive integers (or the page size is over the platform's 5000).
 */
export function paginate<T>(items: readonly T[], url: URL, correlationId: string): Page<T> | Response {
  const pageNumber = positiveInteger(url.searchParams.get('page'), 1);
  const pageSize = positiveInteger(url.searchParams.get('pageSize'), DEFAULT_PAGE_SIZE);
  if (pageNumber === null || pageSize === null || pageSize > MAX_PAGE_SIZE) {
    return codatError(
      400,
      `page must be at least 1 and pageSize between 1 and ${MAX_PAGE_SIZE}.`,
      correlationId,
    );
  }
  // Every other parameter of the request (tags, query, orderBy…) stays on each link, so following `next` pages
  // through the same filtered list.
  const pageHref = (page: number): Href => {
    const query = new URLSearchParams(url.searchParams);
    query.set('page', String(page));
    query.set('pageSize', String(pageSize));
    return { href: `${url.pathname}?${query}` };
  };
  const start = (pageNumber - 1) * pageSize;
  return {
    results: items.slice(start, start + pageSize),
    pageNumber,
    pageSize,
    totalResults: items.length,
    _links: {
      // Codat's paging docs: `self` is "the base resource your request was sent to, without any query
      // parameters" (the spec's examples agree); `current` carries them.
      self: { href: url.pathname },
      current: pageHref(pageNumber),
      ...(start + pageSize < items.length && { next: pageHref(pageNumber + 1) }),
      ...(pageNumber > 1 && { previous: pageHref(pageNumber - 1) }),
    },
  };
}

function positiveInteger(raw: string | null, fallback: number): number | null {
  if (raw === null || raw === '') return fallback;
  const value = Number(raw);
  return Number.isInteger(value) && value >= 1 ? value : null;
}
