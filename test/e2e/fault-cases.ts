/**
 * The fault matrix, as data: every backend call of the element × every way the network, a gateway or an auth
 * layer can fail it, with what we promise and how the test checks it. `fault-matrix.test.ts` makes one `it()`
 * per case from this table; `scripts/reliability-doc.mjs` renders it as `docs/RELIABILITY.md`. Change a promise
 * here and both follow.
 *
 * Pure data (no browser, no server): the doc script imports it in plain Node.
 */
import type { ProxyAction } from './fault-proxy.ts';

/** The file whose `it()`s prove these cases (the doc names it next to every title). */
export const MATRIX_TEST_FILE = 'test/e2e/fault-matrix.test.ts';

/** Per-request timeout the page is given (`?timeout=`) in the cases that hang. */
export const HANG_TIMEOUT_MS = 1500;

/** The dashboard page has no `?timeout=`; how its hang cases get the same timeout. */
const DASHBOARD_HANG =
  ` For a hang the test gives the element a fetch backend with the ${HANG_TIMEOUT_MS} ms timeout ` +
  '(the dashboard page has no `?timeout=`).';

export type CallId =
  | 'create'
  | 'get-company'
  | 'data-status'
  | 'refresh'
  | 'dashboard-refresh'
  | 'disconnect'
  | 'sync-history'
  | 'delete';

export interface CallInfo {
  readonly label: string;
  readonly method: 'GET' | 'POST' | 'DELETE';
  /** Under `/api`; `*` is one segment (the company id, the connection id). */
  readonly path: string;
  /** The request as the README's backend contract names it. */
  readonly request: string;
  /** How the test gets the element to make this call. */
  readonly reachedBy: string;
  /** The element's state once the step (and what follows it) succeeded. */
  readonly success: 'ready' | 'complete' | 'overview' | 'deleted';
  /** What the user presses to retry after an error. */
  readonly retry: 'Continue' | 'Try again' | 'Disconnect' | 'Delete for good';
}

export const CALLS: Readonly<Record<CallId, CallInfo>> = {
  create: {
    label: 'create company',
    method: 'POST',
    path: '/companies',
    request: 'POST /api/companies',
    reachedBy:
      'Sign-up page: type a company name, press Continue. Until a company exists an error keeps the form ' +
      '(and the name), so the retry is pressing Continue again, which reuses the Idempotency-Key.',
    success: 'ready',
    retry: 'Continue',
  },
  'get-company': {
    label: 'get company',
    method: 'GET',
    path: '/companies/*',
    request: 'GET /api/companies/{id}',
    reachedBy:
      'Sign-up page: create the company, Connect, authorise Xero in the Link popup; confirming the link ' +
      'reads the company and looks for a Linked connection.',
    success: 'complete',
    retry: 'Try again',
  },
  'data-status': {
    label: 'data status',
    method: 'GET',
    path: '/companies/*/data-status',
    request: 'GET /api/companies/{id}/data-status',
    reachedBy:
      'Sign-up page: create, link (popup), confirm; following the first sync polls the data status ' +
      '(the first poll meets the fault).',
    success: 'complete',
    retry: 'Try again',
  },
  refresh: {
    label: 'refresh',
    method: 'POST',
    path: '/companies/*/refresh',
    request: 'POST /api/companies/{id}/refresh',
    reachedBy:
      'A refresh only happens after a failed sync here: the sign-up page\'s "Simulated sync" is set to ' +
      '"Invoices fail to fetch" before the company is created, the first sync ends in `sync-failed`, the ' +
      'scenario is switched to "Normal", then "Try again" queues the refresh (and meets the fault).',
    success: 'complete',
    retry: 'Try again',
  },
  'dashboard-refresh': {
    label: 'refresh (dashboard)',
    method: 'POST',
    path: '/companies/*/refresh',
    request: 'POST /api/companies/{id}/refresh',
    reachedBy:
      'Dashboard page (`intent="manage"`, a company whose first sync completed): "Refresh data". A sample ' +
      'of faults; success is the overview again *and* a refresh the server accepted (204).',
    success: 'overview',
    retry: 'Try again',
  },
  disconnect: {
    label: 'disconnect',
    method: 'POST',
    path: '/companies/*/connections/*/disconnect',
    request: 'POST /api/companies/{id}/connections/{connectionId}/disconnect',
    reachedBy:
      'Dashboard page: Xero\'s "Disconnect", then "Disconnect" in the confirmation ("Disconnect Xero?"). ' +
      'A failure is not a failed journey: the element stays in `overview`, the confirmation stays open with ' +
      'the alert, and pressing its "Disconnect" again is the retry (disconnecting twice is harmless). Success: ' +
      'Xero shows "Switched off" with Reconnect, `onboard-disconnected`, the connection `Unlinked` on the platform.' +
      DASHBOARD_HANG,
    success: 'overview',
    retry: 'Disconnect',
  },
  'sync-history': {
    label: 'sync history',
    method: 'GET',
    path: '/companies/*/sync-history',
    request: 'GET /api/companies/{id}/sync-history',
    reachedBy:
      'Dashboard page: "Show sync history". A failure stays in `overview` with the alert in the history ' +
      'section and its "Try again"; success lists the first sync\'s pulls.' +
      DASHBOARD_HANG,
    success: 'overview',
    retry: 'Try again',
  },
  delete: {
    label: 'delete company',
    method: 'DELETE',
    path: '/companies/*',
    request: 'DELETE /api/companies/{id}',
    reachedBy:
      'Dashboard page (`allow-delete`): "Delete company and data", type the company\'s name ("Acme Trading ' +
      'Ltd") in the confirmation, "Delete for good". A failure stays in `overview` with the alert in the ' +
      'confirmation and the typed name kept; pressing "Delete for good" again is the retry. The adapter reads ' +
      'a 404 as done (a retry whose first answer was lost finds the company already gone). Success: ' +
      '`deleted`, `onboard-company-deleted`, the company gone from the platform.' +
      DASHBOARD_HANG,
    success: 'deleted',
    retry: 'Delete for good',
  },
};

