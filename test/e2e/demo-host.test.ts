/**
 * The demo never takes the platform's address from a request's `Host` header, and the simulator it mounts
 * answers no host but its own. No browser: raw HTTP requests, whose `Host` header we choose (a browser after
 * DNS rebinding, or any local program, can send any).
 *
 * Vite refuses a `Host` that is not `localhost`, `*.localhost` or an IP address before any plugin sees it,
 * so the forged hosts that reach our code are IP addresses: here a loopback "attacker" server that records
 * whatever reaches it.
 */
import assert from 'node:assert/strict';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startDemo, type RunningDemo } from '../../demo/start-demo.ts';

/** What the demo answered. */
interface Answer {
  status: number;
  text: string;
  location: string | undefined;
}

/** Sends `path` to the demo's socket with `host` as the `Host` header. */
function send(
  demo: RunningDemo,
  path: string,
  host: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      new URL(path, demo.url),
      { method: init.method ?? 'GET', headers: { ...init.headers, host } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text, location: res.headers.location }));
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

const createCompany = (demo: RunningDemo, host: string, key: string): Promise<Answer> =>
  send(demo, '/api/companies', host, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify({ name: 'Host Test Ltd' }),
  });

/** A server on loopback that records every request (and its Authorization) and answers 500. */
async function startAttacker(): Promise<{ host: string; seen: string[]; server: Server }> {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`);
    res.writeHead(500).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { host: `127.0.0.1:${(server.address() as AddressInfo).port}`, seen, server };
}

describe('the demo ignores the Host header for the platform address', () => {
  let demo: RunningDemo | undefined;
  let attacker: Awaited<ReturnType<typeof startAttacker>> | undefined;
  const running = (): RunningDemo => {
    if (demo === undefined) throw new Error('the demo did not start');
    return demo;
  };
  beforeEach(async () => {
    attacker = await startAttacker();
    demo = await startDemo({ port: 0 });
  });
  afterEach(async () => {
    await demo?.close();
    await new Promise((resolve) => attacker?.server.close(resolve));
  });

  it('a forged Host on the first /api request does not send the backend, or its API key, to that host', async () => {
    const forged = attacker?.host ?? '';
    const answer = await createCompany(running(), forged, 'forged-host-key-0001');
    assert.equal(answer.status, 200, answer.text);
    const { id } = JSON.parse(answer.text) as { id: string };
    assert.deepEqual(
      running()
        .simulator.listCompanies()
        .map((company) => company.id),
      [id],
      'the create reached the simulator mounted in the demo',
    );
    assert.deepEqual(attacker?.seen, [], 'nothing reached the forged host');
  });

  it('a Host that is no IP address is refused before the backend (403), which then still works', async () => {
    const refused = await createCompany(running(), 'evil.example', 'forged-host-key-0002');
    assert.equal(refused.status, 403);
    assert.deepEqual(running().simulator.listCompanies(), []);
    const own = new URL(running().url).host;
    assert.equal((await createCompany(running(), own, 'forged-host-key-0003')).status, 200);
  });

  it('the simulator mounted in the demo refuses a forged Host with 403', async () => {
    const demoPort = new URL(running().url).port;
    for (const host of ['evil.example', `198.51.100.7:${demoPort}`]) {
      const answer = await send(running(), '/platform/_simulator/settings', host);
      assert.equal(answer.status, 403, host);
    }
    // An IP address passes Vite's check: the simulator's own refusal, in the platform's error shape.
    const byIp = await send(running(), '/platform/companies', `198.51.100.7:${demoPort}`);
    const body = JSON.parse(byIp.text) as { service: string; error: string };
    assert.equal(body.service, 'PublicApi');
    assert.match(body.error, /does not answer to Host "198\.51\.100\.7:\d+"/);
  });

  it('/demo/* makes Link URLs on the demo’s own address whatever the Host, and refuses cross-site pages', async () => {
    const forged = attacker?.host ?? '';
    const made = await send(running(), '/demo/broken-company', forged, { method: 'POST' });
    assert.equal(made.status, 200, made.text);
    const { id } = JSON.parse(made.text) as { id: string };
    const company = running()
      .simulator.listCompanies()
      .find((candidate) => candidate.id === id);
    assert.equal(company?.redirect, new URL(`/platform/link/company/${id}`, running().url).href);

    const own = new URL(running().url).host;
    for (const headers of [{ origin: 'https://evil.example' }, { 'sec-fetch-site': 'cross-site' }]) {
      const refused = await send(running(), '/demo/broken-company', own, { method: 'POST', headers });
      assert.equal(refused.status, 403, JSON.stringify(headers));
      assert.equal((JSON.parse(refused.text) as { code: string }).code, 'cross-site-request');
    }
    assert.equal(running().simulator.listCompanies().length, 1);
    const sameOrigin = await send(running(), '/demo/broken-company', own, {
      method: 'POST',
      headers: { 'sec-fetch-site': 'same-origin' },
    });
    assert.equal(sameOrigin.status, 200);
  });

  it('a page opened as localhost is sent to the demo’s own address, where its Link URLs and callback live', async () => {
    const port = new URL(running().url).port;
    const page = await send(running(), '/dashboard.html?company=x', `localhost:${port}`);
    assert.equal(page.status, 307);
    assert.equal(page.location, `http://127.0.0.1:${port}/dashboard.html?company=x`);
    const own = await send(running(), '/', `127.0.0.1:${port}`);
    assert.equal(own.status, 200, 'its own address is served');
  });
});
