import { chart, type Branch } from './chart.ts';
import type { JourneySnapshot } from './context.ts';
import type { JourneyEvent } from './events.ts';
import { stay, withEffectsBefore, type TransitionResult } from './result.ts';

export type { TransitionResult } from './result.ts';

/**
 * The whole journey as a pure function: given where we are and what happened, where we go and what to do.
 * Reads the chart: the first branch of the state's handler for the event whose guard passes is taken, the
 * state's exit is applied when the state changes, and an event the action raises is handled at once.
 * Events a state does not take are ignored: same snapshot, no effects.
 */
export function transition(snapshot: JourneySnapshot, event: JourneyEvent): TransitionResult {
  const node = chart[snapshot.state];
  const branches = node.on[event.type] as readonly Branch<JourneyEvent>[] | undefined;
  const branch = branches?.find(({ guard }) => guard?.(snapshot.context, event) ?? true);
  if (branch === undefined) return stay(snapshot);
  const { raise, ...result } = branch.then(snapshot.context, event, snapshot.state);
  const left =
    result.state === snapshot.state || node.exit === undefined
      ? result
      : withEffectsBefore(node.exit.effects, {
          ...result,
          context: { ...result.context, ...node.exit.reset },
        });
  if (raise === undefined) return left;
  const follow = transition(left, raise);
  return { ...follow, effects: [...left.effects, ...follow.effects] };
}
