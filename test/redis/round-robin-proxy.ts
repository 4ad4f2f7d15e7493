/**
 * A round-robin HTTP proxy on loopback, as a load balancer in front of a fleet: each request goes to the next
 * upstream in turn, answers stream through (Server-Sent Events included). Like nginx's defaults, a request that
 * could not be sent (connection refused: the process is down) goes to the next upstream, whatever its method;
 * one that failed after it was sent is retried elsewhere only if it is a GET, else answered 502.
 */
import {
  Agent,
  createServer,
  request as httpRequest,
  type ClientRequest,
  type IncomingMessage,
  type Server,
} from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RoundRobinProxy {
  readonly url: string;
  /** The upstreams' ports, in turn; replaced as processes stop and start. */
  setUpstreams(ports: readonly number[]): void;
  close(): Promise<void>;
}

export async function startRoundRobinProxy(initial: readonly number[]): Promise<RoundRobinProxy> {
  let upstreams = [...initial];
  let turn = 0;
  const agent = new Agent({ keepAlive: true, maxSockets: Infinity });

  const forward = (
    req: IncomingMessage,
    body: Buffer,
    tries: number,
    sending: (upstream: ClientRequest) => void,
  ): Promise<IncomingMessage> =>
    new Promise((resolve, reject) => {
      const port = upstreams[turn++ % Math.max(1, upstreams.length)];
      if (port === undefined) return reject(new Error('no upstream'));
      let sent = false;
      const upstream = httpRequest(
        { host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers, agent },
        resolve,
      );
      // Sent once connected: a kept-alive socket already is.
      upstream.on('socket', (socket) => {
        if (socket.connecting) socket.once('connect', () => (sent = true));
        else sent = true;
      });
      upstream.on('error', (error: NodeJS.ErrnoException) => {
        const retry = (!sent || req.method === 'GET') && tries < upstreams.length;
        if (retry) forward(req, body, tries + 1, sending).then(resolve, reject);
        else reject(error);
      });
      sending(upstream);
      upstream.end(body);
    });

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    // The client went away before its answer ended (a stream closed): so does the upstream request.
    let upstream: ClientRequest | undefined;
    res.once('close', () => {
      if (!res.writableFinished) upstream?.destroy();
    });
    req.on('end', () => {
      forward(req, Buffer.concat(chunks), 1, (request) => (upstream = request)).then(
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          res.flushHeaders();
          answer.pipe(res);
          // The upstream died mid-answer: the client sees its connection end, as it would behind a balancer.
          answer.once('aborted', () => res.destroy());
          answer.once('error', () => res.destroy());
        },
        () => {
          if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
          res.end('Bad Gateway');
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    setUpstreams(ports) {
      upstreams = [...ports];
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
      }),
  };
}
