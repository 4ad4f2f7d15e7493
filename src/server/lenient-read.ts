import { ResponseValidationError } from '@codat/platform/sdk/models/errors/responsevalidationerror.js';
import { Company$inboundSchema, type Company } from '@codat/platform/sdk/models/shared/company.js';
import { Connection$inboundSchema, type Connection } from '@codat/platform/sdk/models/shared/connection.js';
import {
  DatasetStatus,
  PullOperation$inboundSchema,
  type PullOperation,
} from '@codat/platform/sdk/models/shared/pulloperation.js';
import { isPlainObject } from './plain-object.ts';

/**
 * Where the official SDK is stricter than the platform, a good 200 is read again by hand instead of failing
 * the call. Only a 200 whose body is a JSON object qualifies (a list or text stays a bad response), and
 * `reread` decides what of it we accept; `undefined` keeps the SDK's error.
 */
export async function lenient<T>(
  call: Promise<T>,
  reread: (raw: Record<string, unknown>) => T | undefined,
): Promise<T> {
  try {
    return await call;
  } catch (error) {
    const raw = rawObjectBody(error);
    const value = raw === undefined ? undefined : reread(raw);
    if (value === undefined) throw error;
    return value;
  }
}

function rawObjectBody(error: unknown): Record<string, unknown> | undefined {
  // A PlatformCallError (not imported: platform.ts imports this file) keeps the SDK's error as its cause.
  const cause: unknown = error instanceof Error ? error.cause : undefined;
  if (!(cause instanceof ResponseValidationError) || cause.statusCode !== 200) return undefined;
  const raw: unknown = cause.rawValue;
  return isPlainObject(raw) ? Object.fromEntries(Object.entries(raw)) : undefined;
}

/**
 * Codat's spec marks a company's `description` and `lastSync` and a connection's `lastSync` nullable, but
 * SDK 6.2.1 (`sdk/models/shared/company.js`, `connection.js`) declares them `z.string().optional()` and
 * rejects `null`. We read `null` as absent and let the SDK's own schema judge the rest.
 */
export function companyWithoutNulls(raw: Record<string, unknown>): Company | undefined {
  const company = withoutNull(raw, ['description', 'lastSync']);
  const connections = company['dataConnections'];
  if (Array.isArray(connections)) {
    company['dataConnections'] = connections.map((item: unknown) =>
      isPlainObject(item) ? withoutNull(item, ['lastSync']) : item,
    );
  }
  const parsed = Company$inboundSchema.safeParse(company);
  return parsed.success ? parsed.data : undefined;
}

/** A page of companies (`{results: [...]}`), each read by {@link companyWithoutNulls}; all or nothing. */
export function companiesWithoutNulls(raw: Record<string, unknown>): Company[] | undefined {
  const results = raw['results'] ?? [];
  if (!Array.isArray(results)) return undefined;
  const companies: Company[] = [];
  for (const item of results) {
    const company = isPlainObject(item) ? companyWithoutNulls(item) : undefined;
    if (company === undefined) return undefined;
    companies.push(company);
  }
  return companies;
}

/** A connection (the answer to an unlink), its nullable `lastSync` read as absent like a company's. */
export function connectionWithoutNulls(raw: Record<string, unknown>): Connection | undefined {
  const parsed = Connection$inboundSchema.safeParse(withoutNull(raw, ['lastSync']));
  return parsed.success ? parsed.data : undefined;
}

/** A pull operation whose `status` may be one the SDK's closed enum does not know yet. */
export type PullOperationRecord = Omit<PullOperation, 'status'> & { status: string };

/**
 * A page of pull operations (`{results: [...]}`). The SDK refuses the whole page when one operation's `status`
 * is newer than its enum, so each is read by the SDK's schema with its status set aside, then given it back:
 * an unknown status is kept, as the data status's are. `completed: null` is read as absent. Anything else
 * the schema refuses fails the page (all or nothing).
 */
export function pullOperationsLeniently(raw: Record<string, unknown>): PullOperationRecord[] | undefined {
  const results = raw['results'] ?? [];
  if (!Array.isArray(results)) return undefined;
  const operations: PullOperationRecord[] = [];
  for (const item of results) {
    const status: unknown = isPlainObject(item) ? item['status'] : undefined;
    if (!isPlainObject(item) || typeof status !== 'string') return undefined;
    const parsed = PullOperation$inboundSchema.safeParse({
      ...withoutNull(item, ['completed']),
      status: DatasetStatus.Initial,
    });
    if (!parsed.success) return undefined;
    operations.push({ ...parsed.data, status });
  }
  return operations;
}

function withoutNull(value: Record<string, unknown>, names: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(value).filter(([name, field]) => !(field === null && names.includes(name))),
  );
}
