import { chart, type Branch } from './chart.ts';
import type { JourneySnapshot } from './context.ts';
import type { JourneyEvent } from './events.ts';
import { stay, withEffectsBefore, type TransitionResult } from './result.ts';

export type { TransitionResult } from './result.ts';

/**
 * One event as the steps it takes: the transition it causes, then those of any event its action raises (a
 * resumed journey taking the callback it came back with). The runtime saves and announces each step, so a
 * state passed through is still seen. Reads the chart: the first branch of the state's handler for the event
 * whose guard passes is taken, and the state's exit is applied when the state changes. An event the state does
 * not take gives one step that changes nothing.
 */
export function microsteps(snapshot: JourneySnapshot, event: JourneyEvent): TransitionResult[] {
  const node = chart[snapshot.state];
  const branches = node.on[event.type] as readonly Branch<JourneyEvent>[] | undefined;
  const branch = branches?.find(({ guard }) => guard?.(snapshot.context, event) ?? true);
  if (branch === undefined) return [stay(snapshot)];
  const { raise, ...result } = branch.then(snapshot.context, event, snapshot.state);
  const left =
    result.state === snapshot.state || node.exit === undefined
      ? result
      : withEffectsBefore(node.exit.effects, {
          ...result,
          context: { ...result.context, ...node.exit.reset },
        });
  return raise === undefined ? [left] : [left, ...microsteps(left, raise)];
}

/**
 * The whole journey as a pure function: given where we are and what happened, where we go and what to do
 * (every step's effects, in order). Events that make no sense in the current state are ignored: same snapshot,
 * no effects.
 */
export function transition(snapshot: JourneySnapshot, event: JourneyEvent): TransitionResult {
  const steps = microsteps(snapshot, event);
  const last = steps[steps.length - 1] ?? stay(snapshot);
  return { ...last, effects: steps.flatMap((step) => step.effects) };
}
