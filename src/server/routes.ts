import { SchemaDataType } from '@codat/platform/sdk/models/shared/schemadatatype.js';
import { ApiError, ErrorCode } from './api-error.ts';

/** One endpoint of the backend contract (paths relative to `basePath`). */
export type Route =
  | { name: 'createCompany'; action: 'create' }
  | { name: 'getCompany'; action: 'read'; companyId: string }
  | { name: 'deleteCompany'; action: 'delete'; companyId: string }
  | { name: 'getDataStatus'; action: 'read'; companyId: string }
  | { name: 'getSyncHistory'; action: 'read'; companyId: string }
  | { name: 'events'; action: 'read'; companyId: string }
  | { name: 'refreshData'; action: 'refresh'; companyId: string }
  | { name: 'queueDataType'; action: 'refresh'; companyId: string; dataType: SchemaDataType }
  | { name: 'disconnect'; action: 'disconnect'; companyId: string; connectionId: string };

/** The data types the platform can queue, as the SDK knows them (`invoices`, `banking-accounts`, …). */
const DATA_TYPES: ReadonlySet<string> = new Set(Object.values(SchemaDataType));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The routes of one path, by method; each builds its route once the method is known to fit. */
type ByMethod = Partial<Record<string, () => Route>>;

/**
 * Maps a method and path to a route, or throws 404 (unknown path), 405 (with `Allow`) or 400 (an id that is
 * not a UUID, a data type the SDK does not know: checked after the method, before any platform call, so junk
 * never reaches it).
 */
export function matchRoute(method: string, segments: readonly string[]): Route {
  const [root, rawCompanyId, ...rest] = segments;
  if (root !== 'companies') throw notFound();
  if (rawCompanyId === undefined) {
    return byMethod(method, { POST: () => ({ name: 'createCompany', action: 'create' }) });
  }
  const companyId = (): string =>
    checkedUuid(rawCompanyId, 'companyId', ErrorCode.InvalidCompanyId, 'company');
  const [leaf, item, last, ...extra] = rest;
  if (extra.length > 0) throw notFound();
  if (leaf === undefined) {
    return byMethod(method, {
      GET: () => ({ name: 'getCompany', action: 'read', companyId: companyId() }),
      DELETE: () => ({ name: 'deleteCompany', action: 'delete', companyId: companyId() }),
    });
  }
  if (leaf === 'connections' && item !== undefined && last === 'disconnect') {
    return byMethod(method, {
      POST: () => ({
        name: 'disconnect',
        action: 'disconnect',
        companyId: companyId(),
        connectionId: checkedUuid(item, 'connectionId', ErrorCode.InvalidConnectionId, 'connection'),
      }),
    });
  }
  if (last !== undefined) throw notFound();
  if (leaf === 'refresh' && item !== undefined) {
    return byMethod(method, {
      POST: () => ({
        name: 'queueDataType',
        action: 'refresh',
        companyId: companyId(),
        dataType: checkedDataType(item),
      }),
    });
  }
  if (item !== undefined) throw notFound();
  switch (leaf) {
    case 'data-status':
      return byMethod(method, {
        GET: () => ({ name: 'getDataStatus', action: 'read', companyId: companyId() }),
      });
    case 'sync-history':
      return byMethod(method, {
        GET: () => ({ name: 'getSyncHistory', action: 'read', companyId: companyId() }),
      });
    case 'events':
      return byMethod(method, {
        GET: () => ({ name: 'events', action: 'read', companyId: companyId() }),
      });
    case 'refresh':
      return byMethod(method, {
        POST: () => ({ name: 'refreshData', action: 'refresh', companyId: companyId() }),
      });
    default:
      throw notFound();
  }
}

/** The route for `method`, or a 405 whose `Allow` lists the methods the path takes. */
function byMethod(method: string, routes: ByMethod): Route {
  const route = routes[method];
  if (route) return route();
  const allowed = Object.keys(routes);
  throw new ApiError(405, ErrorCode.MethodNotAllowed, `Use ${allowed.join(' or ')} here.`, {
    headers: { allow: allowed.join(', ') },
  });
}

function checkedUuid(id: string, field: string, code: ErrorCode, what: string): string {
  if (!UUID.test(id)) throw new ApiError(400, code, `The ${what} id must be a UUID.`, { field });
  return id;
}

function checkedDataType(dataType: string): SchemaDataType {
  if (!DATA_TYPES.has(dataType)) {
    // Not echoed: the path is the caller's text.
    throw new ApiError(400, ErrorCode.InvalidDataType, 'That is not a data type the platform knows.', {
      field: 'dataType',
    });
  }
  return dataType as SchemaDataType;
}

function notFound(): ApiError {
  return new ApiError(404, ErrorCode.NotFound, 'There is nothing at this address.');
}
