import type { DataType } from './data-types.ts';
import type { ResolvedSimulatorOptions } from './options.ts';
import { ConnectionStatus, type StoredCompany, type StoredConnection, type Sync } from './model.ts';
import type { OneTimeLinks } from './one-time-links.ts';
import { SourceType } from './platforms.ts';
import type { RateLimitCounter } from './rate-limit.ts';
import { SyncScenario } from './scenarios.ts';
import type { SimulatorSettings } from './settings.ts';
import type { Store } from './store.ts';
import { connectionStatusAt, deauthorizedAfterLinkSince, type SyncPlan } from './sync-progress.ts';
import type { ViewOptions } from './views.ts';

/** What every route of one simulator shares. */
export interface SimulatorContext {
  readonly options: ResolvedSimulatorOptions;
  /** The options a running simulator can change (`Simulator.configure`, the control API). */
  settings: SimulatorSettings;
  readonly store: Store;
  readonly plan: SyncPlan;
  /** Reported as `clientId` in Link redirects: one Codat "client" per simulator. */
  readonly clientId: string;
  readonly links: OneTimeLinks;
  readonly rateLimit: RateLimitCounter;
}

/** The sync plan the options describe. */
export function syncPlanOf(options: ResolvedSimulatorOptions): SyncPlan {
  const { neverSyncedTypes } = options;
  const dataTypes = options.dataTypes.filter((dataType) => !neverSyncedTypes.includes(dataType));
  const durations: Partial<Record<SyncScenario, number>> = {
    [SyncScenario.Fast]: options.fastSyncDurationMs,
    [SyncScenario.Slow]: options.slowSyncDurationMs,
  };
  return {
    dataTypes,
    neverSyncedTypes,
    failingDataType: dataTypes.includes(options.failingDataType) ? options.failingDataType : dataTypes.at(-1),
    durationOf: (scenario) => durations[scenario] ?? options.syncDurationMs,
  };
}

/** The scenario the company's next sync plays. */
export function companyScenario(context: SimulatorContext, company: StoredCompany): SyncScenario {
  return company.scenario ?? context.options.scenario;
}

/** The company's connections `Linked` at `now` (a scenario may have deauthorised some since they were stored). */
export function linkedConnections(
  context: SimulatorContext,
  company: StoredCompany,
  now: number = context.options.now(),
): StoredConnection[] {
  return company.connections.filter(
    (connection) =>
      connectionStatusAt(context.plan, connection, company.syncs, now) === ConnectionStatus.Linked,
  );
}

/**
 * The linked connection a type is read from: the first of the type's source (`banking-*` types from a bank,
 * `commerce-*` from a commerce platform, the rest from accounting), else the first linked one.
 */
export function sourceConnection(
  linked: readonly StoredConnection[],
  dataType: DataType,
): StoredConnection | undefined {
  const source = dataType.startsWith('banking-')
    ? SourceType.Banking
    : dataType.startsWith('commerce-')
      ? SourceType.Commerce
      : SourceType.Accounting;
  return linked.find((connection) => connection.sourceType === source) ?? linked[0];
}

/**
 * Queues a sync starting now, playing the company's scenario, of `dataTypes` (default: every configured type),
 * each read from `connection` or else from its {@link sourceConnection}: one pull operation per type. The
 * caller makes sure the company has a linked connection. Returns it.
 */
export function startSync(
  context: SimulatorContext,
  company: StoredCompany,
  dataTypes: readonly DataType[] = context.plan.dataTypes,
  connection?: StoredConnection,
): Sync {
  const now = context.options.now();
  const scenario = companyScenario(context, company);
  const linked = linkedConnections(context, company, now);
  const reads = dataTypes.map((dataType) => {
    const source = connection ?? sourceConnection(linked, dataType);
    // A bug, not a request to answer: every caller checks for a linked connection first.
    if (!source) throw new Error(`startSync: company ${company.id} has no linked connection`);
    return { dataType, id: context.options.uuid(), connectionId: source.id };
  });
  const sync: Sync = {
    dataTypes,
    reads,
    startedAt: now,
    scenario,
    durationMs: context.plan.durationOf(scenario),
    // A queued single type does not play the scenario's revocation: that belongs to a sync of the company.
    deauthorizesAtEnd:
      scenario === SyncScenario.DeauthorizedAfterLink &&
      context.plan.dataTypes.every((dataType) => dataTypes.includes(dataType)) &&
      !deauthorizedAfterLinkSince(company.syncs, company.scenarioChosenAtSync, now),
  };
  company.syncs.push(sync);
  return sync;
}

/** How the API shows companies now: `null`s or not, and Link URLs with a fresh one-time password or not. */
export function viewOptionsOf(context: SimulatorContext): ViewOptions {
  const now = context.options.now();
  return {
    now,
    nullForMissing: context.settings.nullForMissing,
    linkUrl: (url, target) =>
      context.settings.oneTimeLinkUrls ? context.links.withPassword(url, target, now) : url,
  };
}
