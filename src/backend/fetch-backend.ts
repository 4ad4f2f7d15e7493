import type { CreateCompanyInput, CreateOptions, OnboardBackend, RequestOptions } from './backend.ts';
import { describeErrorBody, parseRetryAfter } from './error-body.ts';
import { BackendError, HttpError, NetworkError, ResponseShapeError, TimeoutError } from './errors.ts';
import { JOURNEY_ID_HEADER } from './journey-header.ts';
import { DataStatusesSchema, parseCompany, parserOf, type Parsed } from './schemas.ts';

const parseDataStatuses = parserOf(DataStatusesSchema);

/** JSON `null` fields read as absent: the spec's nullable fields (`lastSync`, …); array items are kept. */
function withoutNullFields(this: unknown, _key: string, value: unknown): unknown {
  return value === null && !Array.isArray(this) ? undefined : value;
}

type HeadersSource = HeadersInit | (() => HeadersInit | Promise<HeadersInit>);

/** Options of {@link createFetchBackend}. */
export interface FetchBackendOptions {
  /** Base URL of the integrator's backend, e.g. `/api` or `https://example.com/onboard`. */
  readonly baseUrl: string;
  /** The fetch to use. Default: the global `fetch`. */
  readonly fetch?: typeof fetch;
  /**
   * Headers for every request, or a function returning them (called per request, so a token can refresh).
   * After a 401 the function is called once more and the request repeated before giving up.
   * Default: none.
   */
  readonly headers?: HeadersSource;
  /** Per-request timeout in milliseconds. Default: 15 000. */
  readonly timeoutMs?: number;
  /**
   * Extra attempts after a transient failure (network, timeout, 5xx, 429). Every call is safe to repeat: reads,
   * refreshes, and create, whose `Idempotency-Key` makes the server replay the first answer. Default: 2.
   */
  readonly retries?: number;
  /** First retry delay in milliseconds, doubled per attempt unless `Retry-After` says otherwise. Default: 500. */
  readonly retryDelayMs?: number;
  /** Longest `Retry-After` we are willing to wait inside one call, in milliseconds. Default: 30 000. */
  readonly maxRetryAfterMs?: number;
}

/** How long a create waits for its key to be free (409 `idempotency-key-in-flight`), in ms. */
export const KEY_IN_FLIGHT_WAIT_MS = 20_000;

/** One request of the contract. */
export interface Call {
  readonly method: 'GET' | 'POST' | 'DELETE';
  readonly path: string;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  readonly options: RequestOptions;
}

/** Waits `ms`, or rejects when `signal` aborts; leaves no listener on it (a poller's signal lives long). */
const abortable = (ms: number, signal: AbortSignal | undefined): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/** A path segment from a caller's value (an id), encoded. */
export const encode = (id: string): string => encodeURIComponent(id);

/** One call's HTTP exchange, and its JSON answer checked: what every call of the contract is built from. */
export interface FetchTransport {
  /** Sends the call, retrying what is safe to retry; resolves with a 2xx response. */
  readonly send: (call: Call) => Promise<Response>;
  /** Sends the call once; resolves with a 2xx response whose body may go on (the timeout is for its headers). */
  readonly open: (call: Call) => Promise<Response>;
  /** The response's JSON (`null` fields read as absent), checked by `parse`; `what` names it in errors. */
  readonly json: <T>(what: string, response: Response, parse: (data: unknown) => Parsed<T>) => Promise<T>;
}

/** The default backend: the REST contract of DESIGN.md over `fetch`, every answer checked with zod/mini. */
export function createFetchBackend(options: FetchBackendOptions): OnboardBackend {
  const transport = createFetchTransport(options);
  const { send, json } = transport;
  // The dashboard's calls load with the dashboard: the sign-up page never needs them.
  const manage = () => import('./manage-calls.ts');

  return {
    async createCompany(input: CreateCompanyInput, options: CreateOptions) {
      const response = await send({
        method: 'POST',
        path: '/companies',
        body: input,
        headers: { 'Idempotency-Key': options.idempotencyKey },
        options,
      });
      return json('company', response, parseCompany);
    },
    async getCompany(companyId: string, options: RequestOptions = {}) {
      const response = await send({ method: 'GET', path: `/companies/${encode(companyId)}`, options });
      return json('company', response, parseCompany);
    },
    async getDataStatus(companyId: string, options: RequestOptions = {}) {
      const path = `/companies/${encode(companyId)}/data-status`;
      const response = await send({ method: 'GET', path, options });
      return json('data status', response, parseDataStatuses);
    },
    async refreshData(companyId: string, options: RequestOptions = {}) {
      const path = `/companies/${encode(companyId)}/refresh`;
      // An empty JSON body: the server takes writes only as JSON, which no other site's page can send.
      const response = await send({ method: 'POST', path, body: {}, options });
      await response.body?.cancel();
    },
    async queueDataType(companyId: string, dataType: string, options: RequestOptions = {}) {
      // Safe to repeat like a refresh: queuing a type twice fetches it once more, nothing else.
      const path = `/companies/${encode(companyId)}/refresh/${encode(dataType)}`;
      const response = await send({ method: 'POST', path, body: {}, options });
      await response.body?.cancel();
    },
    disconnect: async (...args) => (await manage()).disconnect(transport, ...args),
    getSyncHistory: async (...args) => (await manage()).getSyncHistory(transport, ...args),
    deleteCompany: async (...args) => (await manage()).deleteCompany(transport, ...args),
    // The push client loads when a journey first listens: the first screen never does.
    watchCompany(companyId, handlers, options = {}) {
      let watch: { stop(): void } | undefined;
      let stopped = false;
      void import('./company-events-client.ts').then(
        ({ watchCompanyEvents }) => {
          if (!stopped) watch = watchCompanyEvents(transport, companyId, handlers, options);
        },
        () => undefined,
      ); // no push client: polling goes on as it is
      return {
        stop() {
          stopped = true;
          watch?.stop();
        },
      };
    },
  };
}

