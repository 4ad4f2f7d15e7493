import { SchemaDataType } from '@codat/platform/sdk/models/shared/schemadatatype.js';
import { ApiError, ErrorCode } from './api-error.ts';

/** One endpoint of the backend contract (paths relative to `basePath`). */
export type Route =
  | { name: 'createCompany'; action: 'create' }
  | { name: 'getCompany'; action: 'read'; companyId: string }
  | { name: 'getDataStatus'; action: 'read'; companyId: string }
  | { name: 'refreshData'; action: 'refresh'; companyId: string }
  | { name: 'queueDataType'; action: 'refresh'; companyId: string; dataType: SchemaDataType };

/** The data types the platform can queue, as the SDK knows them (`invoices`, `banking-accounts`, …). */
const DATA_TYPES: ReadonlySet<string> = new Set(Object.values(SchemaDataType));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Maps a method and path to a route, or throws 404 (unknown path), 405 (with `Allow`) or 400 (company id
 * that is not a UUID, data type the SDK does not know: checked before any platform call so junk never
 * reaches it).
 */
export function matchRoute(method: string, segments: readonly string[]): Route {
  const [root, companyId, leaf, dataType, ...extra] = segments;
  if (root !== 'companies' || extra.length > 0) throw notFound();
  if (dataType !== undefined) {
    if (leaf !== 'refresh' || companyId === undefined) throw notFound();
    const id = checkedId(method, 'POST', companyId);
    return { name: 'queueDataType', action: 'refresh', companyId: id, dataType: checkedDataType(dataType) };
  }

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

function checkedDataType(dataType: string): SchemaDataType {
  if (!DATA_TYPES.has(dataType)) {
    // Not echoed: the path is the caller's text.
    throw new ApiError(400, ErrorCode.InvalidDataType, 'That is not a data type the platform knows.', {
      field: 'dataType',
    });
  }
  return dataType as SchemaDataType;
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
