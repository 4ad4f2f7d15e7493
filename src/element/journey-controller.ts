import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Company, OnboardBackend } from '../backend/index.ts';
import {
  clearPendingJourney,
  completeLinkInPopup,
  isAllowedLinkUrl,
  isLinkCallback,
  loadPendingJourney,
  openLinkPopup,
  parseLinkCallback,
  redirectToLink,
  savePendingJourney,
  watchLinkPopup,
  withLinkState,
  withoutCallbackParams,
  type PopupWatch,
} from '../link/index.ts';
import {
  initialContext,
  transition,
  type CompanySummary,
  type EmitEffect,
  type JourneyEffect,
  type JourneyEvent,
  type JourneySnapshot,
} from '../machine/index.ts';
import { startPolling, summarizeDataStatus, type Poller, type PollingOptions } from '../sync/index.ts';
import { emit, type DetailOf, type OnboardEventMap } from './events.ts';
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
}

const summary = ({ id, name, redirect }: Company): CompanySummary => ({ id, name, redirect });

/**
 * The imperative shell around the pure machine: the only place effects run. It sends events to
 * `transition`, runs the effects it returns, dispatches the `onboard-*` events and re-renders the host.
 */
export class JourneyController implements ReactiveController {
  snapshot: JourneySnapshot = { state: 'idle', context: initialContext };
  /** True in a Link popup that has handed its callback to the opener and is closing. */
  handedOff = false;

  private company: Company | null = null;
  private inflight: AbortController | null = null;
  private poller: Poller | null = null;
  private popup: Window | null = null;
  private popupWatch: PopupWatch | null = null;

  constructor(private readonly host: JourneyHost) {
    host.addController(this);
  }

  hostConnected(): void {
    const search = window.location.search;
    if (isLinkCallback(search)) this.resumeFromCallback(search);
    else if (this.host.companyId) this.send({ type: 'COMPANY.LOAD', companyId: this.host.companyId });
  }

  hostDisconnected(): void {
    this.inflight?.abort();
    this.poller?.stop();
    this.popupWatch?.stop();
  }

  /** Feeds one event through the machine and runs what it asks for. */
  send(event: JourneyEvent): void {
    const previous = this.snapshot;
    const { effects, ...next } = transition(previous, event);
    if (next === previous || (next.state === previous.state && next.context === previous.context)) return;
    this.snapshot = next;
    if (next.state !== previous.state) {
      if (previous.state === 'linking') this.stopWatchingPopup();
      this.dispatch('onboard-state-change', { state: next.state, previous: previous.state });
    }
    for (const effect of effects) this.run(effect);
    this.host.requestUpdate();
  }

  /** Brings the Link popup to the front (it may be hidden behind the page). */
  focusPopup(): void {
    this.popup?.focus();
  }

