import { expect } from 'chai';
import { JourneyState, transition, type JourneyEvent } from '../../src/machine/index.ts';
import { at, everyEvent, labels } from './fixtures.ts';

type Key = `${JourneyState}|${JourneyEvent['type']}`;

/**
 * Every pair that does something: the next state and the effects, in order.
 * Any pair not listed here must be ignored (same snapshot, no effects).
 */
const handled: Partial<Record<Key, readonly [JourneyState, readonly string[]]>> = {
  'idle|JOURNEY.START': ['idle', []],
  'idle|NAME.SUBMIT': ['creating', ['createCompany']],
  'creating|COMPANY.CREATED': ['ready', ['emit:company-created', 'emit:link-ready']],
  'creating|STEP.FAILED': ['error', ['emit:error']],
  'loading|COMPANY.LOADED': ['ready', ['emit:link-ready']],
  'loading|STEP.FAILED': ['error', ['emit:error']],
  'ready|LINK.OPEN': ['linking', ['openLink']],
  'overview|LINK.OPEN': ['linking', ['openLink']],
  'overview|DATA.REFRESH': ['syncing', ['startSync']],
  'overview|CONNECTION.DISCONNECTED': ['overview', ['emit:disconnected']],
  'overview|COMPANY.DELETED': ['deleted', ['emit:company-deleted']],
  'overview|COMPANY.LOADED': ['overview', []],
  'linking|LINK.OPENED': ['linking', ['emit:link-opened']],
  'linking|LINK.FOCUS': ['linking', ['focusLink']],
  'linking|LINK.CANCEL': ['ready', ['closeLink', 'emit:cancel']],
  'linking|LINK.POPUP_BLOCKED': ['linking', ['emit:popup-blocked', 'openLink']],
  'linking|LINK.URL_REJECTED': ['error', ['closeLink', 'emit:error']],
  'linking|LINK.STORAGE_FAILED': ['error', ['closeLink', 'emit:error']],
  'linking|LINK.CALLBACK': ['confirming', ['closeLink', 'checkLink']],
  'linking|LINK.ABANDONED': ['ready', ['closeLink', 'emit:cancel']],
  'linking|STEP.FAILED': ['error', ['closeLink', 'emit:error']],
  'linking|LINK.URL_READY': ['linking', ['openLink']],
  'confirming|LINK.CHECKED': ['syncing', ['emit:linked', 'startSync']],
  'confirming|STEP.FAILED': ['error', ['emit:error']],
  'syncing|SYNC.READING': ['syncing', ['emit:sync-progress']],
  'syncing|SYNC.BASELINE': ['syncing', []],
  'syncing|SYNC.TIMED_OUT': ['error', ['stopSync', 'emit:error']],
  'syncing|STEP.FAILED': ['error', ['stopSync', 'emit:error']],
  'error|RETRY': ['confirming', ['checkLink']],
};

describe('machine: every state × every event', () => {
  for (const state of Object.values(JourneyState)) {
    for (const event of Object.values(everyEvent)) {
      const expected = handled[`${state}|${event.type}`];
      const snapshot = at(state);
      it(`${state} + ${event.type} → ${expected ? `${expected[0]} [${expected[1].join(', ')}]` : 'ignored'}`, () => {
        const result = transition(snapshot, event);
        if (expected === undefined) {
          expect(result.state).to.equal(state);
          expect(result.context).to.equal(snapshot.context);
          expect(result.effects).to.deep.equal([]);
        } else {
          expect(result.state).to.equal(expected[0]);
          expect(labels(result)).to.deep.equal(expected[1]);
        }
      });
    }
  }
});
