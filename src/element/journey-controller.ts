import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Company, DataStatuses, OnboardBackend } from '../backend/index.ts';
import {
  clearJourney,
  completeLinkInPopup,
  isAllowedLinkUrl,
  isInAppBrowser,
  isLinkCallback,
  loadJourney,
  openLinkPopup,
  parseLinkCallback,
  redirectToLink,
  saveJourney,
  watchLinkPopup,
  withLinkState,
  withoutCallbackParams,
  type LinkMode,
  type PopupWatch,
  type SavedJourney,
} from '../link/index.ts';
import {
  initialContext,
  transition,
  type EmitEffect,
  type JourneyEffect,
  type JourneyEvent,
  type JourneySnapshot,
} from '../machine/index.ts';
import { startPolling, summarizeDataStatus, type Poller, type PollingOptions } from '../sync/index.ts';
import { emit, type DetailOf, type OnboardEventMap } from './events.ts';

/** The lazily imported views for an existing company (reconnect prompt, dashboard). */
export type CompanyViews = typeof import('./views/company-views.ts');
import { failureEvent } from './failure.ts';

/** What the controller needs from its element, read at the moment it is needed. */
export interface JourneyHost extends ReactiveControllerHost, HTMLElement {
  readonly resolvedBackend: OnboardBackend;
  readonly linkMode: 'auto' | 'popup' | 'redirect';
  readonly allowedLinkOrigins: readonly string[];
  readonly requiredDataTypes: readonly string[];
  readonly pollingOptions: PollingOptions;
  /** Key of this instance's saved journey: its `id`, else its company. */
  readonly journeyKey: string;
  readonly companyId: string | null;
  readonly intent: 'connect' | 'reconnect' | 'manage';
}

/**
 * The imperative shell around the pure machine: the only place effects run. It sends events to
 * `transition`, runs the effects it returns, dispatches the `onboard-*` events and re-renders the host.
 */
export class JourneyController implements ReactiveController {
  snapshot: JourneySnapshot = { state: 'idle', context: initialContext };
  /** True in a Link popup that has handed its callback to the opener and is closing. */
  handedOff = false;

  /** The company as the backend last returned it, and its data status on the dashboard (for the views). */
  company: Company | null = null;
  statuses: DataStatuses | null = null;
  private inflight: AbortController | null = null;
  private poller: Poller | null = null;
  private popupWatch: PopupWatch | null = null;
  /** How Link was opened, while it is open. */
  private mode: LinkMode | null = null;

  /** The views for an existing company, once imported (see {@link loadViews}). */
  views: CompanyViews | null = null;
  private viewsImport: Promise<CompanyViews> | null = null;

