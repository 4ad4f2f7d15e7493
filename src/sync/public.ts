/**
 * `company-onboard/sync`: how the element reads Codat's data status, for a UI of your own (with the headless
 * `createJourneyRunner`, or without it). Kept out of the browser entry: the sign-up page loads it on demand.
 */
export { classifyStatus, type PlatformStatus } from './status-classes.ts';
export { summarizeDataStatus, type SyncReading } from './summarize.ts';
