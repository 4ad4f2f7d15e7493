/**
 * A fault proxy for the demo's `/api` (the integrator's backend), mounted with `startDemo({ beforeApi })`:
 * between the browser and the reference server, on the same origin. It breaks the next matching request(s) the
 * way networks, gateways and auth layers do, and logs every request it sees so a test can count attempts.
 *
 * What a fault does to a request:
 *
 * - `drop-before`: the socket is destroyed at once; the request never reaches the server.
 * - `drop-after`: the request is forwarded, the server acts (a company *is* created), then the socket is
 *   destroyed instead of the answer being sent.
 * - `hang`: forwarded, the server acts, and the answer is held until the client gives up (bounded by
 *   {@link HANG_LIMIT_MS}, then the socket is destroyed).
 * - `respond`: answered with the given status, body and `Retry-After` without forwarding (a gateway or auth
 *   layer said no).
 * - `replace`: forwarded, the server acts, and its answer is replaced by the given one (a 200 whose body is
 *   garbled or of the wrong shape).
 *
 * Note: Chromium itself resends a request once when a *reused* keep-alive connection is reset before any
 * answer; a dropped request may therefore reach the proxy more often than the adapter retried it.
 */
import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Connect } from 'vite';

/** The longest a `hang` holds an answer before the proxy gives up on the client. */
export const HANG_LIMIT_MS = 30_000;

export type ProxyAction =
  | { readonly kind: 'drop-before' }
  | { readonly kind: 'drop-after' }
  | { readonly kind: 'hang' }
  | {
      readonly kind: 'respond';
      readonly status: number;
      readonly contentType: string;
      readonly body: string;
      readonly retryAfterSeconds?: number;
    }
  | {
      readonly kind: 'replace';
      readonly status: number;
      readonly contentType: string;
      readonly body: string;
    };

/** The request header that names the test a request belongs to; faults only break their own test's requests. */
export const SCOPE_HEADER = 'x-fault-scope';

export interface ProxyFault {
  /** Only requests carrying this {@link SCOPE_HEADER} value (so tests can run side by side). */
  readonly scope: string;
  /** `GET` or `POST`. */
  readonly method: string;
  /** Path under `/api` without the query; `*` stands for one segment (`/companies/*` is `/companies/{id}`). */
  readonly path: string;
  readonly action: ProxyAction;
  /** How many matching requests it breaks: a positive integer, or `Infinity` (until {@link FaultProxy.clear}). */
  readonly times: number;
}

/** One request the proxy saw. */
export interface ProxiedRequest {
  /** Its {@link SCOPE_HEADER}, `''` when it had none. */
  readonly scope: string;
  readonly method: string;
  /** Under `/api`, without the query. */
  readonly path: string;
  readonly authorization: string | undefined;
  /** The fault applied to it, or `null` when it went through untouched. */
  readonly fault: ProxyAction['kind'] | null;
  /** The status the client got; `null` while pending, or when it got none (dropped, held). */
  status: number | null;
  /** The server replayed an earlier answer (`Idempotent-Replayed: true`). */
  replayed: boolean;
}

interface ActiveFault extends ProxyFault {
  remaining: number;
}

interface Captured {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
}

const matches = (pattern: string, path: string): boolean => {
  const want = pattern.split('/');
  const got = path.split('/');
  return want.length === got.length && want.every((segment, i) => segment === '*' || segment === got[i]);
};

/**
 * Lets the server answer into nothing: its status and headers are kept, its body discarded, and the returned
 * promise resolves when it ends. Nothing reaches the client until the caller decides what to send.
 */
function capture(res: ServerResponse): Promise<Captured> {
  return new Promise((resolve) => {
    const headers: Record<string, string> = {};
    const original = { setHeader: res.setHeader, writeHead: res.writeHead, write: res.write, end: res.end };
    res.setHeader = (name: string, value: number | string | readonly string[]) => {
      headers[name.toLowerCase()] = String(value);
      return res;
    };
    res.writeHead = (status: number) => {
      res.statusCode = status;
      return res;
    };
    res.write = (() => true) as typeof res.write;
    res.end = ((...args: unknown[]) => {
      Object.assign(res, original);
      const callback = args.find((arg): arg is () => void => typeof arg === 'function');
      callback?.();
      resolve({ status: res.statusCode, headers });
      return res;
    }) as typeof res.end;
  });
}

/** See the module comment. One proxy per demo server, shared by tests that each use their own scope. */
export class FaultProxy {
  private faults: ActiveFault[] = [];
  private log: ProxiedRequest[] = [];
  private readonly events = new EventEmitter();