export type FaultId =
  | 'drop-before'
  | 'drop-after'
  | 'http-500'
  | 'http-502-html'
  | 'http-503-retry-after'
  | 'http-429-retry-after'
  | 'hang'
  | 'malformed-json'
  | 'wrong-shape'
  | 'http-401'
  | 'http-401-token'
  | 'http-403'
  | 'http-404';

/** What the element reports (`onboard-error` detail and the alert) when a fault wins. */
export interface ExpectedError {
  readonly code: string;
  /** The alert's heading; the alert reads `title message`, the event carries `message` alone. */
  readonly title: string;
  readonly message: string;
  readonly retryable: boolean;
}

export interface FaultInfo {
  readonly label: string;
  /** What the proxy does, in words. */
  readonly injected: string;
  /** Retried by the adapter itself (network, timeout, 5xx, 429). */
  readonly transient: boolean;
  /** The proxy's action for a call. */
  action(call: CallId): ProxyAction;
  /** What the user is told when it is not overcome. */
  error(call: CallId): ExpectedError;
}

const json = (status: number, body: object, retryAfterSeconds?: number): ProxyAction => ({
  kind: 'respond',
  status,
  contentType: 'application/json; charset=utf-8',
  body: JSON.stringify(body),
  ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
});

const OUR_SIDE = 'Please try again in a moment. If it keeps happening, contact us.';
const NETWORK: ExpectedError = {
  code: 'network-error',
  title: 'You seem to be offline',
  message: 'We couldn’t reach the server. Check your internet connection, then try again.',
  retryable: true,
};
const BAD_RESPONSE: ExpectedError = {
  code: 'bad-response',
  title: 'We got an answer we didn’t understand',
  message: OUR_SIDE,
  retryable: true,
};
const UNAUTHORIZED: ExpectedError = {
  code: 'unauthorized',
  title: 'Your session has expired',
  message: 'Sign in again, then try once more.',
  retryable: true,
};
/** What the reference server says (in English): the user reads the words for its code instead. */
const SERVER_UNAUTHORIZED = 'Your session has expired. Sign in again to continue.';
const RATE_LIMITED = 'Too many requests to the accounting platform. Try again shortly.';

