import type { OnboardBackend } from '../backend/index.ts';
import type { JourneySnapshot } from '../machine/index.ts';
import type { Clock, Visibility } from '../sync/index.ts';
import type { JourneyIntent } from './intents.ts';

/** What keeping the dashboard current needs: the backend, the journey it shows, time and the page's visibility. */
export interface DashboardNewsPorts {
  readonly backend: () => OnboardBackend;
  readonly journey: { send(intent: JourneyIntent): void; readonly snapshot: JourneySnapshot };
  readonly clock: Clock;
  readonly visibility: Visibility;
}

/** Keeps an open dashboard current with the news its backend pushes. */
export interface DashboardNews {
  /** Whether the dashboard is shown: news is listened to only then (and while the page is visible). */
  showing(shown: boolean): void;
  /** Closes the stream and drops any reading under way. */
  stop(): void;
}

/**
 * While the dashboard is shown, listens to the company's news (`OnboardBackend.watchCompany`, when the backend
 * offers it) and, on any, reads the company and its data status again, so a connection revoked or a sync ended
 * elsewhere shows without a reload. Readings never overlap: news during one (a burst of `read.completed`, one
 * per type) makes one more after it. The stream is closed while the page is hidden.
 *
 * What came before the stream opened was not streamed: an opening reads too when the backend had news of the
 * company lately (`live`), and always when it reopens (after a loss, or the page was hidden), as news may
 * have come in the gap.
 */
export function createDashboardNews(ports: DashboardNewsPorts): DashboardNews {
  let shown = false;
  let stopped = false;
  let watch: { stop(): void } | undefined;
  /** Whether the stream opened before, since the dashboard was shown: a later opening may have missed news. */
  let openedBefore = false;
  let reading: AbortController | undefined;
  let readAgain = false;

  const read = (): void => {
    if (reading !== undefined) return void (readAgain = true);
    const { companyId, journeyId } = ports.journey.snapshot.context;
    if (companyId === null) return;
    const controller = new AbortController();
    reading = controller;
    const options = { signal: controller.signal, journeyId };
    const backend = ports.backend();
    Promise.all([backend.getCompany(companyId, options), backend.getDataStatus(companyId, options)])
      .then(
        ([company, statuses]) => {
          if (!controller.signal.aborted) ports.journey.send({ type: 'COMPANY.LOADED', company, statuses });
        },
        // A reading the user did not ask for: if it fails, the dashboard keeps what it shows (the next news or
        // the user's own refresh reads again), rather than an error for something they did not do.
        () => undefined,
      )
      .finally(() => {
        if (reading !== controller) return;
        reading = undefined;
        if (readAgain && !controller.signal.aborted) {
          readAgain = false;
          read();
        }
      });
  };

  const listen = (): void => {
    const { companyId, journeyId } = ports.journey.snapshot.context;
    const backend = ports.backend();
    if (stopped || !shown || watch !== undefined || companyId === null || ports.visibility.hidden()) return;
    watch = backend.watchCompany?.(
      companyId,
      {
        onOpen: ({ live }) => {
          if (live || openedBefore) read();
          openedBefore = true;
        },
        onLost: () => undefined, // the client reopens by itself; its opening reads what the gap missed
        onNews: read,
      },
      { journeyId, timers: ports.clock },
    );
  };

  const hush = (): void => {
    watch?.stop();
    watch = undefined;
    readAgain = false;
    reading?.abort();
    reading = undefined;
  };

  const unsubscribe = ports.visibility.onChange(() => (ports.visibility.hidden() ? hush() : listen()));

  return {
    showing(now) {
      if (now === shown) return;
      shown = now;
      openedBefore = false;
      if (shown) listen();
      else hush();
    },
    stop() {
      stopped = true;
      unsubscribe();
      hush();
    },
  };
}
