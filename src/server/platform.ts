import { CodatPlatformCore } from '@codat/platform/core.js';
import { companiesCreate } from '@codat/platform/funcs/companiesCreate.js';
import { companiesDelete } from '@codat/platform/funcs/companiesDelete.js';
import { companiesGet } from '@codat/platform/funcs/companiesGet.js';
import { companiesList } from '@codat/platform/funcs/companiesList.js';
import { connectionsUnlink } from '@codat/platform/funcs/connectionsUnlink.js';
import { refreshDataAll } from '@codat/platform/funcs/refreshDataAll.js';
import { refreshDataByDataType } from '@codat/platform/funcs/refreshDataByDataType.js';
import { refreshDataGet } from '@codat/platform/funcs/refreshDataGet.js';
import { refreshDataListPullOperations } from '@codat/platform/funcs/refreshDataListPullOperations.js';
import type { Company } from '@codat/platform/sdk/models/shared/company.js';
import type { Connection } from '@codat/platform/sdk/models/shared/connection.js';
import { DataConnectionStatus } from '@codat/platform/sdk/models/shared/dataconnectionstatus.js';
import type { DataStatuses } from '@codat/platform/sdk/models/shared/datastatuses.js';
import type { SchemaDataType } from '@codat/platform/sdk/models/shared/schemadatatype.js';
import { base64 } from './base64.ts';
import type { CreateCompanyInput } from './company-input.ts';
import {
  companiesWithoutNulls,
  companyWithoutNulls,
  connectionWithoutNulls,
  lenient,
  pullOperationsLeniently,
  type PullOperationRecord,
} from './lenient-read.ts';

/** How many pull operations the sync history shows: the first page, newest first. */
export const SYNC_HISTORY_SIZE = 20;

/** The platform calls the reference handler makes. Each throws a {@link PlatformCallError} on failure. */
export interface PlatformClient {
  /** `timeoutMs`: this call's own limit, when shorter than the client's (a create's budget running out). */
  createCompany(input: CreateCompanyInput, timeoutMs?: number): Promise<Company>;
  getCompany(companyId: string): Promise<Company>;
  /**
   * Companies whose tag `name` is `value` (Codat's `tags=name=value` filter), first page only. The filter is
   * the platform's: callers must still check the tag on each result.
   */
  findCompaniesByTag(name: string, value: string, timeoutMs?: number): Promise<Company[]>;
  /** The data status keyed by the platform's own data type names (`banking-accounts`, not `bankingAccounts`). */
  getDataStatus(companyId: string): Promise<Record<string, unknown>>;
  refreshData(companyId: string): Promise<void>;
  /** Queues a fetch of one data type (`POST /companies/{id}/data/queue/{dataType}`); its answer is not read. */
  queueDataType(companyId: string, dataType: SchemaDataType): Promise<void>;
  /**
   * Unlinks a connection (`PATCH /companies/{id}/connections/{connectionId}` `{status: "Unlinked"}`) and
   * returns it as the platform answers.
   */
  unlinkConnection(companyId: string, connectionId: string): Promise<Connection>;
  /**
   * The company's newest {@link SYNC_HISTORY_SIZE} pull operations (`GET /companies/{id}/data/history`,
   * page 1, `orderBy=-requested`), newest first; a status newer than the SDK's enum is kept.
   */
  listPullOperations(companyId: string): Promise<PullOperationRecord[]>;
  /** Deletes the company with its connections and data (`DELETE /companies/{id}`, 204). */
  deleteCompany(companyId: string): Promise<void>;
}

/** A failed platform call: the SDK's error (or what the SDK threw) and which call it was. */
export class PlatformCallError extends Error {
  override readonly name = 'PlatformCallError';
  constructor(
    readonly operation: string,
    override readonly cause: unknown,
  ) {
    super(`Platform call ${operation} failed`, { cause });
  }
}

export interface PlatformClientOptions {
  apiKey: string;
  /** Omit for the SDK's default server. */
  platformUrl: string | undefined;
  timeoutMs: number;
}

