import type { ResolvedSimulatorOptions } from './options.ts';
import type { StoredCompany } from './model.ts';
import { SyncScenario } from './scenarios.ts';
import type { Store } from './store.ts';
import { deauthorizedAfterLinkSince, type SyncPlan } from './sync-progress.ts';

/** What every route of one simulator shares. */
export interface SimulatorContext {
  readonly options: ResolvedSimulatorOptions;
  readonly store: Store;
  readonly plan: SyncPlan;
  /** Reported as `clientId` in Link redirects: one Codat "client" per simulator. */
  readonly clientId: string;
}

/** The sync plan the options describe. */
export function syncPlanOf(options: ResolvedSimulatorOptions): SyncPlan {
  const { dataTypes } = options;
  const durations: Partial<Record<SyncScenario, number>> = {
    [SyncScenario.Fast]: options.fastSyncDurationMs,
    [SyncScenario.Slow]: options.slowSyncDurationMs,
  };
  return {
    dataTypes,
    neverSyncedTypes: options.neverSyncedTypes,
    failingDataType: dataTypes.includes(options.failingDataType) ? options.failingDataType : dataTypes.at(-1),
    durationOf: (scenario) => durations[scenario] ?? options.syncDurationMs,
  };
}

/** The scenario the company's next sync plays. */
export function companyScenario(context: SimulatorContext, company: StoredCompany): SyncScenario {
  return company.scenario ?? context.options.scenario;
}

/** Queues a sync of every configured data type, starting now, playing the company's scenario. */
export function startSync(context: SimulatorContext, company: StoredCompany): void {
  const now = context.options.now();
  const scenario = companyScenario(context, company);
  company.syncs.push({
    id: context.options.uuid(),
    startedAt: now,
    scenario,
    durationMs: context.plan.durationOf(scenario),
    deauthorizesAtEnd:
      scenario === SyncScenario.DeauthorizedAfterLink &&
      !deauthorizedAfterLinkSince(company.syncs, company.scenarioChosenAtSync, now),
  });
}