/** The reference server's own 404s: an unknown company, or (for `POST /companies`) a path it does not serve. */
const notFound = (call: CallId): ExpectedError =>
  call === 'create'
    ? { code: 'not-found', title: 'We can’t find your company', message: NOT_FOUND, retryable: true }
    : { code: 'company-not-found', title: 'We can’t find your company', message: NOT_FOUND, retryable: true };
const NOT_FOUND = 'It may have been deleted. Start again, or contact us if you think this is wrong.';

export const FAULTS: Readonly<Record<FaultId, FaultInfo>> = {
  'drop-before': {
    label: 'connection dropped before the response',
    injected: 'the proxy destroys the socket without forwarding the request (the server never sees it)',
    transient: true,
    action: () => ({ kind: 'drop-before' }),
    error: () => NETWORK,
  },
  'drop-after': {
    label: 'connection dropped after the server acted',
    injected:
      'the proxy forwards the request, the server acts, then the proxy destroys the socket instead of answering',
    transient: true,
    action: () => ({ kind: 'drop-after' }),
    error: () => NETWORK,
  },
  'http-500': {
    label: 'HTTP 500',
    injected:
      '500 with our JSON body `{"error":"Something went wrong on the server.","code":"internal-error"}`',
    transient: true,
    action: () => json(500, { error: 'Something went wrong on the server.', code: 'internal-error' }),
    error: () => ({
      code: 'internal-error',
      title: 'Something went wrong on our side',
      message: OUR_SIDE,
      retryable: true,
    }),
  },
  'http-502-html': {
    label: 'HTTP 502 with an HTML body',
    injected: "502 with a gateway's HTML page (`text/html`), nothing we could show",
    transient: true,
    action: () => ({
      kind: 'respond',
      status: 502,
      contentType: 'text/html; charset=utf-8',
      body: '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>',
    }),
    error: () => ({
      code: 'server-error',
      title: 'Something went wrong on our side',
      message: OUR_SIDE,
      retryable: true,
    }),
  },
  'http-503-retry-after': {
    label: 'HTTP 503 with Retry-After',
    injected: '503 `Service Unavailable` (`text/plain`) with `Retry-After: 1`',
    transient: true,
    action: () => ({
      kind: 'respond',
      status: 503,
      contentType: 'text/plain; charset=utf-8',
      body: 'Service Unavailable',
      retryAfterSeconds: 1,
    }),
    error: () => ({
      code: 'unavailable',
      title: 'The service is down for a moment',
      message: 'Please try again in a few minutes.',
      retryable: true,
    }),
  },
  'http-429-retry-after': {
    label: 'HTTP 429 with Retry-After',
    injected: `429 with our JSON body (\`rate-limited\`, "${RATE_LIMITED}") and \`Retry-After: 1\``,
    transient: true,
    action: () => json(429, { error: RATE_LIMITED, code: 'rate-limited' }, 1),
    error: () => ({
      code: 'rate-limited',
      title: 'Too many requests',
      message: 'Please wait a minute, then try again.',
      retryable: true,
    }),
  },
  hang: {
    label: 'hang past the timeout',
    injected:
      `the proxy forwards the request, the server acts, and the answer is held until the client gives up; ` +
      `the page runs with \`?timeout=${HANG_TIMEOUT_MS}\` (per-request timeout ${HANG_TIMEOUT_MS} ms)`,
    transient: true,
    action: () => ({ kind: 'hang' }),
    error: () => ({
      code: 'timeout',
      title: 'This is taking too long',
      message: 'The server didn’t answer in time. Please try again.',
      retryable: true,
    }),
  },
  'malformed-json': {
    label: 'malformed JSON',
    injected: 'the proxy forwards (the server acts) and replaces the answer with `200` `{not json`',
    transient: false,
    action: () => ({
      kind: 'replace',
      status: 200,
      contentType: 'application/json; charset=utf-8',
      body: '{not json',
    }),
    error: () => BAD_RESPONSE,
  },
  'wrong-shape': {
    label: 'valid JSON of the wrong shape',
    injected: 'the proxy forwards (the server acts) and replaces the answer with `200` `{"id":1}`',
    transient: false,
    action: () => ({
      kind: 'replace',
      status: 200,
      contentType: 'application/json; charset=utf-8',
      body: '{"id":1}',
    }),
    error: () => BAD_RESPONSE,
  },
  'http-401': {
    label: 'HTTP 401',
    injected: `401 with our JSON body (\`unauthorized\`, "${SERVER_UNAUTHORIZED}"); the page has static headers`,
    transient: false,
    action: () => json(401, { error: SERVER_UNAUTHORIZED, code: UNAUTHORIZED.code }),
    error: () => UNAUTHORIZED,
  },
  'http-401-token': {
    label: 'HTTP 401 with a token provider',
    injected:
      '401 as above; the page runs with `?token=provider`: an async header provider hands out ' +
      '`Authorization: Bearer demo-token-<n>` and counts its calls in `window.demoTokenCalls`',
    transient: false,
    action: () => json(401, { error: SERVER_UNAUTHORIZED, code: UNAUTHORIZED.code }),
    error: () => UNAUTHORIZED,
  },
  'http-403': {
    label: 'HTTP 403',
    injected: '403 with our JSON body (`forbidden`, "You are not allowed to do this.")',
    transient: false,
    action: () => json(403, { error: 'You are not allowed to do this.', code: 'forbidden' }),
    error: () => ({
      code: 'forbidden',
      title: 'This wasn’t allowed',
      message: 'Your account isn’t allowed to do this. If you think it should be, contact us.',
      retryable: true,
    }),
  },
  'http-404': {
    label: 'HTTP 404',
    injected:
      'for create, 404 `{"error":"There is nothing at this address.","code":"not-found"}`; for a company ' +
      'route, 404 `{"error":"That company does not exist.","code":"company-not-found"}` (the reference server’s bodies)',
    transient: false,
    action: (call) => {
      const { code, message } = notFound(call);
      return json(404, { error: message, code });
    },
    error: notFound,
  },
};

