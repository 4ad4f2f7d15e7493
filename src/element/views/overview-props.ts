import type { DashboardEvent, DashboardState } from '../../machine/dashboard.ts';
import type {
  CompanyRecord,
  DataStatusRecords,
  JourneyError,
  StepFailure,
  SyncSnapshot,
} from '../../machine/index.ts';
import type { Words } from '../messages/catalogue.ts';
import type { ErrorWords } from '../messages/error-text.ts';
import type { CompanyViewStrings } from './company-view-strings.ts';
import type { JourneyViewStrings } from './journey-views.ts';

/** Everything the dashboard renders from, and where the user's clicks go. */
export interface OverviewProps {
  readonly t: Words & JourneyViewStrings & CompanyViewStrings;
  /** The language tag dates and times are formatted in. */
  readonly locale: string;
  readonly company: CompanyRecord | null;
  readonly statuses: DataStatusRecords | null;
  /** Last syncs older than this are flagged, in milliseconds. */
  readonly staleAfterMs: number;
  readonly now: number;
  /** A refresh is under way (the journey follows it): progress shows inline, and no action is offered. */
  readonly busy: boolean;
  readonly progress: SyncSnapshot | null;
  /** What the journey failed at from here (a refresh, opening Link…), shown on the dashboard with its retry. */
  readonly error: JourneyError | null;
  readonly dashboard: DashboardState;
  /** What the backend can do, and what the page allows: an action without its call is not offered. */
  readonly offers: { readonly disconnect: boolean; readonly history: boolean; readonly delete: boolean };
  /** A failed request in the user's words: a heading and what to do next. */
  readonly failureWords: (failure: StepFailure) => ErrorWords;
  readonly on: {
    readonly refresh: () => void;
    /** "Try again" (or "Reconnect") after the journey failed here. */
    readonly retry: () => void;
    /** Opens Link to re-authorise that connection. */
    readonly reconnect: (connectionId: string) => void;
    /** Opens Link to continue that (pending) connection. */
    readonly continue: (connectionId: string) => void;
    /** Opens Link at the company's own Link URL, to add a source. */
    readonly add: () => void;
    readonly dashboard: (event: DashboardEvent) => void;
  };
}