  /** The Connect middleware for `startDemo({ beforeApi })`. */
  readonly middleware: Connect.NextHandleFunction = (req, res, next) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const method = req.method ?? 'GET';
    const scopeHeader = req.headers[SCOPE_HEADER];
    const scope = typeof scopeHeader === 'string' ? scopeHeader : '';
    const fault = this.take(scope, method, path);
    const entry: ProxiedRequest = {
      scope,
      method,
      path,
      authorization: req.headers.authorization,
      fault: fault?.action.kind ?? null,
      status: null,
      replayed: false,
    };
    this.log.push(entry);
    this.events.emit('request');
    if (fault === undefined) {
      res.once('finish', () => {
        entry.status = res.statusCode;
        entry.replayed = res.getHeader('idempotent-replayed') === 'true';
      });
      next();
      return;
    }
    this.apply(fault.action, req, res, next, entry);
  };

  /** Adds a fault, checked after those added before it. */
  inject(fault: ProxyFault): void {
    if (!(fault.times === Infinity || (Number.isInteger(fault.times) && fault.times > 0))) {
      throw new TypeError(`times must be a positive integer or Infinity, not ${fault.times}`);
    }
    this.faults.push({ ...fault, remaining: fault.times });
  }

  /** Removes the faults of `scope`; its requests go through untouched from now on. */
  clear(scope: string): void {
    this.faults = this.faults.filter((f) => f.scope !== scope);
  }

  /** Forgets every fault and the whole log. */
  reset(): void {
    this.faults = [];
    this.log = [];
  }

  /** The faults of `scope` still waiting, with how many requests each will still break. */
  pending(scope: string): readonly ActiveFault[] {
    return this.faults.filter((f) => f.scope === scope);
  }

  /** The requests of `scope` seen so far, optionally only `method path` (a pattern, as for faults). */
  requests(scope: string, method?: string, path?: string): readonly ProxiedRequest[] {
    return this.log.filter(
      (r) =>
        r.scope === scope &&
        (method === undefined || r.method === method) &&
        (path === undefined || matches(path, r.path)),
    );
  }

  /** Resolves once `count` requests of `scope` matching `method path` were seen; rejects after `timeoutMs`. */
  async waitForRequests(
    scope: string,
    method: string,
    path: string,
    count: number,
    timeoutMs: number,
  ): Promise<void> {
    const enough = (): boolean => this.requests(scope, method, path).length >= count;
    if (enough()) return;
    await new Promise<void>((resolve, reject) => {
      const onRequest = (): void => {
        if (!enough()) return;
        clearTimeout(timer);
        this.events.off('request', onRequest);
        resolve();
      };
      const timer = setTimeout(() => {
        this.events.off('request', onRequest);
        const seen = this.requests(scope, method, path).length;
        reject(new Error(`Expected ${count} × ${method} ${path} within ${timeoutMs} ms; saw ${seen}`));
      }, timeoutMs);
      this.events.on('request', onRequest);
    });
  }

  private take(scope: string, method: string, path: string): ActiveFault | undefined {
    const fault = this.faults.find(
      (f) => f.scope === scope && f.method === method && matches(f.path, path) && f.remaining > 0,
    );
    if (fault === undefined) return undefined;
    fault.remaining -= 1;
    if (fault.remaining === 0) this.faults = this.faults.filter((f) => f !== fault);
    return fault;
  }

  private apply(
    action: ProxyAction,
    req: IncomingMessage,
    res: ServerResponse,
    next: Connect.NextFunction,
    entry: ProxiedRequest,
  ): void {
    switch (action.kind) {
      case 'drop-before':
        req.socket.destroy();
        return;
      case 'respond':
        res.writeHead(action.status, {
          'content-type': action.contentType,
          'cache-control': 'no-store',
          ...(action.retryAfterSeconds === undefined
            ? {}
            : { 'retry-after': String(action.retryAfterSeconds) }),
        });
        res.end(action.body);
        entry.status = action.status;
        return;
      case 'drop-after':
      case 'hang':
      case 'replace': {
        void capture(res).then(({ headers }) => {
          entry.replayed = headers['idempotent-replayed'] === 'true';
          if (action.kind === 'drop-after') {
            req.socket.destroy();
          } else if (action.kind === 'replace') {
            res.writeHead(action.status, { 'content-type': action.contentType, 'cache-control': 'no-store' });
            res.end(action.body);
            entry.status = action.status;
          } else {
            if (req.socket.destroyed) return;
            const timer = setTimeout(() => req.socket.destroy(), HANG_LIMIT_MS).unref();
            res.once('close', () => clearTimeout(timer));
          }
        });
        next();
        return;
      }
    }
  }
}