export type Times = 'once' | 'until cleared';

/** How the case should end, for the test. */
export type Expectation =
  /** The adapter overcomes it: success, no `onboard-error`. */
  | { readonly kind: 'recovers' }
  /**
   * The adapter reads the fault's answer as success, by design (a 404 on delete: the company is already gone):
   * success, no `onboard-error`, whatever the platform still holds.
   */
  | { readonly kind: 'taken-as-done' }
  /** Polling keeps waiting (Retry-After) without an error while the fault lasts; success once it clears. */
  | { readonly kind: 'waits' }
  /** `onboard-error` as given; once the fault is gone, the user's retry succeeds. */
  | { readonly kind: 'fails'; readonly error: ExpectedError }
  /** Not a meaningful combination; no test. */
  | { readonly kind: 'not-applicable'; readonly reason: string };

/** How many requests the fault itself hits before the outcome (automatic attempts). */
export interface Attempts {
  readonly exactly?: number;
  readonly atLeast?: number;
  readonly atMost?: number;
}

export interface FaultCase {
  /** Stable id, e.g. `create/http-500/until-cleared`. */
  readonly id: string;
  readonly call: CallId;
  readonly fault: FaultId;
  readonly times: Times;
  readonly expect: Expectation;
  /** Faulted requests before the outcome; absent when not checked. */
  readonly attempts?: Attempts;
  /** For the token-provider cases: how often the provider is asked before the outcome. */
  readonly tokenCalls?: number;
  /** What we promise, in words. */
  readonly promise: string;
  /** The expected outcome, in words. */
  readonly outcome: string;
  /** The `it()` title (unique). */
  readonly title: string;
  /** A product bug found by this case (reported, not fixed): the test marks itself TODO where it bites. */
  readonly knownBug?: string;
}

