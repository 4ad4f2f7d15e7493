import { expect } from '@open-wc/testing';
import { JourneyState, transition, type JourneyEvent } from '../../src/machine/index.ts';
import { contextFor, everyEvent } from './fixtures.ts';

type Key = `${JourneyState}|${JourneyEvent['type']}`;

/**
 * Every pair that does something: the next state and the effect types, in order.
 * Any pair not listed here must be ignored (same snapshot, no effects).
 */
const handled: Partial<Record<Key, readonly [JourneyState, readonly string[]]>> = {
  'idle|COMPANY.LOAD': ['loading', ['loadCompany']],
  'idle|NAME.SUBMIT': ['creating', ['createCompany']],
  'idle|JOURNEY.RESUME': ['linking', []],
  'creating|COMPANY.CREATED': ['ready', ['emit:company-created', 'emit:link-ready']],
  'creating|STEP.FAILED': ['error', ['emit:error']],
  'loading|COMPANY.LOADED': ['ready', ['emit:link-ready']],
  'loading|STEP.FAILED': ['error', ['emit:error']],
  'ready|LINK.OPEN': ['linking', ['openLink']],
  'overview|LINK.OPEN': ['linking', ['openLink']],
  'overview|DATA.REFRESH': ['syncing', ['startSync']],
  'linking|LINK.CALLBACK': ['confirming', ['confirmLink']],
  'linking|LINK.ABANDONED': ['ready', ['emit:cancel']],
  'linking|STEP.FAILED': ['error', ['emit:error']],
  'confirming|LINK.CONFIRMED': ['syncing', ['emit:linked', 'startSync']],
  'confirming|LINK.NOT_CONFIRMED': ['error', ['emit:error']],
  'confirming|STEP.FAILED': ['error', ['emit:error']],
  'syncing|SYNC.PROGRESS': ['syncing', ['emit:sync-progress']],
  'syncing|SYNC.DONE': ['complete', ['stopSync', 'emit:sync-progress', 'emit:complete']],
  'syncing|SYNC.FAILED': ['error', ['stopSync', 'emit:sync-progress', 'emit:error']],
  'syncing|STEP.FAILED': ['error', ['stopSync', 'emit:error']],
  'error|RETRY': ['confirming', ['confirmLink']],
};

const label = (effect: { type: string; event?: string }): string =>
  effect.type === 'emit' ? `emit:${effect.event ?? ''}` : effect.type;

describe('transition: every state × every event', () => {
  for (const state of Object.values(JourneyState)) {
    for (const event of Object.values(everyEvent)) {
      const expected = handled[`${state}|${event.type}`];
      const snapshot = { state, context: contextFor(state) };
      it(`${state} + ${event.type} → ${expected ? expected[0] : 'ignored'}`, () => {
        const result = transition(snapshot, event);
        if (expected === undefined) {
          expect(result.state).to.equal(state);
          expect(result.context).to.equal(snapshot.context);
          expect(result.effects).to.deep.equal([]);
        } else {
          expect(result.state).to.equal(expected[0]);
          expect(result.effects.map(label)).to.deep.equal(expected[1]);
        }
      });
    }
  }
});
