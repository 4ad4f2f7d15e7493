import { describeFailure, type RequestOptions } from '../backend/index.ts';
import { withLinkState, type OpenedPopup } from '../link/index.ts';
import {
  initialContext,
  microsteps,
  type JourneyEffect,
  type JourneyEvent,
  type JourneySnapshot,
  type LinkRequest,
} from '../machine/index.ts';
import type { Poller } from '../sync/index.ts';
import type { JourneyIntent } from './intents.ts';
import type { JourneyIds, JourneyPorts, RunnerEventDetails } from './ports.ts';

/** A running journey. */
export interface JourneyRunner {
  /** Starts (or resumes) the journey: reads the saved journey and any Link callback in the page. Once. */
  start(): void;
  /** Forwards what the user asked for. */
  send(intent: JourneyIntent): void;
  getSnapshot(): JourneySnapshot;
  /** Calls `listener` after every change of the snapshot; returns the unsubscribe function. */
  subscribe(listener: (snapshot: JourneySnapshot) => void): () => void;
  /** Stops everything in flight (requests, polling, popup watch); later events are ignored. */
  stop(): void;
}

/**
 * Runs a journey: feeds events through the pure machine, saves the journey after every transition (before any
 * effect runs, so a create is never in flight without its key kept), runs the effects the machine asks for
 * through the ports, and reports their outcomes back as events. It decides nothing itself.
 */