/** Faults whose answer carries `Retry-After`: polling waits for it rather than failing. */
const RETRY_AFTER: ReadonlySet<FaultId> = new Set(['http-503-retry-after', 'http-429-retry-after']);
/** Drops: Chromium may resend a request on a reused connection itself, so attempts are a range. */
const DROPS: ReadonlySet<FaultId> = new Set(['drop-before', 'drop-after']);
const POLLED: ReadonlySet<CallId> = new Set(['data-status', 'refresh', 'dashboard-refresh']);
/** Answered 204 No Content: the adapter never reads the body. */
const NO_BODY: ReadonlySet<CallId> = new Set(['refresh', 'dashboard-refresh', 'delete']);
/**
 * The dashboard's own requests: a failure is told in place (the element stays in `overview`, the alert where
 * the request was made), not as a failed journey.
 */
export const IN_PLACE: ReadonlySet<CallId> = new Set(['disconnect', 'sync-history', 'delete']);
/** Faults after which the server has acted although the browser got no answer. */
const SERVER_ACTED: ReadonlySet<FaultId> = new Set(['drop-after', 'hang']);

/** Adapter: 1 attempt + 2 retries for transient failures. */
const ADAPTER_ATTEMPTS = 3;
/**
 * Chromium's network stack resends a request whose connection was reset before any answer, below `fetch`: up to
 * twice by its `kMaxRetryAttempts`. With the dashboard's event stream open (more kept-alive sockets in its pool)
 * a drop-after disconnect reached the proxy 10 times for the adapter's 3 attempts, so we allow each attempt up to
 * 4: bounded, not a storm.
 */
const BROWSER_TRIES = 4;

const backoff = (fault: FaultId): string =>
  RETRY_AFTER.has(fault) ? 'after the 1 s its Retry-After asks' : 'after 500 ms, then 1 s';

function successWords(call: CallId): string {
  switch (call) {
    case 'create':
      return 'the company is created (state `ready`), exactly one company on the platform';
    case 'get-company':
      return 'the link is confirmed and the first sync followed to `complete`, one company';
    case 'data-status':
      return 'the first sync is followed to `complete`, one company';
    case 'refresh':
      return 'the refresh is queued and the new sync followed to `complete`, one company';
    case 'dashboard-refresh':
      return 'a refresh is accepted by the server (204) and the dashboard is back in `overview`';
    case 'disconnect':
      return 'Xero shows “Switched off” with Reconnect, `onboard-disconnected` once, the connection `Unlinked` on the platform';
    case 'sync-history':
      return 'the history lists the first sync’s pulls, the element still in `overview`';
    case 'delete':
      return 'the element ends `deleted`, `onboard-company-deleted` once, the company gone from the platform';
  }
}

/** How the case ends when it succeeds, for titles. */
function endsWords(call: CallId): string {
  switch (call) {
    case 'disconnect':
      return 'ends “Switched off”';
    case 'sync-history':
      return 'shows the history';
    default:
      return `ends \`${CALLS[call].success}\``;
  }
}

/** The user's retry, in words. */
function retryWords(call: CallId): string {
  switch (call) {
    case 'create':
      return 'pressing Continue again (same name, same Idempotency-Key)';
    case 'disconnect':
      return 'pressing the confirmation’s "Disconnect" again';
    case 'sync-history':
      return 'pressing "Try again" in the history';
    case 'delete':
      return 'pressing "Delete for good" again (the name still typed)';
    default:
      return 'pressing "Try again"';
  }
}

/** Where the error is shown, for outcomes. */
function failedWords(call: CallId): string {
  switch (call) {
    case 'disconnect':
    case 'delete':
      return 'stays `overview`, alert in the confirmation';
    case 'sync-history':
      return 'stays `overview`, alert in the history';
    case 'dashboard-refresh':
      return 'back on the dashboard (`overview`), alert with "Try again"';
    default:
      return '`error`';
  }
}

/** The end after the user's retry, for outcomes. */
function retriedWords(call: CallId): string {
  switch (call) {
    case 'dashboard-refresh':
      return '`overview` with a 204 refresh';
    case 'disconnect':
      return '“Switched off”, `Unlinked`';
    case 'sync-history':
      return 'the history listed';
    case 'delete':
      return '`deleted`, company gone';
    default:
      return `\`${CALLS[call].success}\`, 1 company`;
  }
}

