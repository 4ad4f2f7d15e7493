/**
 * Fault injection: make the next matching request(s) fail the way real networks and platforms do.
 *
 * - `drop-before`: the connection is closed without an answer and nothing is done (the request was lost).
 * - `drop-after`: the request is carried out (a company *is* created) and then the connection is closed
 *   without an answer (the answer was lost).
 * - `status`: the simulator answers `status` without acting: a Codat-shaped error body (or `body`), with
 *   `Retry-After: retryAfterSeconds` when given, and `Retry-After: 1` on a 429 that names none (every 429
 *   from the platform carries one).
 * - `latency`: the request is carried out after `latencyMs`.
 *
 * A drop is answered with `Response.error()`, the Fetch standard's network error; `toNodeListener` (and so
 * `startSimulator` and the demo) turns it into a destroyed socket, so clients see a real connection reset.
 */
export type FaultKind = 'drop-before' | 'drop-after' | 'status' | 'latency';

export const FAULT_KINDS: readonly FaultKind[] = ['drop-before', 'drop-after', 'status', 'latency'];

/** `Retry-After` of a 429 fault that names none: every 429 from the platform carries one. */
const DEFAULT_RETRY_AFTER_SECONDS = 1;

/** What to break, for which requests, how many times. */
export interface FaultSpec {
  /** HTTP method to match, any case. Default: every method. */
  method?: string;
  /**
   * The path below the simulator's `basePath`, without the query string or a trailing slash, e.g.
   * `'/companies'`. A string must match the whole path, with `*` standing for one segment (`'/companies/*'`
   * matches `/companies/{id}` only); a RegExp is tested against it.
   */
  path: string | RegExp;
  kind: FaultKind;
  /** The status a `status` fault answers with (200–599). Required for `status`. */
  status?: number;
  /** Adds `Retry-After: <seconds>` to a `status` fault's answer. Default: `1` on a 429, none otherwise. */
  retryAfterSeconds?: number;
  /**
   * The body of a `status` fault's answer: a string is sent as is (as `text/plain`), anything else as JSON.
   * Default: a Codat error body for 4xx/5xx, empty otherwise.
   */
  body?: unknown;
  /** Delay before the fault acts, in ms. Required for `latency`; allowed for every kind. */
  latencyMs?: number;
  /** How many matching requests the fault applies to: a positive integer, or `Infinity`. Default `1`. */
  times?: number;
}

/** A fault waiting for requests, as {@link SimulatorFaults.list} reports it (JSON-friendly). */
export interface ActiveFault {
  id: string;
  method?: string;
  /** The path pattern; a RegExp is shown as its source, `/…/flags`. */
  path: string;
  kind: FaultKind;
  status?: number;
  retryAfterSeconds?: number;
  body?: unknown;
  latencyMs?: number;
  /** Matching requests it will still affect (`null` for `Infinity`, which JSON cannot carry). */
  remaining: number | null;
}

/** The fault injection API of a simulator: `simulator.faults`. */
export interface SimulatorFaults {
  /** Adds a fault, checked after those added before it; throws a `TypeError` if `fault` is malformed. */
  inject(fault: FaultSpec): ActiveFault;
  /** Removes every fault. */
  clear(): void;
  /** The faults still waiting, in the order they are checked. */
  list(): ActiveFault[];
}

/** A fault that matched a request, with what it should do. */
export type TriggeredFault = Omit<FaultSpec, 'path' | 'method' | 'times'>;

/** What {@link applyFault} needs from the simulator. */
export interface FaultEnvironment {
  /** Handles the request as if there were no fault. */
  serve: () => Promise<Response>;
  delay: (ms: number, signal: AbortSignal) => Promise<void>;
  /** A Codat error response (the platform's body shape). */
  error: (status: number, message: string, headers: Record<string, string>) => Response;
}

/** Answers `request` as `fault` says; a drop is `Response.error()`. */
export async function applyFault(
  fault: TriggeredFault,
  request: Request,
  environment: FaultEnvironment,
): Promise<Response> {
  if (fault.latencyMs !== undefined && fault.latencyMs > 0)
    await environment.delay(fault.latencyMs, request.signal);
  switch (fault.kind) {
    case 'latency':
      return environment.serve();
    case 'drop-before':
      return Response.error();
    case 'drop-after': {
      const response = await environment.serve();
      await response.body?.cancel();
      return Response.error();
    }
    case 'status':
      return statusResponse(fault, environment);
  }
}

