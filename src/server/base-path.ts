/** `'api/'` and `'/api/'` both mean `'/api'`; `''` and `'/'` mean no prefix. */
export function normaliseBasePath(basePath: string): string {
  const trimmed = basePath.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '' : `/${trimmed}`;
}

/**
 * The path below `basePath` split into segments, or `null` when the path is not under it.
 * `basePath` must be normalised. Matches whole segments only: `/api` does not own `/apiary`.
 */
export function routeSegments(pathname: string, basePath: string): string[] | null {
  if (basePath !== '' && pathname !== basePath && !pathname.startsWith(`${basePath}/`)) return null;
  return pathname
    .slice(basePath.length)
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => safeDecode(segment));
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