  constructor(private readonly host: JourneyHost) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('pageshow', this.onPageShow);
    const search = window.location.search;
    const saved = this.savedJourney();
    if (isLinkCallback(search)) {
      if (saved?.mode !== 'redirect' && (window.opener !== null || saved?.mode === 'popup')) {
        // We are the Link popup: the page that opened us owns the journey.
        this.handedOff = completeLinkInPopup();
        return;
      }
      window.history.replaceState(window.history.state, '', withoutCallbackParams(window.location.href));
      if (saved === null) return;
      this.send({ type: 'JOURNEY.RESUME', snapshot: saved.snapshot });
      // Only a journey waiting in `linking` takes it; a replayed URL finds the nonce spent and is refused.
      this.send({ type: 'LINK.CALLBACK', outcome: parseLinkCallback(search) });
    } else if (saved !== null) {
      this.send({ type: 'JOURNEY.RESUME', snapshot: saved.snapshot });
      // Reloaded (or came back) while Link was open, without its answer: offer to connect again.
      this.send({ type: 'LINK.ABANDONED', reason: 'link-unfinished' });
    } else if (this.host.companyId) {
      this.send({
        type: 'COMPANY.LOAD',
        companyId: this.host.companyId,
        manage: this.host.intent === 'manage',
      });
    }
  }

  hostDisconnected(): void {
    window.removeEventListener('pageshow', this.onPageShow);
    this.inflight?.abort();
    this.poller?.stop();
    this.popupWatch?.stop();
  }

  /** Imports the views for an existing company once; the host re-renders when they arrive. */
  loadViews(): Promise<CompanyViews> {
    this.viewsImport ??= import('./views/company-views.ts').then((views) => {
      this.views = views;
      this.host.requestUpdate();
      return views;
    });
    return this.viewsImport;
  }

  /** Back from Link to a page restored from the back/forward cache: no reload happens, so say it here. */
  private readonly onPageShow = (event: PageTransitionEvent): void => {
    if (event.persisted) this.send({ type: 'LINK.ABANDONED', reason: 'link-unfinished' });
  };

  /** Feeds one event through the machine, saves where the journey is, then runs what the machine asks for. */
  send(event: JourneyEvent): void {
    const previous = this.snapshot;
    const { effects, ...next } = transition(previous, event);
    if (next.state === previous.state && next.context === previous.context) return;
    this.snapshot = next;
    if (previous.state === 'linking' && next.state !== 'linking') this.stopWatchingPopup();
    // Saved before any effect runs: a create request is never in flight without its key being kept.
    this.persist();
    if (next.state !== previous.state) {
      this.dispatch('onboard-state-change', { state: next.state, previous: previous.state });
    }
    for (const effect of effects) this.run(effect);
    this.host.requestUpdate();
  }

  /** This instance's saved journey; one for another company than `company-id` says is not ours. */
  private savedJourney(): SavedJourney | null {
    const saved = loadJourney(this.host.journeyKey);
    const companyId = this.host.companyId;
    return companyId && saved?.snapshot.context.companyId !== companyId ? null : saved;
  }

  /** Keeps the journey across reloads and redirects. Returns `false` when storage refuses. */
  private persist(): boolean {
    const key = this.host.journeyKey;
    const { state, context } = this.snapshot;
    if (state === 'idle' && context.companyId === null && context.idempotencyKey === null) {
      clearJourney(key);
      return true;
    }
    const returnUrl = withoutCallbackParams(window.location.href);
    return saveJourney(key, { snapshot: this.snapshot, mode: this.mode, returnUrl });
  }

  private run(effect: JourneyEffect): void {
    const backend = this.host.resolvedBackend;
    switch (effect.type) {
      case 'createCompany':
        return this.call(
          (signal) =>
            backend.createCompany({ name: effect.name }, { idempotencyKey: effect.idempotencyKey, signal }),
          (company) => {
            this.company = company;
            // A new company has no connections to mend: its summary is just where Link opens.
            return {
              type: 'COMPANY.CREATED',
              company: { id: company.id, name: company.name, redirect: company.redirect },
            };
          },
        );
      case 'loadCompany':
        return this.call(
          async (signal) => {
            // The dashboard shows data freshness too: read the data status alongside. The views for an existing
            // company (and the summary of what needs mending) load lazily, in parallel.
            const overview = this.snapshot.context.home === 'overview';
            const [company, statuses, views] = await Promise.all([
              backend.getCompany(effect.companyId, { signal }),
              overview ? backend.getDataStatus(effect.companyId, { signal }) : null,
              this.loadViews(),
            ]);
            this.company = company;
            this.statuses = statuses;
            return views.summarizeCompany(company);
          },
          (company) => ({ type: 'COMPANY.LOADED', company }),
        );
      case 'confirmLink':
        return this.call(
          (signal) => backend.getCompany(effect.companyId, { signal }),
          (company) => {
            this.company = company;
            const linked = (company.dataConnections ?? []).find(
              (c) => c.status === 'Linked' && (effect.connectionId === null || c.id === effect.connectionId),
            );
            return linked
              ? { type: 'LINK.CONFIRMED', connectionId: linked.id }
              : { type: 'LINK.NOT_CONFIRMED' };
          },
        );
      case 'openLink':
        return this.openLink(effect.url, effect.linkState);
      case 'startSync':
        return this.startSync(effect.companyId, effect.refresh);
      case 'stopSync':
        this.poller?.stop();
        this.poller = null;
        return;
      case 'emit':
        return this.emitFor(effect);
    }
  }

  /** Runs one backend call; its answer is dropped if the step was left or the element removed meanwhile. */
  private call<T>(work: (signal: AbortSignal) => Promise<T>, done: (value: T) => JourneyEvent): void {
    this.inflight?.abort();
    const controller = new AbortController();
    this.inflight = controller;
    work(controller.signal).then(
      (value) => {
        if (!controller.signal.aborted) this.send(done(value));
      },
      (error: unknown) => {
        const failed = failureEvent(error);
        if (!controller.signal.aborted && failed !== null) this.send(failed);
      },
    );
  }

  /** Runs synchronously inside the click that asked for it: no `await` may come before `window.open`. */
  private openLink(url: string, linkState: string): void {
    if (!isAllowedLinkUrl(url, this.host.allowedLinkOrigins)) {
      this.send({
        type: 'STEP.FAILED',
        code: 'link-url-rejected',
        message: 'The connection page address is not allowed, so it was not opened.',
      });
      return;
    }
    const target = withLinkState(url, linkState);
    const mode = this.host.linkMode;
    const webview = mode === 'auto' && isInAppBrowser(window.navigator.userAgent);
    if (mode !== 'redirect' && !webview) {
      // Saved first: a popup gets a copy of this tab's sessionStorage and can tell it is a popup.
      this.mode = 'popup';
      this.persist();
      const result = openLinkPopup(target);
      if (result.opened) {
        this.popupWatch = watchLinkPopup(result.popup, linkState, {
          onCallback: (search) => this.send({ type: 'LINK.CALLBACK', outcome: parseLinkCallback(search) }),
          onClosed: () => this.send({ type: 'LINK.ABANDONED', reason: 'popup-closed' }),
        });
        this.dispatch('onboard-link-opened', { mode: 'popup' });
        return;
      }
      this.mode = null;
      if (mode === 'popup') {
        this.send({
          type: 'STEP.FAILED',
          code: 'popup-blocked',
          message: 'Your browser blocked the connection window. Allow pop-ups here, then try again.',
        });
        return;
      }
    }
    if (mode !== 'redirect') this.dispatch('onboard-popup-blocked', {});
    this.redirect(target);
  }

  private redirect(url: string): void {
    this.mode = 'redirect';
    if (!this.persist()) {
      this.mode = null;
      this.send({
        type: 'STEP.FAILED',
        code: 'storage-unavailable',
        message:
          'Your browser blocks site storage, so leaving this page would lose your progress. Allow storage or pop-ups, then try again.',
      });
      return;
    }
    if (!this.dispatch('onboard-before-redirect', { url }, true)) {
      this.mode = null;
      this.send({ type: 'LINK.ABANDONED', reason: 'redirect-vetoed' });
      return;
    }
    this.dispatch('onboard-link-opened', { mode: 'redirect' });
    redirectToLink(url);
  }

  private stopWatchingPopup(): void {
    this.popupWatch?.stop();
    this.popupWatch = null;
    this.mode = null;
  }

  private startSync(companyId: string, refresh: boolean): void {
    this.poller?.stop();
    const backend = this.host.resolvedBackend;
    let queueRefresh = refresh;
    this.poller = startPolling(
      {
        tick: async (signal) => {
          if (queueRefresh) {
            await backend.refreshData(companyId, { signal });
            queueRefresh = false;
          }
          const statuses = await backend.getDataStatus(companyId, { signal });
          if (signal.aborted) return false;
          const { outcome, ...progress } = summarizeDataStatus(statuses, this.host.requiredDataTypes);
          if (outcome === 'complete') this.send({ type: 'SYNC.DONE', progress });
          else if (outcome === 'failed') this.send({ type: 'SYNC.FAILED', progress });
          else this.send({ type: 'SYNC.PROGRESS', progress });
          return outcome === 'in-progress';
        },
        onError: (error) => {
          const failed = failureEvent(error);
          if (failed !== null) this.send(failed);
        },
        onTimeout: () =>
          this.send({
            type: 'STEP.FAILED',
            code: 'sync-timeout',
            message: 'Your data is taking longer than usual. Try again to keep waiting.',
          }),
      },
      this.host.pollingOptions,
    );
  }

  /** The machine says which event and its detail; only the full company is ours to add. */
  private emitFor({ event, detail }: EmitEffect): void {
    const full = event === 'company-created' ? { company: this.company } : detail;
    this.dispatch(`onboard-${event}`, full);
  }

  /** Dispatches an `onboard-*` event with this journey's `companyId` filled in. */
  private dispatch<K extends keyof OnboardEventMap>(
    name: K,
    detail: Omit<DetailOf<K>, 'companyId'>,
    cancelable = false,
  ): boolean {
    const full = { ...detail, companyId: this.snapshot.context.companyId } as DetailOf<K>;
    return emit(this.host, name, full, { cancelable });
  }
}
