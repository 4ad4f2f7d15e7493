import { ApiError, ErrorCode } from './api-error.ts';

/** One endpoint of the backend contract (paths relative to `basePath`). */
export type Route =
  | { name: 'createCompany'; action: 'create' }
  | { name: 'getCompany'; action: 'read'; companyId: string }
  | { name: 'getDataStatus'; action: 'read'; companyId: string }
  | { name: 'refreshData'; action: 'refresh'; companyId: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Maps a method and path to a route, or throws 404 (unknown path), 405 (with `Allow`) or 400 (company id
 * that is not a UUID: checked before any platform call so junk never reaches it).
 */
export function matchRoute(method: string, segments: readonly string[]): Route {
  const [root, companyId, leaf, ...extra] = segments;
  if (root !== 'companies' || extra.length > 0) throw notFound();

  if (companyId === undefined) {
    return allow(method, 'POST', { name: 'createCompany', action: 'create' });
  }
  switch (leaf) {
    case undefined:
      return { name: 'getCompany', action: 'read', companyId: checkedId(method, 'GET', companyId) };
    case 'data-status':
      return { name: 'getDataStatus', action: 'read', companyId: checkedId(method, 'GET', companyId) };
    case 'refresh':
      return { name: 'refreshData', action: 'refresh', companyId: checkedId(method, 'POST', companyId) };
    default:
      throw notFound();
  }
}

function checkedId(method: string, allowed: string, companyId: string): string {
  allow(method, allowed, null);
  if (!UUID.test(companyId)) {
    throw new ApiError(400, ErrorCode.InvalidCompanyId, 'The company id must be a UUID.', {
      field: 'companyId',
    });
  }
  return companyId;
}

function allow<T>(method: string, allowed: string, value: T): T {
  if (method !== allowed) {
    throw new ApiError(405, ErrorCode.MethodNotAllowed, `Use ${allowed} here.`, {
      headers: { allow: allowed },
    });
  }
  return value;
}

function notFound(): ApiError {
  return new ApiError(404, ErrorCode.NotFound, 'There is nothing at this address.');
}