/** What the server did with the first attempt when its answer was lost, for the repeat that follows. */
function repeatWords(call: CallId, fault: FaultId): string {
  if (!SERVER_ACTED.has(fault)) return '';
  switch (call) {
    case 'disconnect':
      return ' (the server had disconnected it; the repeat answers the same `Unlinked` connection)';
    case 'delete':
      return ' (the server had deleted it; the repeat gets 404, which counts as deleted)';
    default:
      return '';
  }
}

function makeCase(call: CallId, fault: FaultId, times: Times): FaultCase {
  const c = CALLS[call];
  const f = FAULTS[fault];
  const id = `${call}/${fault}/${times.replace(' ', '-')}`;
  const timesWords = times === 'once' ? 'once' : 'until cleared';
  const head = `${c.label} · ${f.label}, ${timesWords}`;
  const retry = retryWords(call);

  if ((fault === 'malformed-json' || fault === 'wrong-shape') && NO_BODY.has(call)) {
    return {
      id,
      call,
      fault,
      times,
      expect: {
        kind: 'not-applicable',
        reason:
          call === 'delete'
            ? 'delete answers 204 No Content and the adapter never reads its body, so a body cannot be ' +
              'malformed or of the wrong shape; any 2xx counts as deleted'
            : 'refresh answers 204 No Content and the adapter never reads its body, so a body cannot be ' +
              'malformed or of the wrong shape; any 2xx counts as queued',
      },
      promise: '—',
      outcome: 'not meaningful',
      title: `${head}: not meaningful`,
    };
  }

  if (fault === 'http-401-token') {
    const once = times === 'once';
    const error = f.error(call);
    return {
      id,
      call,
      fault,
      times,
      expect: once ? { kind: 'recovers' } : { kind: 'fails', error },
      attempts: { exactly: once ? 1 : 2 },
      tokenCalls: 2,
      promise: once
        ? 'The adapter asks the async header provider once more and repeats the request with the new token; ' +
          `the user sees no error: ${successWords(call)}.`
        : `The provider is asked once more, exactly once; when the 401 persists the user sees “${error.message}” ` +
          `(\`${error.code}\`) with the name kept, and ${retry} succeeds once it is gone.`,
      outcome: once
        ? '`ready`, no `onboard-error`; provider asked twice, the repeat carries `demo-token-2`; 1 company'
        : `\`error\` \`${error.code}\`, 2 requests, provider asked twice; after clearing, Continue → \`ready\`, 1 company`,
      title: once
        ? `${head}: the provider is asked again once and the repeat succeeds without an error`
        : `${head}: the provider is asked again once, then "${error.message}"; Continue succeeds`,
    };
  }

  const error = f.error(call);
  const keepName =
    call === 'create'
      ? ', the name they typed still in the field'
      : call === 'delete'
        ? ', the name they typed still in the confirmation'
        : '';
  const inPlace = IN_PLACE.has(call)
    ? ` in place (the element stays in \`overview\`, \`onboard-error\` once)`
    : call === 'dashboard-refresh'
      ? ' on the dashboard, which stays usable (`overview`)'
      : '';
  const success = successWords(call);

  // A 404 on delete is "already gone": the adapter takes it as done, and the element believes it.
  if (call === 'delete' && fault === 'http-404') {
    return {
      id,
      call,
      fault,
      times,
      expect: { kind: 'taken-as-done' },
      attempts: { exactly: 1 },
      promise:
        'Taken as done, by design: the adapter reads a 404 on delete as “already gone” (a retried delete ' +
        'whose first answer was lost finds nothing), so the user sees no error and the element ends ' +
        '`deleted` with `onboard-company-deleted`. It trusts the backend: here the 404 came from the proxy, ' +
        'the server never saw the request, and the company is still on the platform.',
      outcome:
        '`deleted`, `onboard-company-deleted` once, no `onboard-error`, 1 request; the company still on the ' +
        'platform (the element believed the 404)',
      title: `${head}: taken as already gone, ends \`deleted\` without an error`,
    };
  }

  // A one-off transient fault: the adapter retries it.
  if (f.transient && times === 'once') {
    return {
      id,
      call,
      fault,
      times,
      expect: { kind: 'recovers' },
      attempts: { exactly: 1 },
      promise:
        `Retried by the adapter ${backoff(fault)}` +
        (call === 'create' ? ', with the same Idempotency-Key' : '') +
        repeatWords(call, fault) +
        `; the user sees no error: ${success}.`,
      outcome: `${success}; no \`onboard-error\``,
      title: `${head}: retried automatically, ${endsWords(call)} without an error`,
    };
  }

  // Retry-After on a polled call: the poller waits as long as the server asks.
  if (f.transient && RETRY_AFTER.has(fault) && POLLED.has(call)) {
    return {
      id,
      call,
      fault,
      times,
      expect: { kind: 'waits' },
      attempts: { atLeast: ADAPTER_ATTEMPTS + 1 },
      promise:
        "Polling honours Retry-After for as long as the server sends it: after the adapter's own retries the " +
        'poller waits the time asked and tries again, showing no error; once the fault clears, ' +
        `${success}.`,
      outcome: `still \`syncing\` after ${ADAPTER_ATTEMPTS + 1}+ refused requests, no \`onboard-error\`; after clearing, ${success}`,
      title: `${head}: polling keeps waiting per Retry-After without an error, then \`${c.success}\``,
    };
  }

  // Outlasts the adapter's retries, or is not retried at all.
  const attempts: Attempts = !f.transient
    ? { exactly: 1 }
    : DROPS.has(fault)
      ? { atLeast: ADAPTER_ATTEMPTS, atMost: BROWSER_TRIES * ADAPTER_ATTEMPTS }
      : { exactly: ADAPTER_ATTEMPTS };
  const why = f.transient
    ? `Outlasts the adapter's ${ADAPTER_ATTEMPTS} attempts`
    : fault === 'malformed-json' || fault === 'wrong-shape'
      ? 'Not retried automatically (a 2xx the adapter cannot read)'
      : 'Not retried (the same request cannot succeed)';
  return {
    id,
    call,
    fault,
    times,
    expect: { kind: 'fails', error },
    attempts,
    promise:
      `${why}: the user sees “${error.message}” (\`${error.code}\`, ${error.retryable ? 'retryable' : 'not retryable'})` +
      `${inPlace}${keepName}; once the fault is gone, ${retry} succeeds` +
      repeatWords(call, fault) +
      `: ${success}.`,
    outcome:
      `${failedWords(call)} · \`${error.code}\` · “${error.message}”` +
      (call === 'create' || call === 'delete' ? ' · name kept' : '') +
      ` → ${c.retry} → ${retriedWords(call)}`,
    title: `${head}: "${error.message}" (${error.code}), ${c.retry} then ${endsWords(call)}`,
  };
}

