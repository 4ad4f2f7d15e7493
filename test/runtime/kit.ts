/**
 * A journey runner with every port faked, for Node: a scripted backend, a Link port that records what it was
 * asked, a store over memory, a manual clock and a visibility the test sets.
 */
import * as followSyncModule from '../../src/runtime/follow-sync.ts';
import type { Company, DataStatuses, OnboardBackend, RequestOptions } from '../../src/backend/index.ts';
import {
  createJourneyStore,
  type LinkPort,
  type PopupHandlers,
  type PopupOpening,
} from '../../src/link/index.ts';
import type { LinkOutcome } from '../../src/machine/index.ts';
import {
  createJourneyRunner,
  type JourneyConfig,
  type JourneyPorts,
  type RunnerEvent,
} from '../../src/runtime/index.ts';
import { memoryStorage } from '../link/memory-storage.ts';
import { fakeVisibility, flush, manualClock } from '../sync/manual-clock.ts';

export const COMPANY: Company = {
  id: 'c-1',
  name: 'Acme Ltd',
  redirect: 'https://link.codat.io/company/c-1',
  dataConnections: [],
};
export const LINKED: Company = {
  ...COMPANY,
  dataConnections: [{ id: 'conn-1', platformName: 'Xero', status: 'Linked' }],
};
export const status = (currentStatus?: string, latestSyncId?: string): DataStatuses => ({
  invoices:
    currentStatus === undefined
      ? { dataType: 'invoices' }
      : { dataType: 'invoices', currentStatus, ...(latestSyncId === undefined ? {} : { latestSyncId }) },
});

type Answer<T> = T | Error | Promise<T>;

/** A backend whose answers are queued per method (the last one repeats); every call is recorded. */
export class ScriptedBackend implements OnboardBackend {
  readonly calls: { call: string; journeyId: string | undefined }[] = [];
  created: Answer<Company>[] = [COMPANY];
  companies: Answer<Company>[] = [LINKED];
  statuses: Answer<DataStatuses>[] = [status('Complete')];
  /** Called as each request starts, e.g. to look at what was saved by then. */
  onCall: (call: string) => void = () => undefined;

  createCompany(input: { name: string }, options: RequestOptions & { idempotencyKey: string }) {
    return this.answer(`create ${input.name} ${options.idempotencyKey}`, options, this.created);
  }
  getCompany(companyId: string, options: RequestOptions = {}) {
    return this.answer(`get ${companyId}`, options, this.companies);
  }
  getDataStatus(companyId: string, options: RequestOptions = {}) {
    return this.answer(`status ${companyId}`, options, this.statuses);
  }
  refreshData(companyId: string, options: RequestOptions = {}) {
    return this.answer(`refresh ${companyId}`, options, [undefined]);
  }
  queueDataType(companyId: string, dataType: string, options: RequestOptions = {}) {
    return this.answer(`queue ${companyId} ${dataType}`, options, [undefined]);
  }
  names(): string[] {
    return this.calls.map((c) => c.call);
  }
  private answer<T>(call: string, options: RequestOptions, queue: Answer<T>[]): Promise<T> {
    this.calls.push({ call, journeyId: options.journeyId });
    this.onCall(call);
    const next = queue.length > 1 ? queue.shift() : queue[0];
    if (next instanceof Error) return Promise.reject(next);
    return Promise.resolve(next as T);
  }
}

/** A Link port that records what it was asked; the test plays the popup through `popup`. */
export function fakeLink() {
  const asked: string[] = [];
  const restored = new Set<() => void>();
  let handlers: PopupHandlers | null = null;
  const state = {
    allowed: true,
    opening: 'opened' as PopupOpening['status'],
    callback: null as LinkOutcome | null,
    opener: false,
    webview: false,
    watching: false,
  };
  const port: LinkPort = {
    allows: () => state.allowed,
    openPopup(url, _linkState, given) {
      asked.push(`popup ${url}`);
      if (!state.allowed) return { status: 'rejected' };
      if (state.opening !== 'opened') return { status: state.opening };
      handlers = given;
      state.watching = true;
      return {
        status: 'opened',
        stop: () => void (state.watching = false),
        close: () => {
          state.watching = false;
          asked.push('close');
        },
        navigate: (next) => {
          asked.push(`navigate ${next}`);
          return state.allowed;
        },
        focus: () => void asked.push('focus'),
      };
    },
    redirect(url) {
      asked.push(`redirect ${url}`);
      return state.allowed;
    },
    callback: () => state.callback,
    hasOpener: () => state.opener,
    inWebview: () => state.webview,
    returnUrl: () => 'https://app.example/signup',
    cleanCallbackUrl: () => void asked.push('clean'),
    handOff: () => void asked.push('hand-off'),
    onRestored(listener) {
      restored.add(listener);
      return () => restored.delete(listener);
    },
  };
  return {
    port,
    state,
    asked,
    /** The `state` nonce of the last Link URL opened. */
    nonce: (): string => new URL(asked.at(-1)?.split(' ')[1] ?? 'x:').searchParams.get('state') ?? '',
    popup: () => {
      if (handlers === null) throw new Error('no popup open');
      return handlers;
    },
    restore: () => restored.forEach((listener) => listener()),
    listeners: () => restored.size,
  };
}

export function journeyKit(
  config: Partial<JourneyConfig> = {},
  loadSyncFollower: JourneyPorts['loadSyncFollower'] = () => Promise.resolve(followSyncModule),
) {
  const backend = new ScriptedBackend();
  const link = fakeLink();
  const storage = memoryStorage();
  const time = manualClock();
  const page = fakeVisibility();
  const store = createJourneyStore(() => storage, time.now);
  const events: RunnerEvent[] = [];
  let nonces = 0;
  let veto = false;
  const settings: JourneyConfig = {
    key: 'signup',
    companyId: null,
    intent: 'connect',
    linkMode: 'popup',
    requiredDataTypes: [],
    polling: { initialDelayMs: 1000, maxDelayMs: 7000, timeoutMs: 600_000 },
    ...config,
  };
  const redirects: string[] = [];
  const runner = createJourneyRunner({
    config: () => settings,
    backend: () => backend,
    link: link.port,
    store,
    visibility: page.visibility,
    clock: time.clock,
    random: () => 0.5,
    nonce: () => `n${(nonces += 1)}`,
    events: (event) => events.push(event),
    allowRedirect: (url) => (redirects.push(url), !veto),
    // By default the module itself, not a load: following starts within the microtasks `flush()` waits for.
    loadSyncFollower,
  });
  return {
    runner,
    backend,
    link,
    storage,
    store,
    time,
    page,
    events,
    redirects,
    settings,
    veto: () => void (veto = true),
    state: () => runner.getSnapshot().state,
    types: () => events.map((e) => (e.type === 'state-change' ? `state:${e.detail.state}` : e.type)),
  };
}

/** Link's answer that the user authorised, carrying `state`. */
export const success = (state: string | null, connectionId = 'conn-1') =>
  ({ kind: 'success', statusCode: 200, state, companyId: 'c-1', connectionId }) as const;

/** A kit whose journey has created its company and waits in `ready`. */
export async function readyKit(config: Partial<JourneyConfig> = {}) {
  const kit = journeyKit(config);
  kit.runner.start();
  kit.runner.send({ type: 'NAME.SUBMIT', name: 'Acme Ltd' });
  await flush();
  return kit;
}
