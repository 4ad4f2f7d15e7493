import type { JourneyContext, JourneyError, JourneySnapshot } from './context.ts';
import type { JourneyEffect } from './effects.ts';
import type { JourneyEvent } from './events.ts';
import type { JourneyState } from './states.ts';

/** The next snapshot plus the effects to run. Effects are data: the machine runs none of them. */
export interface TransitionResult extends JourneySnapshot {
  readonly effects: readonly JourneyEffect[];
}

/** What an action returns: a transition, and maybe an event to handle at once in the new state (like XState's `raise`). */
export interface ActionResult extends TransitionResult {
  readonly raise?: JourneyEvent;
}

/** The dashboard, with its company known: where the journey rests between what the user does there. */
export const onDashboard = (context: JourneyContext): boolean =>
  context.home !== null && context.company !== null;

export const stay = (snapshot: JourneySnapshot): TransitionResult => ({ ...snapshot, effects: [] });

export const go = (
  state: JourneyState,
  context: JourneyContext,
  effects: readonly JourneyEffect[] = [],
): TransitionResult => ({ state, context, effects });

/** Effects first, then the result's own: for events that must be told before what follows. */
export const withEffectsBefore = (
  effects: readonly JourneyEffect[],
  result: TransitionResult,
): TransitionResult => ({ ...result, effects: [...effects, ...result.effects] });

/**
 * To `error`, telling the outside world; `before` runs ahead of the `onboard-error` event. On the dashboard,
 * once its company is known, the failure shows on the dashboard itself (`overview`), which stays usable.
 */
export const fail = (
  context: JourneyContext,
  error: JourneyError,
  before: readonly JourneyEffect[] = [],
): TransitionResult =>
  go(onDashboard(context) ? 'overview' : 'error', { ...context, error, notice: null }, [
    ...before,
    { type: 'emit', event: 'error', detail: { error } },
  ]);