const MATRIX_FAULTS: readonly FaultId[] = [
  'drop-before',
  'drop-after',
  'http-500',
  'http-502-html',
  'http-503-retry-after',
  'http-429-retry-after',
  'hang',
  'malformed-json',
  'wrong-shape',
  'http-401',
  'http-403',
  'http-404',
];

function timesFor(fault: FaultId): readonly Times[] {
  return FAULTS[fault].transient ? ['once', 'until cleared'] : ['once'];
}

/** Every case, in the order of the doc and of the test run. */
export const FAULT_CASES: readonly FaultCase[] = [
  ...(['create', 'get-company', 'data-status', 'refresh'] as const).flatMap((call) =>
    MATRIX_FAULTS.flatMap((fault) => timesFor(fault).map((times) => makeCase(call, fault, times))),
  ),
  makeCase('create', 'http-401-token', 'once'),
  makeCase('create', 'http-401-token', 'until cleared'),
  makeCase('dashboard-refresh', 'http-500', 'once'),
  makeCase('dashboard-refresh', 'http-500', 'until cleared'),
  makeCase('dashboard-refresh', 'http-403', 'once'),
  ...(['disconnect', 'sync-history', 'delete'] as const).flatMap((call) =>
    MATRIX_FAULTS.flatMap((fault) => timesFor(fault).map((times) => makeCase(call, fault, times))),
  ),
];
