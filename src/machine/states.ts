/** Every state the journey can be in; reflected as the element's `state` attribute. */
export const JourneyState = {
  Idle: 'idle',
  Creating: 'creating',
  Loading: 'loading',
  Ready: 'ready',
  Linking: 'linking',
  Confirming: 'confirming',
  Syncing: 'syncing',
  Complete: 'complete',
  Error: 'error',
  Overview: 'overview',
  /** The company was deleted from the dashboard: final. */
  Deleted: 'deleted',
} as const;
export type JourneyState = (typeof JourneyState)[keyof typeof JourneyState];

/** The asynchronous steps that can fail; "Try again" returns to the one that failed. Declared once, here. */
export const RETRYABLE_STEPS = [
  'creating',
  'loading',
  'linking',
  'confirming',
  'syncing',
] as const satisfies readonly JourneyState[];
export type RetryableStep = (typeof RETRYABLE_STEPS)[number];
