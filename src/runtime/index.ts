export { createJourneyRunner, type JourneyRunner } from './runner.ts';
export type { JourneyIntent } from './intents.ts';
export type { JourneyConfig, JourneyIds, JourneyPorts, RunnerEvent, RunnerEventDetails } from './ports.ts';
