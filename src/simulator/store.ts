import type { CompanyInput } from './company-input.ts';
import { ConnectionStatus, type StoredCompany, type StoredConnection } from './model.ts';
import type { Platform } from './platforms.ts';

/** The simulator's whole state: companies in creation order. Plain data; the API views are built elsewhere. */
export class Store {
  readonly #companies = new Map<string, StoredCompany>();

  all(): StoredCompany[] {
    return [...this.#companies.values()];
  }

  get(id: string): StoredCompany | undefined {
    return this.#companies.get(id);
  }

  addCompany(company: StoredCompany): void {
    this.#companies.set(company.id, company);
  }

  deleteCompany(id: string): boolean {
    return this.#companies.delete(id);
  }

  clear(): void {
    this.#companies.clear();
  }
}

/** A new company with no connections and no syncs. */
export function newCompany(
  input: CompanyInput,
  fields: { id: string; redirect: string; created: string },
): StoredCompany {
  return { ...fields, ...input, connections: [], syncs: [] };
}

/**
 * Marks the company linked to `platform`, reusing its connection to that platform if it has one (as Codat
 * does when a user re-authorises), and returns the connection and whether it was already linked.
 */
export function linkConnection(
  company: StoredCompany,
  platform: Platform,
  fields: { id: string; linkUrl: (connectionId: string) => string; created: string },
): { connection: StoredConnection; wasLinked: boolean } {
  const existing = company.connections.find(
    (connection) => connection.integrationKey === platform.integrationKey,
  );
  if (existing) {
    const wasLinked = existing.status === ConnectionStatus.Linked;
    existing.status = ConnectionStatus.Linked;
    return { connection: existing, wasLinked };
  }
  const connection: StoredConnection = {
    id: fields.id,
    integrationId: platform.integrationId,
    integrationKey: platform.integrationKey,
    sourceId: platform.sourceId,
    sourceType: 'Accounting',
    platformName: platform.platformName,
    linkUrl: fields.linkUrl(fields.id),
    status: ConnectionStatus.Linked,
    created: fields.created,
  };
  company.connections.push(connection);
  return { connection, wasLinked: false };
}