function statusResponse(fault: TriggeredFault, environment: FaultEnvironment): Response {
  const status = fault.status ?? 500;
  const retryAfter = fault.retryAfterSeconds ?? (status === 429 ? DEFAULT_RETRY_AFTER_SECONDS : undefined);
  const headers: Record<string, string> =
    retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) };
  if (fault.body === undefined) {
    if (status >= 400) return environment.error(status, `Injected fault: HTTP ${status}.`, headers);
    return new Response(null, { status, headers });
  }
  if (typeof fault.body === 'string') {
    return new Response(fault.body, {
      status,
      headers: { 'content-type': 'text/plain; charset=utf-8', ...headers },
    });
  }
  return new Response(JSON.stringify(fault.body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}

interface Entry {
  id: string;
  spec: FaultSpec;
  matchPath: (path: string) => boolean;
  method: string | undefined;
  remaining: number;
}

/** The faults of one simulator, plus `take`, which the request handler calls for each request. */
export class FaultRegistry implements SimulatorFaults {
  readonly #entries: Entry[] = [];
  readonly #uuid: () => string;

  constructor(uuid: () => string) {
    this.#uuid = uuid;
  }

  inject(fault: FaultSpec): ActiveFault {
    const spec = checkFault(fault);
    const entry: Entry = {
      id: this.#uuid(),
      spec,
      matchPath: pathMatcher(spec.path),
      method: spec.method?.toUpperCase(),
      remaining: spec.times ?? 1,
    };
    this.#entries.push(entry);
    return describe(entry);
  }

  clear(): void {
    this.#entries.length = 0;
  }

  list(): ActiveFault[] {
    return this.#entries.map(describe);
  }

  /** The first fault matching this request, counted as used; `undefined` when none does. */
  take(method: string, path: string): TriggeredFault | undefined {
    const index = this.#entries.findIndex(
      (entry) =>
        (entry.method === undefined || entry.method === method.toUpperCase()) && entry.matchPath(path),
    );
    const entry = this.#entries[index];
    if (entry === undefined) return undefined;
    entry.remaining -= 1;
    if (entry.remaining <= 0) this.#entries.splice(index, 1);
    const { kind, status, retryAfterSeconds, body, latencyMs } = entry.spec;
    return {
      kind,
      ...(status !== undefined && { status }),
      ...(retryAfterSeconds !== undefined && { retryAfterSeconds }),
      ...(body !== undefined && { body }),
      ...(latencyMs !== undefined && { latencyMs }),
    };
  }
}

/**
 * A fault from untrusted JSON (the HTTP control endpoint): the same shape, `path` always a string. Throws a
 * `TypeError` naming the problem.
 */
export function faultFromJson(body: unknown): FaultSpec {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new TypeError('The fault must be a JSON object.');
  }
  const record = body as Record<string, unknown>;
  const known = new Set([
    'method',
    'path',
    'kind',
    'status',
    'retryAfterSeconds',
    'body',
    'latencyMs',
    'times',
  ]);
  const unknown = Object.keys(record).filter((key) => !known.has(key));
  if (unknown.length > 0) throw new TypeError(`Unknown fault field(s): ${unknown.join(', ')}.`);
  if (typeof record['path'] !== 'string') throw new TypeError('path must be a string such as "/companies".');
  return record as unknown as FaultSpec;
}

function checkFault(fault: FaultSpec): FaultSpec {
  const { method, path, kind, status, retryAfterSeconds, latencyMs, times } = fault as Partial<
    Record<keyof FaultSpec, unknown>
  >;
  if (!FAULT_KINDS.includes(kind as FaultKind)) {
    throw new TypeError(`kind must be one of ${FAULT_KINDS.join(', ')}.`);
  }
  if (method !== undefined && (typeof method !== 'string' || !/^[A-Za-z]+$/.test(method))) {
    throw new TypeError('method must be an HTTP method name such as "POST".');
  }
  if (!(path instanceof RegExp) && (typeof path !== 'string' || !path.startsWith('/'))) {
    throw new TypeError('path must be a RegExp or a string starting with "/".');
  }
  if (kind === 'status' && status === undefined) throw new TypeError('A status fault needs a status.');
  if (status !== undefined && !(isInteger(status) && status >= 200 && status <= 599)) {
    throw new TypeError('status must be an integer from 200 to 599.');
  }
  if (fault.body !== undefined && (status === 204 || status === 205 || status === 304)) {
    throw new TypeError(`A ${String(status)} answer cannot have a body.`);
  }
  if (retryAfterSeconds !== undefined && !(isInteger(retryAfterSeconds) && retryAfterSeconds >= 0)) {
    throw new TypeError('retryAfterSeconds must be a whole number of seconds.');
  }
  if (kind === 'latency' && latencyMs === undefined) throw new TypeError('A latency fault needs latencyMs.');
  if (
    latencyMs !== undefined &&
    !(typeof latencyMs === 'number' && Number.isFinite(latencyMs) && latencyMs >= 0)
  ) {
    throw new TypeError('latencyMs must be a number of milliseconds, 0 or more.');
  }
  if (times !== undefined && !((isInteger(times) && times >= 1) || times === Number.POSITIVE_INFINITY)) {
    throw new TypeError('times must be a positive integer (or Infinity).');
  }
  return { ...fault };
}

function isInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

/** `'/companies/*'` matches `/companies/abc` only; a trailing slash on the request path is ignored. */
function pathMatcher(pattern: string | RegExp): (path: string) => boolean {
  if (pattern instanceof RegExp) {
    // A copy without the stateful flags, so `test` gives the same answer every time.
    const regex = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''));
    return (path) => regex.test(path);
  }
  const wanted = segmentsOf(pattern);
  return (path) => {
    const given = segmentsOf(path);
    return given.length === wanted.length && wanted.every((part, i) => part === '*' || part === given[i]);
  };
}

function segmentsOf(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

function describe(entry: Entry): ActiveFault {
  const { spec } = entry;
  return {
    id: entry.id,
    ...(entry.method !== undefined && { method: entry.method }),
    path: typeof spec.path === 'string' ? spec.path : String(spec.path),
    kind: spec.kind,
    ...(spec.status !== undefined && { status: spec.status }),
    ...(spec.retryAfterSeconds !== undefined && { retryAfterSeconds: spec.retryAfterSeconds }),
    ...(spec.body !== undefined && { body: spec.body }),
    ...(spec.latencyMs !== undefined && { latencyMs: spec.latencyMs }),
    remaining: Number.isFinite(entry.remaining) ? entry.remaining : null,
  };
}
