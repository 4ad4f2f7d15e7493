import type { ResolvedSimulatorOptions } from './options.ts';
import type { StoredCompany } from './model.ts';
import type { Store } from './store.ts';
import type { SyncPlan } from './sync-progress.ts';

/** What every route of one simulator shares. */
export interface SimulatorContext {
  readonly options: ResolvedSimulatorOptions;
  readonly store: Store;
  readonly plan: SyncPlan;
  /** Reported as `clientId` in Link redirects: one Codat "client" per simulator. */
  readonly clientId: string;
}

/** Queues a sync of every configured data type, starting now. */
export function startSync(context: SimulatorContext, company: StoredCompany): void {
  company.syncs.push({ id: context.options.uuid(), startedAt: context.options.now() });
}