export function createJourneyRunner(ports: JourneyPorts): JourneyRunner {
  const { link, store, config } = ports;
  let snapshot: JourneySnapshot = { state: 'idle', context: initialContext };
  /** Whether the last save went through: leaving the page for Link needs it. */
  let saved = true;
  let stopped = false;
  const listeners = new Set<(snapshot: JourneySnapshot) => void>();
  // Events raised while one is being handled wait their turn, so each transition's effects run in full first.
  const queue: JourneyEvent[] = [];
  let busy = false;
  // What is running, each with its own way to stop.
  let inflight: AbortController | null = null;
  let poller: Poller | null = null;
  /** The sync being followed (its follower may still be loading); `null` when none is. */
  let following: object | null = null;
  const loadSyncFollower = ports.loadSyncFollower ?? (() => import('./follow-sync.ts'));
  let popup: OpenedPopup | null = null;
  /** Types to queue before the next data-status reading. */
  let toQueue: readonly string[] = [];
  let unsubscribeRestored: () => void = () => undefined;

  const ids = (): JourneyIds => ({
    journeyId: snapshot.context.journeyId,
    companyId: snapshot.context.companyId,
  });

  function tell<K extends keyof RunnerEventDetails>(type: K, detail: RunnerEventDetails[K]): void {
    ports.events({ type, detail: { ...detail, ...ids() } } as Parameters<JourneyPorts['events']>[0]);
  }

  function dispatch(event: JourneyEvent): void {
    if (stopped) return;
    queue.push(event);
    if (busy) return;
    busy = true;
    try {
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) step(next);
    } finally {
      busy = false;
    }
  }

  /** One event: each step it takes is saved, announced and run in turn. */
  function step(event: JourneyEvent): void {
    for (const { effects, ...next } of microsteps(snapshot, event)) {
      if (stopped) return;
      const previous = snapshot;
      if (next.state === previous.state && next.context === previous.context && effects.length === 0)
        continue;
      snapshot = next;
      saved = store.save(config().key, { snapshot: next, returnUrl: link.returnUrl() });
      if (next.state !== previous.state)
        tell('state-change', { state: next.state, previous: previous.state });
      for (const effect of effects) run(effect);
      for (const listener of listeners) listener(snapshot);
    }
  }

  /** Runs one backend call; its answer is dropped if another call replaced it or the runner stopped. */
  function call(work: (options: RequestOptions) => Promise<JourneyEvent>): void {
    inflight?.abort();
    const controller = new AbortController();
    inflight = controller;
    work({ signal: controller.signal, journeyId: snapshot.context.journeyId }).then(
      (event) => {
        if (!controller.signal.aborted) dispatch(event);
      },
      (error: unknown) => {
        const failure = describeFailure(error);
        if (!controller.signal.aborted && failure !== null) dispatch({ type: 'STEP.FAILED', failure });
      },
    );
  }

  /**
   * Popup: opened inside the click that asked for it (blank, when its URL is still to come); its callback or
   * closing comes back as an event. A URL for a popup already open sends it there.
   */
  function openPopup(url: string | null, linkState: string): JourneyEvent | null {
    const target = url === null ? null : withLinkState(url, linkState);
    if (popup !== null && target !== null)
      return popup.navigate(target) ? null : { type: 'LINK.URL_REJECTED' };
    const opening = link.openPopup(target, linkState, {
      onCallback: (outcome) => dispatch({ type: 'LINK.CALLBACK', outcome }),
      onClosed: () => dispatch({ type: 'LINK.ABANDONED', reason: 'popup-closed' }),
    });
    if (opening.status !== 'opened') {
      return { type: opening.status === 'blocked' ? 'LINK.POPUP_BLOCKED' : 'LINK.URL_REJECTED' };
    }
    popup = opening;
    return { type: 'LINK.OPENED' };
  }

  /** Reads the company again; the machine decides what it means (a link confirmed, a fresh Link URL). */
  function readCompany(companyId: string, type: 'LINK.CHECKED' | 'LINK.URL_READY'): void {
    call(async (options) => ({ type, company: await ports.backend().getCompany(companyId, options) }));
  }

  /** Redirect: only with the journey saved (it is all that survives), and only if the host page agrees. */
  function leaveForLink(url: string, linkState: string): JourneyEvent {
    const target = withLinkState(url, linkState);
    if (!link.allows(target)) return { type: 'LINK.URL_REJECTED' };
    if (!saved) return { type: 'LINK.STORAGE_FAILED' };
    if (!ports.allowRedirect(target, ids())) return { type: 'LINK.ABANDONED', reason: 'redirect-vetoed' };
    link.redirect(target);
    return { type: 'LINK.OPENED' };
  }

  /**
   * Follows the data status (see `follow-sync.ts`, loaded on first use). A sync stopped or replaced while the
   * follower loads never starts.
   */
  function startSync(
    companyId: string,
    { refresh, baseline }: { refresh: boolean; baseline: boolean },
  ): void {
    poller?.stop();
    poller = null;
    const attempt = {};
    following = attempt;
    loadSyncFollower().then(
      ({ followSync }) => {
        if (following !== attempt || stopped) return;
        poller = followSync({
          companyId,
          refresh,
          baseline,
          ports,
          dispatch,
          journey: () => ({
            journeyId: snapshot.context.journeyId,
            baseline: snapshot.context.watch.baseline,
          }),
          toQueue: () => toQueue,
          queuedAll: () => {
            toQueue = [];
          },
        });
      },
      // The chunk did not load (offline, or replaced by a deploy): a failed step the user can retry.
      (error: unknown) => {
        if (following === attempt && !stopped) {
          dispatch({
            type: 'STEP.FAILED',
            failure: describeFailure(error) ?? { code: 'unexpected', params: {} },
          });
        }
      },
    );
  }

  function run(effect: JourneyEffect): void {
    const backend = ports.backend();
    switch (effect.type) {
      case 'createCompany':
        return call(async (options) => ({
          type: 'COMPANY.CREATED',
          company: await backend.createCompany(
            { name: effect.name },
            { ...options, idempotencyKey: effect.idempotencyKey },
          ),
        }));
      case 'loadCompany':
        return call(async (options) => {
          const [company, statuses] = await Promise.all([
            backend.getCompany(effect.companyId, options),
            effect.withStatuses ? backend.getDataStatus(effect.companyId, options) : null,
          ]);
          return { type: 'COMPANY.LOADED', company, statuses };
        });
      case 'checkLink':
        return readCompany(effect.companyId, 'LINK.CHECKED');
      case 'fetchLinkUrl':
        return readCompany(effect.companyId, 'LINK.URL_READY');
      case 'openLink': {
        const { window, url, linkState } = effect;
        if (window === 'popup') {
          const next = openPopup(url, linkState);
          if (next !== null) dispatch(next);
        } else if (url !== null) {
          dispatch(leaveForLink(url, linkState)); // without a URL yet, the page leaves when it comes
        }
        return;
      }
      case 'closeLink':
        popup?.close();
        popup = null;
        return;
      case 'focusLink':
        return popup?.focus();
      case 'handOffCallback':
        return link.handOff();
      case 'cleanCallbackUrl':
        return link.cleanCallbackUrl();
      case 'startSync':
        return startSync(effect.companyId, effect);
      case 'queueDataTypes':
        toQueue = effect.types;
        return;
      case 'stopSync':
        following = null;
        poller?.stop();
        poller = null;
        toQueue = [];
        return;
      case 'emit':
        return tell(effect.event, effect.detail);
    }
  }

  const linkRequest = (): LinkRequest => ({
    linkState: ports.nonce(),
    mode: config().linkMode,
    inWebview: link.inWebview(),
  });

  /** Each intent as the machine's event, with what it needs filled in. */
  const toEvent = (intent: JourneyIntent): JourneyEvent => {
    switch (intent.type) {
      case 'NAME.SUBMIT':
        return { type: 'NAME.SUBMIT', name: intent.name, idempotencyKey: ports.nonce() };
      case 'LINK.OPEN':
      case 'RETRY':
        return { ...intent, ...linkRequest() };
      default:
        // Every other intent is the machine's event as it is.
        return intent;
    }
  };

  return {
    start() {
      store.purge();
      unsubscribeRestored = link.onRestored(() =>
        dispatch({ type: 'LINK.ABANDONED', reason: 'link-unfinished' }),
      );
      const { key, companyId, intent } = config();
      dispatch({
        type: 'JOURNEY.START',
        journeyId: ports.nonce(),
        companyId,
        manage: intent === 'manage',
        saved: store.load(key)?.snapshot ?? null,
        callback: link.callback(),
        hasOpener: link.hasOpener(),
      });
    },
    send: (intent) => dispatch(toEvent(intent)),
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop() {
      stopped = true;
      queue.length = 0;
      inflight?.abort();
      poller?.stop();
      popup?.stop();
      unsubscribeRestored();
    },
  };
}
