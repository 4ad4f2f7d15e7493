import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect } from 'node:net';
import { mountAt, toNodeListener, type NodeListener } from '../../src/server/index.ts';
import { listen } from './harness.ts';

/** Serves a raw Node listener (with an optional Connect-style `next`) on a free port. */
async function serveListener(
  listener: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('not listening on TCP');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** What a Connect app does for `app.use(prefix, middleware)`: strips the prefix, keeps `originalUrl`. */
function connectMount(prefix: string, middleware: NodeListener, fallback: (res: ServerResponse) => void) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const url = req.url ?? '/';
    if (!url.startsWith(prefix)) return fallback(res);
    Object.assign(req, { originalUrl: url, url: url.slice(prefix.length) || '/' });
    middleware(req, res, () => fallback(res));
  };
}

/** Sends `head` (request line and headers, as written) to `url`'s port and returns the whole answer. */
function rawExchange(url: string, head: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(new URL(url).port), '127.0.0.1', () => {
      socket.write(`${head}\r\nConnection: close\r\n\r\n`);
    });
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('toNodeListener', () => {
  it('gives the handler an absolute URL, method, headers and body, and writes its answer back', async () => {
    const server = await listen(async (request) => {
      const echo = {
        url: request.url,
        method: request.method,
        header: request.headers.get('x-test'),
        body: await request.text(),
      };
      const headers = new Headers({ 'content-type': 'application/json', 'x-answer': 'yes' });
      headers.append('set-cookie', 'a=1');
      headers.append('set-cookie', 'b=2');
      return new Response(JSON.stringify(echo), { status: 201, headers });
    });
    try {
      const response = await fetch(`${server.url}/some/path?q=1`, {
        method: 'PUT',
        headers: { 'x-test': 'hi' },
        body: 'payload',
      });
      assert.equal(response.status, 201);
      assert.equal(response.headers.get('x-answer'), 'yes');
      assert.deepEqual(response.headers.getSetCookie(), ['a=1', 'b=2']);
      assert.deepEqual(await response.json(), {
        url: `${server.url}/some/path?q=1`,
        method: 'PUT',
        header: 'hi',
        body: 'payload',
      });
    } finally {
      await server.close();
    }
  });

  it('streams a response body', async () => {
    const server = await listen(() => {
      const parts = ['one ', 'two ', 'three'];
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          const part = parts.shift();
          if (part === undefined) controller.close();
          else controller.enqueue(new TextEncoder().encode(part));
        },
      });
      return Promise.resolve(new Response(body));
    });
    try {
      assert.equal(await (await fetch(server.url)).text(), 'one two three');
    } finally {
      await server.close();
    }
  });

  it('keeps a path like //evil.example/ on our own host', async () => {
    const server = await listen((request) => Promise.resolve(new Response(request.url)));
    try {
      const body = await (await fetch(`${server.url}//evil.example/x`)).text();
      assert.equal(new URL(body).host, new URL(server.url).host);
    } finally {
      await server.close();
    }
  });

  it('takes path and query from the request target alone: a Host carrying a path is a 400', async () => {
    const seen: string[] = [];
    const server = await listen((request) => {
      seen.push(request.url);
      return Promise.resolve(new Response('ok'));
    });
    const port = new URL(server.url).port;
    try {
      for (const host of [`127.0.0.1:${port}/api`, `127.0.0.1:${port}?x=1`, `a@127.0.0.1:${port}`, 'x#y']) {
        const answer = await rawExchange(server.url, `GET /companies HTTP/1.1\r\nHost: ${host}`);
        assert.match(answer, /^HTTP\/1\.1 400 /, host);
      }
      // An absolute-form target names another host: only its path and query count.
      await rawExchange(
        server.url,
        `GET http://elsewhere.example/api/x?y=1 HTTP/1.1\r\nHost: 127.0.0.1:${port}`,
      );
      await rawExchange(server.url, `GET /api/x?y=1 HTTP/1.1\r\nHost: [::1]:${port}`);
      assert.deepEqual(seen, [`http://127.0.0.1:${port}/api/x?y=1`, `http://[::1]:${port}/api/x?y=1`]);
    } finally {
      await server.close();
    }
  });

  it('answers 500 when the handler throws, or passes the error to next()', async () => {
    const failing = toNodeListener(() => Promise.reject(new Error('bug')));
    const plain = await serveListener((req, res) => failing(req, res));
    const errors: unknown[] = [];
    const withNext = await serveListener((req, res) =>
      failing(req, res, (error) => {
        errors.push(error);
        res.writeHead(599).end();
      }),
    );
    try {
      assert.equal((await fetch(plain.url)).status, 500);
      assert.equal((await fetch(withNext.url)).status, 599);
      assert.match(String(errors[0]), /bug/);
    } finally {
      await plain.close();
      await withNext.close();
    }
  });

  it('Response.error() (a network error) destroys the connection without an answer', async () => {
    let calls = 0;
    const server = await listen(async (request) => {
      calls += 1;
      await request.text();
      return calls === 1 ? Response.error() : new Response('second');
    });
    try {
      await assert.rejects(fetch(server.url, { method: 'POST', body: 'x' }), (error: unknown) => {
        assert.ok(error instanceof TypeError);
        assert.equal((error as { cause?: { code?: string } }).cause?.code, 'UND_ERR_SOCKET');
        return true;
      });
      assert.equal(await (await fetch(server.url)).text(), 'second', 'the server goes on serving');
    } finally {
      await server.close();
    }
  });

  it('under a Connect-style mount the handler still sees the original path', async () => {
    const listener = toNodeListener((request) =>
      Promise.resolve(new Response(new URL(request.url).pathname)),
    );
    const server = await serveListener(connectMount('/api', listener, (res) => res.writeHead(404).end()));
    try {
      assert.equal(await (await fetch(`${server.url}/api/companies`)).text(), '/api/companies');
    } finally {
      await server.close();
    }
  });
});

describe('mountAt', () => {
  const listener = mountAt(
    '/api/',
    toNodeListener((request) => Promise.resolve(new Response(`handled ${new URL(request.url).pathname}`))),
  );

  it('handles paths under the prefix, whole segments only, and 404s the rest without next()', async () => {
    const server = await serveListener((req, res) => listener(req, res));
    try {
      assert.equal(await (await fetch(`${server.url}/api`)).text(), 'handled /api');
      assert.equal(await (await fetch(`${server.url}/api/companies?x=1`)).text(), 'handled /api/companies');
      assert.equal((await fetch(`${server.url}/apiary`)).status, 404);
      assert.equal((await fetch(`${server.url}/`)).status, 404);
    } finally {
      await server.close();
    }
  });

  it('passes other paths to next() as middleware', async () => {
    const server = await serveListener((req, res) =>
      listener(req, res, () => res.writeHead(200).end('next')),
    );
    try {
      assert.equal(await (await fetch(`${server.url}/other`)).text(), 'next');
    } finally {
      await server.close();
    }
  });
});
