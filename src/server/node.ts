import type { IncomingMessage, ServerResponse } from 'node:http';
import { normaliseBasePath, routeSegments } from './base-path.ts';

/** A framework-neutral handler: the shape of `createOnboardHandler()` and `Simulator.handle`. */
export type FetchHandler = (request: Request) => Promise<Response>;

/**
 * A `node:http` request listener that also works as Connect/Express/Vite middleware. `next` is only used
 * by {@link mountAt} (to pass on requests outside its prefix) and to report an unexpected handler failure.
 */
export type NodeListener = (
  req: IncomingMessage,
  res: ServerResponse,
  next?: (error?: unknown) => void,
) => void;

/**
 * Adapts a fetch-style handler to Node's `http` server.
 *
 * The handler sees an absolute URL whose origin comes from the `Host` header (refused with 400 unless it is a
 * plain `host[:port]`) and whose path and query come from the *original* request target alone: under
 * Connect/Express `app.use('/api', …)`, which strips `/api` from `req.url`, `req.originalUrl` is used, so
 * the handler's `basePath` must be the full mount prefix either way. `X-Forwarded-*` headers are ignored on
 * purpose (trusting them is a deployment decision). The request body is streamed, not buffered, so the
 * handler's size limit applies before the whole body arrives.
 *
 * A handler that returns `Response.error()` (the Fetch standard's network error, `type === 'error'`) gets
 * the connection destroyed without an answer, as when a network drops: the simulator's fault injection uses it.
 */
export function toNodeListener(handler: FetchHandler): NodeListener {
  return (req, res, next) => {
    void serve(handler, req, res).catch((error: unknown) => {
      if (next) return next(error);
      if (res.headersSent) return res.destroy();
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('Internal Server Error');
    });
  };
}

/**
 * Runs `listener` only for paths under `prefix` (whole segments: `/api` owns `/api/x`, not `/apiary`); other
 * requests go to `next()` when there is one (middleware), or get an empty 404. Use it to put a handler on a
 * shared server, e.g. `server.middlewares.use(mountAt('/api', toNodeListener(handler)))` in Vite.
 */
export function mountAt(prefix: string, listener: NodeListener): NodeListener {
  const base = normaliseBasePath(prefix);
  return (req, res, next) => {
    const pathname = originalUrl(req).split('?')[0] ?? '/';
    if (routeSegments(pathname, base) !== null) return listener(req, res, next);
    if (next) return next();
    res.writeHead(404).end();
  };
}

async function serve(handler: FetchHandler, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let request: Request;
  try {
    request = toRequest(req, res);
  } catch {
    // Only a malformed Host header or path gets here.
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Bad Request');
    return;
  }
  const response = await handler(request);
  if (response.type === 'error') {
    res.destroy();
    return;
  }
  // A body the handler did not read (refused as too large, say) cannot be left on a keep-alive socket.
  if (!req.complete) res.setHeader('connection', 'close');
  await writeResponse(response, res);
}

/**
 * What a `Host` header may hold: a name or an IPv4 address, or an IPv6 one in brackets, and a port. Nothing
 * that could end the authority and start a path, query or user info (`/ ? # @ \`), so `Host: x/api` cannot
 * move a request under the handler's `basePath`.
 */
const HOST = /^(?:[A-Za-z0-9._-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/** The request's URL: scheme and `Host` give the origin, the request target alone gives path and query. */
function requestUrl(req: IncomingMessage): URL {
  const host = req.headers.host ?? 'localhost';
  if (!HOST.test(host)) throw new TypeError('Malformed Host header');
  const encrypted = 'encrypted' in req.socket && req.socket.encrypted === true;
  const target = originalUrl(req);
  // An absolute-form target (`POST http://elsewhere/x`, as sent to proxies) contributes its path only.
  const path = target.startsWith('/') ? target : pathOf(new URL(target));
  // Concatenating (rather than `new URL(path, base)`) keeps a path like `//evil.example/` on our host.
  return new URL(`${encrypted ? 'https' : 'http'}://${host}${path}`);
}

const pathOf = (url: URL): string => `${url.pathname}${url.search}`;

function toRequest(req: IncomingMessage, res: ServerResponse): Request {
  const url = requestUrl(req);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name.startsWith(':')) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const aborted = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) aborted.abort();
  });
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  const init: RequestInit & { duplex?: 'half' } = {
    method: req.method ?? 'GET',
    headers,
    signal: aborted.signal,
    ...(hasBody && { body: bodyStream(req), duplex: 'half' }),
  };
  return new Request(url, init);
}

/** The request body as a web stream, with back-pressure; cancelling it discards the rest of the upload. */
function bodyStream(req: IncomingMessage): ReadableStream<Uint8Array> {
  let finished = false;
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  const onData = (chunk: Buffer): void => {
    if (finished) return;
    controller?.enqueue(chunk);
    if ((controller?.desiredSize ?? 0) <= 0) req.pause();
  };
  return new ReadableStream<Uint8Array>({
    start(streamController) {
      controller = streamController;
      req.on('data', onData);
      req.once('end', () => {
        if (!finished) streamController.close();
        finished = true;
      });
      req.once('error', (error) => {
        if (!finished) streamController.error(error);
        finished = true;
      });
    },
    pull() {
      req.resume();
    },
    cancel() {
      finished = true;
      req.off('data', onData);
      req.resume();
    },
  });
}

async function writeResponse(response: Response, res: ServerResponse): Promise<void> {
  res.statusCode = response.status;
  for (const [name, value] of response.headers) {
    if (name !== 'set-cookie') res.setHeader(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader('set-cookie', cookies);
  if (!response.body) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!res.write(value)) await drainedOrClosed(res);
    if (res.destroyed) {
      await reader.cancel();
      return;
    }
  }
  res.end();
}

function drainedOrClosed(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const settle = (): void => {
      res.off('drain', settle);
      res.off('close', settle);
      resolve();
    };
    res.once('drain', settle);
    res.once('close', settle);
  });
}

/** Connect and Express strip the mount path from `req.url` but keep the full one in `req.originalUrl`. */
function originalUrl(req: IncomingMessage): string {
  const original: unknown = Reflect.get(req, 'originalUrl');
  return typeof original === 'string' ? original : (req.url ?? '/');
}
