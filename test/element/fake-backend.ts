import type {
  Company,
  Connection,
  DataStatuses,
  OnboardBackend,
  PullOperation,
} from '../../src/backend/index.ts';

type Step<T> = T | Error;

/** An in-memory backend whose answers are scripted per method; every call is recorded. */
export class FakeBackend implements OnboardBackend {
  readonly calls: string[] = [];
  readonly idempotencyKeys: string[] = [];
  created: Step<Company>[] = [];
  companies: Step<Company>[] = [];
  statuses: Step<DataStatuses>[] = [];

  createCompany(input: { name: string }, options: { idempotencyKey: string }): Promise<Company> {
    this.calls.push(`create ${input.name}`);
    this.idempotencyKeys.push(options.idempotencyKey);
    return this.next(this.created, 'create');
  }
  getCompany(companyId: string): Promise<Company> {
    this.calls.push(`get ${companyId}`);
    return this.next(this.companies, 'get');
  }
  getDataStatus(companyId: string): Promise<DataStatuses> {
    this.calls.push(`status ${companyId}`);
    return this.next(this.statuses, 'status');
  }
  refreshData(companyId: string): Promise<void> {
    this.calls.push(`refresh ${companyId}`);
    return Promise.resolve();
  }

  /** The dashboard's calls: scripted like the others; each answer may wait for the test (`hold`). */
  disconnected: Step<Connection>[] = [];
  history: Step<PullOperation[]>[] = [];
  deleted: Step<void>[] = [undefined];
  /** While set, the dashboard's calls wait for it: the test sees them under way. */
  hold: Promise<void> | null = null;

  async disconnect(companyId: string, connectionId: string): Promise<Connection> {
    this.calls.push(`disconnect ${companyId} ${connectionId}`);
    await this.hold;
    return this.next(this.disconnected, 'disconnect');
  }
  async getSyncHistory(companyId: string): Promise<PullOperation[]> {
    this.calls.push(`history ${companyId}`);
    await this.hold;
    return this.next(this.history, 'history');
  }
  async deleteCompany(companyId: string): Promise<void> {
    this.calls.push(`delete ${companyId}`);
    await this.hold;
    return this.next(this.deleted, 'delete');
  }

  private next<T>(queue: Step<T>[], what: string): Promise<T> {
    // The last answer repeats, so polling can go on reading the same status.
    const step = queue.length > 1 ? queue.shift() : queue[0];
    if (step === undefined && queue.length === 0)
      return Promise.reject(new Error(`no scripted answer for ${what}`));
    return step instanceof Error ? Promise.reject(step) : Promise.resolve(step as T);
  }
}

export const COMPANY_ID = '6d5c8a0e-8c8b-4c44-9d0e-1b7a2c9f0a11';
export const LINK_ORIGIN = 'https://link.codat.io';

export const company = (extra: Partial<Company> = {}): Company => ({
  id: COMPANY_ID,
  name: 'Acme Ltd',
  redirect: `${LINK_ORIGIN}/company/${COMPANY_ID}`,
  dataConnections: [],
  ...extra,
});

export const linkedCompany = (connectionId = 'conn-1'): Company =>
  company({ dataConnections: [{ id: connectionId, platformName: 'Xero', status: 'Linked' }] });

export const statuses = (...entries: [string, string | undefined][]): DataStatuses =>
  Object.fromEntries(
    entries.map(([dataType, currentStatus]) => [
      dataType,
      currentStatus === undefined ? { dataType } : { dataType, currentStatus },
    ]),
  );

/** The same readings as one sync of the platform's (`latestSyncId`): how a new sync is told from the last one. */
export const ofSync = (syncId: string, readings: DataStatuses): DataStatuses =>
  Object.fromEntries(
    Object.entries(readings).map(([dataType, reading]) => [dataType, { ...reading, latestSyncId: syncId }]),
  );
