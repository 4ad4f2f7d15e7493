import { describeFailure, type OnboardBackend } from '../backend/index.ts';
import {
  dashboardTransition,
  initialDashboard,
  type DashboardEffect,
  type DashboardEvent,
  type DashboardState,
} from '../machine/dashboard.ts';
import type { JourneySnapshot, StepFailure } from '../machine/index.ts';
import type { JourneyIntent } from './intents.ts';

/** What the dashboard's runner works with: the backend, the journey beside it, and who to tell of changes. */
export interface DashboardPorts {
  readonly backend: () => OnboardBackend;
  readonly journey: { send(intent: JourneyIntent): void; readonly snapshot: JourneySnapshot };
  /** Told after every change of the dashboard's state. */
  readonly onChange: (state: DashboardState) => void;
  /** Told of each failed request as it is shown (the element dispatches it as `onboard-error`). */
  readonly onFailure: (failure: StepFailure) => void;
}

/** The dashboard's operations, running. */
export interface DashboardRunner {
  send(event: DashboardEvent): void;
  getState(): DashboardState;
  /** Drops answers still to come; later events are ignored. */
  stop(): void;
}

/**
 * Runs the dashboard's requests (disconnect, delete, history) through the backend, as `machine/dashboard.ts`
 * asks, and tells the journey what they changed: it owns the company, its events and its final state.
 */
export function createDashboardRunner(ports: DashboardPorts): DashboardRunner {
  let state = initialDashboard;
  let stopped = false;
  const inflight = new AbortController();

  function dispatch(event: DashboardEvent): void {
    if (stopped) return;
    const result = dashboardTransition(state, event);
    state = result.state;
    ports.onChange(state);
    for (const effect of result.effects) void run(effect);
  }

  async function run(effect: DashboardEffect): Promise<void> {
    if (effect.kind === 'tell-failure') return ports.onFailure(effect.failure);
    const { companyId, journeyId, company } = ports.journey.snapshot.context;
    if (companyId === null || company === null) return;
    const options = { signal: inflight.signal, journeyId };
    const backend = ports.backend();
    try {
      switch (effect.kind) {
        case 'disconnect': {
          if (!backend.disconnect) throw unoffered();
          const connection = await backend.disconnect(companyId, effect.connectionId, options);
          if (stopped) return;
          dispatch({ type: 'DONE' });
          // The platform's answer is the connection as it is now: no second read needed.
          ports.journey.send({ type: 'CONNECTION.DISCONNECTED', connection });
          return;
        }
        case 'delete':
          if (!backend.deleteCompany) throw unoffered();
          await backend.deleteCompany(companyId, options);
          if (stopped) return;
          dispatch({ type: 'DONE' });
          ports.journey.send({ type: 'COMPANY.DELETED' });
          return;
        case 'history': {
          if (!backend.getSyncHistory) throw unoffered();
          const operations = await backend.getSyncHistory(companyId, options);
          dispatch({ type: 'HISTORY.LOADED', request: effect.request, operations });
          return;
        }
      }
    } catch (error) {
      const failure = describeFailure(error);
      if (failure === null) return;
      dispatch(
        effect.kind === 'history'
          ? { type: 'HISTORY.FAILED', request: effect.request, failure }
          : { type: 'FAILED', failure },
      );
    }
  }

  return {
    send: dispatch,
    getState: () => state,
    stop() {
      stopped = true;
      inflight.abort();
    },
  };
}

/** The dashboard offers an action only when the backend has its call: reaching here is a bug. */
const unoffered = (): TypeError => new TypeError('The backend does not offer this call.');
