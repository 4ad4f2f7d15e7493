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
    unstartedReads: [],
    ...(scenario !== undefined && { scenario }),
    scenarioChosenAtSync: 0,
  };
}

/**
 * The company's connection to `platform`, created `PendingAuth` if it has none, as when a user picks a platform
 * in hosted Link. An existing one is reused whatever its status (re-authorising keeps the connection).
 */
export function pickConnection(
  company: StoredCompany,
  platform: Platform,
  fields: { id: string; linkUrl: (connectionId: string) => string; now: number },
): StoredConnection {
  const existing = company.connections.find(
    (connection) => connection.integrationKey === platform.integrationKey,
  );
  if (existing) return existing;
  const connection: StoredConnection = {
    id: fields.id,
    integrationId: platform.integrationId,
    integrationKey: platform.integrationKey,
    sourceId: platform.sourceId,
    sourceType: platform.sourceType,
    platformName: platform.platformName,
    linkUrl: fields.linkUrl(fields.id),
    status: ConnectionStatus.PendingAuth,
    created: new Date(fields.now).toISOString(),
  };
  company.connections.push(connection);
  return connection;
}

/**
 * Marks the connection `Linked` at `now` and says what kind of link that was: the company's first (Codat then
 * starts a sync by itself), a re-link of a connection linked before, or a new connection of a company that
 * already linked one.
 */
export function markLinked(
  company: StoredCompany,
  connection: StoredConnection,
  now: number,
): 'first' | 'relink' | 'another' {
  const kind =
    connection.linkedAt !== undefined
      ? 'relink'
      : company.connections.some((other) => other.linkedAt !== undefined)
        ? 'another'
        : 'first';
  connection.status = ConnectionStatus.Linked;
  connection.linkedAt = now;
  return kind;
}