/** The HTTP side of {@link createFetchBackend}: headers, timeouts, retries, errors as codes. */
export function createFetchTransport(options: FetchBackendOptions): FetchTransport {
  const { timeoutMs = 15_000, retries = 2, retryDelayMs = 500, maxRetryAfterMs = 30_000 } = options;
  const base = options.baseUrl.replace(/\/+$/, '');

  const resolveHeaders = async (): Promise<Headers> => {
    const source = options.headers;
    return new Headers(typeof source === 'function' ? await source() : source);
  };

  /** One HTTP exchange with its own timeout; maps every failure into the BackendError family. */
  async function once(call: Call): Promise<Response> {
    const headers = await resolveHeaders();
    headers.set('Accept', 'application/json');
    for (const [name, value] of Object.entries(call.headers ?? {})) headers.set(name, value);
    if (call.body !== undefined) headers.set('Content-Type', 'application/json');
    const { signal, journeyId } = call.options;
    if (journeyId !== undefined) headers.set(JOURNEY_ID_HEADER, journeyId);
    signal?.throwIfAborted(); // the caller may have given up while the headers were resolving

    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), timeoutMs);
    const onAbort = (): void => timeout.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    try {
      return await doFetch(`${base}${call.path}`, {
        method: call.method,
        headers,
        signal: timeout.signal,
        ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
      });
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (timeout.signal.aborted) throw new TimeoutError(timeoutMs);
      throw new NetworkError({ cause: error });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  async function toHttpError(response: Response): Promise<HttpError> {
    const text = await response.text().catch(() => '');
    return new HttpError(response.status, {
      ...describeErrorBody(text),
      retryAfterMs: parseRetryAfter(response.headers.get('Retry-After')),
    });
  }

  /** Repeats transient failures; every call of the contract is safe to repeat (create thanks to its key). */
  async function send(call: Call): Promise<Response> {
    let refreshedAuth = false;
    const started = Date.now();
    for (let attempt = 0; ; attempt += 1) {
      let failure: BackendError;
      try {
        const response = await once(call);
        if (response.ok) return response;
        failure = await toHttpError(response);
      } catch (error) {
        if (!(error instanceof BackendError)) throw error;
        failure = error;
      }
      if (
        failure instanceof HttpError &&
        failure.status === 401 &&
        !refreshedAuth &&
        typeof options.headers === 'function'
      ) {
        refreshedAuth = true; // the token may have expired: ask the provider once more
        continue;
      }
      const wait = failure instanceof HttpError ? failure.retryAfterMs : undefined;
      // A create of this key still running elsewhere, perhaps on a server process that died: waited for until
      // the server may take its key over (the reference server's createTimeoutMs + 5 s, 17 s by default).
      const keyBusy =
        failure.code === 'idempotency-key-in-flight' && Date.now() - started < KEY_IN_FLIGHT_WAIT_MS;
      if (!failure.retryable || (attempt >= retries && !keyBusy) || (wait ?? 0) > maxRetryAfterMs)
        throw failure;
      await abortable(wait ?? retryDelayMs * 2 ** attempt, call.options.signal);
    }
  }

  async function json<T>(what: string, response: Response, parse: (data: unknown) => Parsed<T>): Promise<T> {
    let data: unknown;
    try {
      data = JSON.parse(await response.text(), withoutNullFields);
    } catch (error) {
      throw new ResponseShapeError(what, 'body is not JSON', { cause: error });
    }
    const parsed = parse(data);
    if (parsed.success) return parsed.data;
    throw new ResponseShapeError(what, parsed.issues.join('; '));
  }

  async function open(call: Call): Promise<Response> {
    const response = await once(call);
    if (response.ok) return response;
    throw await toHttpError(response);
  }

  return { send, open, json };
}
