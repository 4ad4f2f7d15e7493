import { CodatPlatformError } from '@codat/platform/sdk/models/errors/codatplatformerror.js';
import type { Connection } from '@codat/platform/sdk/models/shared/connection.js';
import { DataConnectionStatus } from '@codat/platform/sdk/models/shared/dataconnectionstatus.js';
import { PlatformCallError, type PlatformClient } from './platform.ts';

/** The statuses with which the platform may refuse to unlink a connection that is not `Linked`. */
const REFUSALS: ReadonlySet<number> = new Set([400, 409, 422]);

/**
 * Unlinks the connection and returns it, `Unlinked`. Codat unlinks only a `Linked` connection, so a repeat
 * (a retry whose first answer was lost, a second tab) is refused although what was asked is done: on such a
 * refusal the company is read, and a connection already `Unlinked` is answered as if this call had unlinked
 * it. Any other refusal, or a failure to read the company, throws the platform's first answer.
 */
export async function disconnect(
  platform: PlatformClient,
  companyId: string,
  connectionId: string,
): Promise<Connection> {
  try {
    return await platform.unlinkConnection(companyId, connectionId);
  } catch (error) {
    if (!(error instanceof PlatformCallError && refusal(error.cause))) throw error;
    const company = await platform.getCompany(companyId).catch(() => undefined);
    const connection = company?.dataConnections?.find((candidate) => candidate.id === connectionId);
    if (connection?.status === DataConnectionStatus.Unlinked) return connection;
    throw error;
  }
}

function refusal(cause: unknown): boolean {
  return cause instanceof CodatPlatformError && REFUSALS.has(cause.statusCode);
}