  private resumeFromCallback(search: string): void {
    const key = this.host.journeyKey;
    const pending = loadPendingJourney(key);
    if (pending?.mode !== 'redirect' && (window.opener !== null || pending?.mode === 'popup')) {
      // We are the Link popup: the page that opened us owns the journey.
      this.handedOff = completeLinkInPopup();
      return;
    }
    window.history.replaceState(window.history.state, '', withoutCallbackParams(window.location.href));
    if (pending === null) return;
    clearPendingJourney(key); // single use: a reload must not replay this callback
    this.send({ type: 'JOURNEY.RESUME', context: pending.context });
    this.send({ type: 'LINK.CALLBACK', outcome: parseLinkCallback(search) });
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
            return { type: 'COMPANY.CREATED', company: summary(company) };
          },
        );
      case 'loadCompany':
        return this.call(
          (signal) => backend.getCompany(effect.companyId, { signal }),
          (company) => {
            this.company = company;
            return { type: 'COMPANY.LOADED', company: summary(company) };
          },
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
        return this.startSync(effect.companyId);
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
        message: 'The connection page address sent by the server is not allowed, so it was not opened.',
        retryable: false,
      });
      return;
    }
    const target = withLinkState(url, linkState);
    const mode = this.host.linkMode;
    if (mode !== 'redirect') {
      // Saved first: a popup gets a copy of this tab's sessionStorage and can tell it is a popup.
      savePendingJourney(this.host.journeyKey, 'popup', this.snapshot.context);
      const result = openLinkPopup(target);
      if (result.opened) {
        this.popup = result.popup;
        this.popupWatch = watchLinkPopup(result.popup, linkState, {
          onCallback: (search) => this.send({ type: 'LINK.CALLBACK', outcome: parseLinkCallback(search) }),
          onClosed: () => this.send({ type: 'LINK.ABANDONED', reason: 'popup-closed' }),
        });
        this.dispatch('onboard-link-opened', { mode: 'popup' });
        return;
      }
      if (mode === 'popup') {
        this.send({
          type: 'STEP.FAILED',
          code: 'popup-blocked',
          message: 'Your browser blocked the connection window. Allow pop-ups for this site, then try again.',
          retryable: true,
        });
        return;
      }
      this.dispatch('onboard-popup-blocked', {});
    }
    this.redirect(target);
  }

  private redirect(url: string): void {
    if (!savePendingJourney(this.host.journeyKey, 'redirect', this.snapshot.context)) {
      this.send({
        type: 'STEP.FAILED',
        code: 'storage-unavailable',
        message:
          'Your browser does not let this page remember where you were, so leaving it for the connection page would lose your progress. Allow site storage or pop-ups, then try again.',
        retryable: true,
      });
      return;
    }
    if (!this.dispatch('onboard-before-redirect', { url }, true)) {
      clearPendingJourney(this.host.journeyKey);
      this.send({ type: 'LINK.ABANDONED', reason: 'redirect-vetoed' });
      return;
    }
    this.dispatch('onboard-link-opened', { mode: 'redirect' });
    redirectToLink(url);
  }

  private stopWatchingPopup(): void {
    this.popupWatch?.stop();
    this.popupWatch = null;
    this.popup = null;
    clearPendingJourney(this.host.journeyKey);
  }

  private startSync(companyId: string): void {
    this.poller?.stop();
    const backend = this.host.resolvedBackend;
    this.poller = startPolling(
      async (signal) => {
        const statuses = await backend.getDataStatus(companyId, { signal });
        if (signal.aborted) return false;
        const { outcome, ...progress } = summarizeDataStatus(statuses, this.host.requiredDataTypes);
        if (outcome === 'complete') this.send({ type: 'SYNC.DONE', progress });
        else if (outcome === 'failed') this.send({ type: 'SYNC.FAILED', progress });
        else this.send({ type: 'SYNC.PROGRESS', progress });
        return outcome === 'in-progress';
      },
      (error) => {
        const failed = failureEvent(error);
        if (failed !== null) this.send(failed);
      },
      this.host.pollingOptions,
    );
  }

  private emitFor(effect: EmitEffect): void {
    const { context } = this.snapshot;
    switch (effect.event) {
      case 'company-created':
        if (this.company !== null) this.dispatch('onboard-company-created', { company: this.company });
        return;
      case 'link-ready':
        this.dispatch('onboard-link-ready', { linkUrl: context.company?.redirect ?? '' });
        return;
      case 'linked':
        this.dispatch('onboard-linked', { connectionId: context.connectionId ?? '' });
        return;
      case 'cancel':
        this.dispatch('onboard-cancel', { reason: effect.reason });
        return;
      case 'sync-progress':
        if (context.progress !== null) this.dispatch('onboard-sync-progress', { progress: context.progress });
        return;
      case 'complete':
        this.dispatch('onboard-complete', {});
        return;
      case 'error':
        if (context.error !== null) {
          const { code, message, step } = context.error;
          this.dispatch('onboard-error', { code, message, retryable: step !== null });
        }
        return;
    }
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
