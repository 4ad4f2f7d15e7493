export { PlatformStatusPhase, classifyStatus, isKnownStatus, type PlatformStatus } from './status-classes.ts';
export { baselineOf, summarizeDataStatus, type SyncReading } from './summarize.ts';
export {
  startPolling,
  type Poller,
  type PollingHandlers,
  type PollingOptions,
  type PollingPorts,
} from './poller.ts';
export { newsWorthReading } from './news.ts';
export { alwaysVisible, documentVisibility, systemClock, type Clock, type Visibility } from './ports.ts';
