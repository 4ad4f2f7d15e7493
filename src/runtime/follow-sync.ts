/*
 * Following a sync: the data-status readings, judged, as machine events. Loaded when a journey first follows
 * a sync (see `JourneyPorts.loadSyncFollower`): the sign-up page's first screen never needs it.
 */
import { describeFailure } from '../backend/index.ts';
import type { JourneyEvent, SyncBaseline } from '../machine/index.ts';
import {
  baselineOf,
  newsWorthReading,
  startPolling,
  summarizeDataStatus,
  type Poller,
} from '../sync/index.ts';
import { DEFAULT_START_TIMEOUT_MS, type JourneyPorts } from './ports.ts';

/** No news for this long while following a sync: polling resumes its usual pace (news may have stopped). */
export const NEWS_SILENCE_MS = 45_000;

/**
 * The first reading waits this long at most for the stream to open: news published before the subscription is
 * not replayed, so a reading taken earlier could miss a sync that ends in between and wait for the safety pace.
 */
export const STREAM_OPEN_WAIT_MS = 2_000;

/** One sync to follow, and the runner's side of it. */
export interface SyncToFollow {
  readonly companyId: string;
  /** Read how things stand first (to tell the new sync from the last). */
  readonly baseline: boolean;
  /** Then ask for a new sync of every type. */
  readonly refresh: boolean;
  readonly ports: JourneyPorts;
  readonly dispatch: (event: JourneyEvent) => void;
  /** The journey as it is now: its id for requests, the baseline readings are judged against. */
  readonly journey: () => { readonly journeyId: string; readonly baseline: SyncBaseline | null };
  /** Types to queue before the next reading… */
  readonly toQueue: () => readonly string[];
  /** …and once they all were: each is queued once (a failed request leaves them for the next tick). */
  readonly queuedAll: () => void;
}

/**
 * Follows the data status, one request at a time: first (once each) how it stands before asking for a new
 * sync, then the request for it, then any types to queue, then a reading per tick.
 *
 * When the backend pushes news (`watchCompany`), readings slow to a safety pace and the news says when to read
 * (see `newsWorthReading`), but only while news is known to come: from the stream's opening when the backend
 * had news of the company lately (`live`: webhooks do reach it), else from the first news; and until none has
 * come for {@link NEWS_SILENCE_MS} or the stream is lost. Otherwise the usual backoff: never both at full
 * rate, never neither. The stream is closed while the page is hidden and when following ends.
 */
export function followSync(sync: SyncToFollow): Poller {
  const { companyId, ports, dispatch } = sync;
  let refreshOwed = sync.refresh;
  let baselineOwed = sync.baseline;
  /** Types the last reading was still waiting for (`null` before the first), and those news since said ended. */
  let waiting: readonly string[] | null = null;
  /** Required types not started yet: no news will say when they do, so readings keep their usual pace. */
  let startsOwed = false;
  const ended = new Set<string>();
  const canListen = (): boolean => ports.backend().watchCompany !== undefined && !ports.visibility.hidden();
  /** Set while the first reading waits for the stream to open (see {@link STREAM_OPEN_WAIT_MS}). */
  let releaseFirstReading: (() => void) | undefined;
  let firstReadingMayGo = canListen()
    ? new Promise<void>((resolve) => {
        const wait = ports.clock.setTimeout(() => releaseFirstReading?.(), STREAM_OPEN_WAIT_MS);
        releaseFirstReading = () => {
          ports.clock.clearTimeout(wait);
          releaseFirstReading = undefined;
          resolve();
        };
      })
    : undefined;
  const poller = startPolling(
    {
      tick: async (signal) => {
        if (firstReadingMayGo !== undefined) {
          await firstReadingMayGo;
          firstReadingMayGo = undefined; // later readings start at once (a return to the tab reads at once)
          if (signal.aborted) return;
        }
        const options = { signal, journeyId: sync.journey().journeyId };
        const backend = ports.backend();
        if (baselineOwed) {
          const before = await backend.getDataStatus(companyId, options);
          if (signal.aborted) return;
          dispatch({ type: 'SYNC.BASELINE', baseline: baselineOf(before) });
          baselineOwed = false;
        }
        if (refreshOwed) {
          await backend.refreshData(companyId, options);
          refreshOwed = false;
        }
        // A backend without the optional call cannot queue: the start bound then reports the types.
        for (const dataType of sync.toQueue()) await backend.queueDataType?.(companyId, dataType, options);
        sync.queuedAll();
        const statuses = await backend.getDataStatus(companyId, options);
        if (signal.aborted) return;
        const { requiredDataTypes, startTimeoutMs = DEFAULT_START_TIMEOUT_MS } = ports.config();
        const { outcome, notStarted, ...progress } = summarizeDataStatus(
          statuses,
          requiredDataTypes,
          sync.journey().baseline,
        );
        const at = ports.clock.now();
        startsOwed = notStarted.length > 0;
        if (startsOwed) poller.setPushed(false);
        waiting = progress.types
          .filter((type) => type.phase === 'pending' || type.phase === 'in-progress')
          .map((type) => type.dataType);
        dispatch({ type: 'SYNC.READING', progress, outcome, notStarted, at, startTimeoutMs });
      },
      onError: (error) => {
        const failure = describeFailure(error);
        if (failure !== null) dispatch({ type: 'STEP.FAILED', failure });
      },
      onTimeout: () => dispatch({ type: 'SYNC.TIMED_OUT' }),
    },
    ports.config().polling,
    ports,
  );

  let watch: { stop(): void } | undefined;
  let silence: unknown;
  /** News comes: rely on it, until it has been quiet too long. */
  const trustNews = (): void => {
    poller.setPushed(!startsOwed);
    ports.clock.clearTimeout(silence);
    silence = ports.clock.setTimeout(() => poller.setPushed(false), NEWS_SILENCE_MS);
  };
  const distrust = (): void => {
    ports.clock.clearTimeout(silence);
    poller.setPushed(false);
  };
  const listen = (): void => {
    if (!canListen()) return;
    watch = ports.backend().watchCompany?.(
      companyId,
      {
        onOpen: ({ live }) => {
          // News came lately, and what came before this opening was not streamed: unless the first reading is
          // still waiting for the stream, read once more (a late opening, or a reopening after a loss).
          if (live) {
            trustNews();
            if (releaseFirstReading === undefined) poller.readNow();
          }
          releaseFirstReading?.();
        },
        onLost: () => {
          distrust();
          releaseFirstReading?.();
        },
        onNews: (news) => {
          trustNews();
          if (news.type === 'read-completed') for (const { dataType } of news.dataTypes) ended.add(dataType);
          if (newsWorthReading(news, waiting, ended)) poller.readNow();
        },
      },
      { journeyId: sync.journey().journeyId, timers: ports.clock },
    );
  };
  const hush = (): void => {
    watch?.stop();
    watch = undefined;
    distrust();
    releaseFirstReading?.();
  };
  const unsubscribe = ports.visibility.onChange(() =>
    ports.visibility.hidden() ? hush() : (watch ?? listen()),
  );
  listen();
  return {
    ...poller,
    stop() {
      unsubscribe();
      hush();
      poller.stop();
    },
  };
}
