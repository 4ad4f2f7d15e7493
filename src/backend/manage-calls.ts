/*
 * The dashboard's calls of the REST contract (disconnect, sync history, delete), loaded with the dashboard:
 * `createFetchBackend` imports this module on first use, so the sign-up page never carries it.
 */
import type { RequestOptions } from './backend.ts';
import { HttpError } from './errors.ts';
import { encode, type FetchTransport } from './fetch-backend.ts';
import { parseSyncHistory, type PullOperation } from './history-schema.ts';
import { ConnectionSchema, parserOf, type Connection } from './schemas.ts';

const parseConnection = parserOf(ConnectionSchema);

export async function disconnect(
  { send, json }: FetchTransport,
  companyId: string,
  connectionId: string,
  options: RequestOptions = {},
): Promise<Connection> {
  const path = `/companies/${encode(companyId)}/connections/${encode(connectionId)}/disconnect`;
  // Safe to repeat: disconnecting a disconnected connection leaves it as it is.
  return json('connection', await send({ method: 'POST', path, body: {}, options }), parseConnection);
}

export async function getSyncHistory(
  { send, json }: FetchTransport,
  companyId: string,
  options: RequestOptions = {},
): Promise<PullOperation[]> {
  const path = `/companies/${encode(companyId)}/sync-history`;
  return json('sync history', await send({ method: 'GET', path, options }), parseSyncHistory);
}

export async function deleteCompany(
  { send }: FetchTransport,
  companyId: string,
  options: RequestOptions = {},
): Promise<void> {
  try {
    const response = await send({ method: 'DELETE', path: `/companies/${encode(companyId)}`, options });
    await response.body?.cancel();
  } catch (error) {
    // A retry whose first attempt deleted the company (its answer lost) finds it gone: that is done too. Only
    // the platform's word counts (`company-not-found`), not a 404 for a path nobody serves.
    if (!(error instanceof HttpError && error.status === 404 && error.code === 'company-not-found'))
      throw error;
  }
}
