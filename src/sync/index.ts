export { PlatformStatusPhase, classifyStatus, isKnownStatus, type PlatformStatus } from './status-classes.ts';
export { summarizeDataStatus, type SyncOutcome } from './summarize.ts';
export { startPolling, type Poller, type PollingHandlers, type PollingOptions } from './poller.ts';