type SdkResult<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** A call's own time limit for the SDK, when it has one. */
const limited = (timeoutMs: number | undefined): { timeoutMs: number } | undefined =>
  timeoutMs === undefined ? undefined : { timeoutMs };

/** Talks to the Platform API through the official SDK's standalone functions (tree-shakable). */
export function createPlatformClient(options: PlatformClientOptions): PlatformClient {
  const client = new CodatPlatformCore({
    authHeader: `Basic ${base64(options.apiKey)}`,
    ...(options.platformUrl !== undefined && { serverURL: options.platformUrl }),
    timeoutMs: options.timeoutMs,
    // No retries here: the browser adapter already retries safe calls with backoff, retrying on both sides
    // multiplies the load, and the SDK's default (backoff for up to an hour) would hold the caller's request.
    retryConfig: { strategy: 'none' },
  });

  return {
    createCompany: (input, timeoutMs) =>
      lenient(
        call('createCompany', () => companiesCreate(client, input, limited(timeoutMs))),
        companyWithoutNulls,
      ),
    getCompany: (companyId) =>
      lenient(
        call('getCompany', () => companiesGet(client, { companyId })),
        companyWithoutNulls,
      ),
    findCompaniesByTag: (name, value, timeoutMs) =>
      lenient(
        call('findCompaniesByTag', () =>
          companiesList(client, { tags: `${name}=${value}`, pageSize: 10 }, limited(timeoutMs)),
        ).then((page) => page.results ?? []),
        companiesWithoutNulls,
      ),
    refreshData: (companyId) => call('refreshData', () => refreshDataAll(client, { companyId })),
    async queueDataType(companyId, dataType) {
      // The answer is a pull operation we do not need: any JSON object means the type was queued, even one
      // whose status is newer than the SDK's closed enum.
      await lenient<unknown>(
        call('queueDataType', () => refreshDataByDataType(client, { companyId, dataType })),
        (raw) => raw,
      );
    },
    unlinkConnection: (companyId, connectionId) =>
      lenient(
        call('unlinkConnection', () =>
          connectionsUnlink(client, {
            companyId,
            connectionId,
            updateConnectionStatus: { status: DataConnectionStatus.Unlinked },
          }),
        ),
        connectionWithoutNulls,
      ),
    listPullOperations: (companyId) =>
      lenient(
        call('listPullOperations', () =>
          refreshDataListPullOperations(client, {
            companyId,
            page: 1,
            pageSize: SYNC_HISTORY_SIZE,
            // Codat orders this list by any property; `-` is descending.
            orderBy: '-requested',
          }),
        ).then((page) => page.results ?? []),
        pullOperationsLeniently,
      ),
    deleteCompany: (companyId) => call('deleteCompany', () => companiesDelete(client, { companyId })),
    // The SDK's data-status schema is stricter than the platform: a type that never synced comes back as just
    // `{dataType}` (no `currentStatus`), and a `currentStatus` added after this SDK version fails its closed
    // enum. Either makes the SDK reject a perfectly good 200. The body is still useful (the client classifies
    // unknown statuses itself), so the raw object is passed on, keyed as the platform sent it.
    getDataStatus: (companyId) =>
      lenient(
        call('getDataStatus', () => refreshDataGet(client, { companyId })).then(keyedByDataType),
        (raw) => raw,
      ),
  };
}

async function call<T>(operation: string, run: () => Promise<SdkResult<T>>): Promise<T> {
  // The SDK rejects (rather than returning an error result) on a 200 whose body is not JSON. Its APIPromise
  // then also rejects an internal promise that only `.catch()` handles: awaiting inside try/catch would
  // leave that one unhandled, and an unhandled rejection ends a Node process.
  const result = await run().catch((error: unknown) => {
    throw new PlatformCallError(operation, error);
  });
  if (!result.ok) throw new PlatformCallError(operation, result.error);
  return result.value;
}

/** The SDK renames some keys (`banking-accounts` → `bankingAccounts`); each entry's `dataType` has the original. */
function keyedByDataType(statuses: DataStatuses): Record<string, unknown> {
  return Object.fromEntries(
    Object.values(statuses).flatMap((status) => (status ? [[status.dataType, status] as const] : [])),
  );
}
