import type { LitElement, ReactiveController, TemplateResult } from 'lit';
import { initialDashboard, type DashboardEvent, type DashboardState } from '../../machine/dashboard.ts';
import {
  createDashboardRunner,
  type DashboardPorts,
  type DashboardRunner,
} from '../../runtime/dashboard-runner.ts';
import type { JourneyState, StepFailure } from '../../machine/index.ts';
import { createDashboardNews, type DashboardNews } from '../../runtime/dashboard-news.ts';
import type { JourneyIntent } from '../../runtime/intents.ts';
import { documentVisibility, systemClock } from '../../sync/index.ts';
import { emit } from '../events.ts';
import { errorWords, type ErrorWords } from '../messages/error-text.ts';
import type { OverviewProps } from './overview-props.ts';
import { renderOverview } from './overview.ts';

/** What the dashboard reads of the element: its settings. */
export interface DashboardHost extends LitElement {
  readonly staleAfter: number;
  readonly allowDelete: boolean;
}

/** The element's side of the dashboard: its backend and journey, and its words (with the integrator's). */
export interface DashboardSetup extends Omit<DashboardPorts, 'onChange' | 'onFailure'> {
  readonly text: () => OverviewProps['t'];
  /** The language tag dates and times are formatted in: the one the words are in. */
  readonly locale: () => string;
}

/** How often an open dashboard re-renders, so "2 minutes ago" does not stay that for an hour. */
const TICK_MS = 30_000;

/**
 * Plugs the dashboard's runner into the element: its state re-renders the element; relative times tick while
 * the element is on the page. Focus, when it was in the element, follows what the user did: into a confirmation
 * and back to its opener (or, after a disconnect, to that connection's Reconnect), onto the history's heading
 * and back to its button (the element itself catches focus a render drops).
 */
export class DashboardController implements ReactiveController {
  state: DashboardState = initialDashboard;
  #runner: DashboardRunner | null = null;
  /** Keeps what the dashboard shows current with the backend's news, while it is shown. */
  #news: DashboardNews | null = null;
  #timer: ReturnType<typeof setInterval> | undefined;
  #journeyState: JourneyState | null = null;

  constructor(
    private readonly host: DashboardHost,
    private readonly ports: DashboardSetup,
  ) {
    host.addController(this);
  }

  send(event: DashboardEvent): void {
    this.#runner?.send(event);
  }

  /** The dashboard, also while a refresh runs (inline) and while the company is read again after it. */
  render(): TemplateResult {
    const { host, ports } = this;
    const { state, context } = ports.journey.snapshot;
    const backend = ports.backend();
    const send = (intent: JourneyIntent): void => ports.journey.send(intent);
    return renderOverview({
      t: ports.text(),
      company: context.company,
      statuses: context.statuses,
      staleAfterMs: host.staleAfter,
      now: Date.now(),
      locale: ports.locale(),
      busy: state !== 'overview',
      progress: context.progress,
      error: context.error,
      dashboard: this.state,
      offers: {
        disconnect: backend.disconnect !== undefined,
        history: backend.getSyncHistory !== undefined,
        delete: host.allowDelete && backend.deleteCompany !== undefined,
      },
      failureWords: (failure) => this.#failureWords(failure),
      on: {
        refresh: () => send({ type: 'DATA.REFRESH' }),
        retry: () => send({ type: 'RETRY' }),
        reconnect: (connectionId) => send({ type: 'LINK.OPEN', connectionId }),
        continue: (connectionId) => send({ type: 'LINK.OPEN', connectionId }),
        add: () => send({ type: 'LINK.OPEN', adding: true }),
        dashboard: (event) => this.send(event),
      },
    });
  }

  hostConnected(): void {
    this.#runner = createDashboardRunner({
      ...this.ports,
      onFailure: (failure) => this.#tellFailure(failure),
      onChange: (state) => {
        const before = this.state;
        // Focus is moved only if it was in the element: never taken from elsewhere on the page.
        const inside = (this.host.renderRoot as ShadowRoot).activeElement !== null;
        this.state = state;
        this.host.requestUpdate();
        if (inside) void this.host.updateComplete.then(() => this.#moveFocus(before, state));
      },
    });
    this.#news = createDashboardNews({
      ...this.ports,
      clock: systemClock,
      visibility: documentVisibility(this.host.ownerDocument),
    });
    this.#timer = setInterval(() => this.host.requestUpdate(), TICK_MS);
  }

  hostDisconnected(): void {
    this.#runner?.stop();
    this.#runner = null;
    this.#news?.stop();
    this.#news = null;
    clearInterval(this.#timer);
    this.state = initialDashboard;
  }

  /** A failed request in the user's words (see `errorWords`). */
  #failureWords(failure: StepFailure): ErrorWords {
    return errorWords(this.ports.text(), failure);
  }

  /** A request that failed is told as `onboard-error`, like a failed step of the journey (retryable: asked again). */
  #tellFailure(failure: StepFailure): void {
    const { journeyId, companyId } = this.ports.journey.snapshot.context;
    emit(this.host, 'onboard-error', {
      journeyId,
      companyId,
      code: failure.code,
      message: this.#failureWords(failure).message,
      retryable: true,
      ...(failure.correlationId === undefined ? {} : { correlationId: failure.correlationId }),
    });
  }

  /** Into a confirmation that opened (its field, else its first button); back to its opener when it closed. */
  #moveFocus(before: DashboardState, after: DashboardState): void {
    const root = this.host.renderRoot as ShadowRoot;
    const focus = (...selectors: string[]): void => {
      for (const selector of selectors) {
        const target = root.querySelector<HTMLElement>(selector);
        if (target !== null) return target.focus();
      }
    };
    const { asking } = before;
    if (asking === null && after.asking !== null) {
      focus('.confirm input', '.confirm button');
    } else if (asking !== null && after.asking === null) {
      // Cancelled: back to the button that asked. Disconnected: on to the connection's Reconnect.
      if (asking.kind === 'delete') focus('[data-delete]');
      else
        focus(
          `[data-disconnect="${asking.connectionId}"]`,
          `[data-reconnect="${asking.connectionId}"]`,
          'h2',
        );
    } else if (before.history.status === 'closed' && after.history.status !== 'closed') {
      focus('#history-title');
    } else if (before.history.status !== 'closed' && after.history.status === 'closed') {
      focus('[data-history]');
    }
  }

  /**
   * Tells the dashboard when the journey came back to it (a refresh ended), so what it shows is read again;
   * news is listened to while it is shown.
   */
  hostUpdated(): void {
    const journeyState = this.ports.journey.snapshot.state;
    if (journeyState === 'overview' && this.#journeyState !== 'overview')
      this.send({ type: 'JOURNEY.SETTLED' });
    this.#news?.showing(journeyState === 'overview');
    this.#journeyState = journeyState;
  }
}
