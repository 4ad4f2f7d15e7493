export { createSimulator, type Simulator } from './simulator.ts';
export { startSimulator, type RunningSimulator, type StartSimulatorOptions } from './start.ts';
export { DEFAULT_SIMULATOR_API_KEY, type SimulatorOptions } from './options.ts';
export { DataType, DEFAULT_DATA_TYPES, SyncStatus } from './data-types.ts';
export { ConnectionStatus, type Company, type Connection, type DataStatus } from './model.ts';
export { PLATFORMS, SourceType, type Platform } from './platforms.ts';
export type { NameCharacters, SimulatorSettings } from './settings.ts';
export type { PullOperation } from './history.ts';
export type { ActiveFault, FaultKind, FaultSpec, SimulatorFaults } from './faults.ts';
export { SCENARIO_TAG, SYNC_SCENARIOS, SyncScenario } from './scenarios.ts';
export {
  SVIX_RETRY_SCHEDULE_MS,
  type SimulatorWebhooks,
  type WebhookEndpoint,
  type WebhookSenderOptions,
} from './webhook-sender.ts';
export type { ReadCompletedPer } from './webhook-events.ts';
