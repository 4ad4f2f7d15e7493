import type { CompanyInput } from './company-input.ts';
import { ConnectionStatus, type StoredCompany, type StoredConnection } from './model.ts';
import type { Platform } from './platforms.ts';
import type { SyncScenario } from './scenarios.ts';

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

/** A new company with no connections and no syncs, playing `scenario` (the simulator's default if none). */
export function newCompany(
  input: CompanyInput,
  fields: { id: string; redirect: string; created: string; scenario: SyncScenario | undefined },
): StoredCompany {
  const { scenario, ...rest } = fields;
  return {
    ...rest,
    ...input,
    connections: [],
    syncs: [],
    ...(scenario !== undefined && { scenario }),
    scenarioChosenAtSync: 0,
  };
}

/**
 * Marks the company linked to `platform` at `now`, reusing its connection to that platform if it has one (as
 * Codat does when a user re-authorises), and returns the connection and whether it was already linked
 * (`statusNow`: its status at `now`, which a scenario may have changed since it was stored).
 */
export function linkConnection(
  company: StoredCompany,
  platform: Platform,
  fields: {
    id: string;
    linkUrl: (connectionId: string) => string;
    now: number;
    statusNow: (connection: StoredConnection) => ConnectionStatus;
  },
): { connection: StoredConnection; wasLinked: boolean } {
  const existing = company.connections.find(
    (connection) => connection.integrationKey === platform.integrationKey,
  );
  if (existing) {
    const wasLinked = fields.statusNow(existing) === ConnectionStatus.Linked;
    if (!wasLinked) {
      existing.status = ConnectionStatus.Linked;
      existing.linkedAt = fields.now;
    }
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
    created: new Date(fields.now).toISOString(),
    linkedAt: fields.now,
  };
  company.connections.push(connection);
  return { connection, wasLinked: false };
}
