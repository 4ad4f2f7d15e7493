import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { createSimulator } from '../../src/simulator/index.ts';
import { startTestSimulator, type TestSimulator } from './harness.ts';

/** What the simulator answered: status and the platform error body. */
interface Answer {
  status: number;
  body: { statusCode?: number; service?: string; error?: string };
}

/**
 * Sends the headers of a POST declaring `contentLength` bytes and none of the body, and waits for the answer:
 * only a server that refuses by the declared length answers at all.
 */
function declareOnly(url: string, contentLength: number): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(contentLength) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          req.destroy();
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Answer['body'] });
        });
      },
    );
    req.on('error', reject);
    req.flushHeaders();
  });
}

/** An upload that never ends, counting the bytes it was asked for, and whether the reader cancelled it. */
function endlessBody(): { stream: ReadableStream<Uint8Array>; sent: () => number; cancelled: () => boolean } {
  let sent = 0;
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      sent += 1024;
      controller.enqueue(new Uint8Array(1024).fill(0x20));
    },
    cancel() {
      cancelled = true;
    },
  });
  return { stream, sent: () => sent, cancelled: () => cancelled };
}

describe('simulator body limits and the control API’s cross-site check', () => {
  let sim: TestSimulator;
  before(async () => {
    sim = await startTestSimulator();
  });
  after(() => sim.close());
  beforeEach(() => sim.simulator.reset());

  it('answers 413 to a declared Content-Length over 16 KiB before any of the body is sent', async () => {
    const answer = await declareOnly(`${sim.url}/_simulator/faults`, 10_000_000);
    assert.equal(answer.status, 413);
    assert.equal(answer.body.service, 'PublicApi');
    assert.match(answer.body.error ?? '', /at most 16384 bytes/);
    assert.deepEqual(sim.simulator.faults.list(), []);
  });

  it('answers 413 to an endless chunked body, cancelling it just past 16 KiB', async () => {
    const simulator = createSimulator();
    const body = endlessBody();
    const init: RequestInit & { duplex: 'half' } = { method: 'POST', body: body.stream, duplex: 'half' };
    const response = await simulator.handle(new Request('http://sim.test/_simulator/settings', init));
    assert.equal(response.status, 413);
    assert.equal(((await response.json()) as Answer['body']).statusCode, 413);
    assert.ok(body.cancelled(), 'the upload was cancelled');
    // Read up to the limit plus one chunk, and the stream's small read-ahead: nowhere near everything.
    assert.ok(body.sent() <= 16 * 1024 + 4 * 1024, `read ${body.sent()} bytes`);
  });

  it('the API’s create refuses an endless body the same way, past its 64 KiB', async () => {
    const simulator = createSimulator({ apiKey: 'k' });
    const body = endlessBody();
    const init: RequestInit & { duplex: 'half' } = {
      method: 'POST',
      headers: { authorization: `Basic ${btoa('k')}`, 'content-type': 'application/json' },
      body: body.stream,
      duplex: 'half',
    };
    const response = await simulator.handle(new Request('http://sim.test/companies', init));
    assert.equal(response.status, 413);
    assert.ok(body.cancelled(), 'the upload was cancelled');
    assert.deepEqual(simulator.listCompanies(), []);
  });

  it('still accepts a body at the limit', async () => {
    const padded = JSON.stringify({ oneTimeLinkUrls: true }).padEnd(16 * 1024, ' ');
    const response = await fetch(`${sim.url}/_simulator/settings`, { method: 'POST', body: padded });
    assert.equal(response.status, 200);
    assert.equal(sim.simulator.settings().oneTimeLinkUrls, true);
  });

  it('refuses POSTs from another site, another port or a sandboxed page with 403 and injects nothing', async () => {
    for (const headers of [
      { origin: 'https://evil.example' }, // another site's page
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' }, // another port of the same host
      { origin: 'null' }, // a sandboxed page
    ]) {
      const response = await fetch(`${sim.url}/_simulator/faults`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ path: '/companies', kind: 'drop-before' }),
      });
      assert.equal(response.status, 403, JSON.stringify(headers));
      const body = (await response.json()) as Answer['body'];
      assert.equal(body.service, 'PublicApi');
      assert.match(body.error ?? '', /refuses requests sent by another site's page/);
      assert.deepEqual(sim.simulator.faults.list(), []);
    }
  });

  it('refuses a cross-site GET too: no other site reads its state', async () => {
    const response = await fetch(`${sim.url}/_simulator/settings`, {
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    assert.equal(response.status, 403);
  });

  it('accepts its own origin’s pages and callers that are not pages (tests, scripts, curl)', async () => {
    const fault = JSON.stringify({ path: '/companies', kind: 'drop-before' });
    const own = new URL(sim.url).origin;
    for (const headers of [{}, { 'sec-fetch-site': 'same-origin' }, { origin: own }]) {
      const response = await fetch(`${sim.url}/_simulator/faults`, { method: 'POST', headers, body: fault });
      assert.equal(response.status, 201, JSON.stringify(headers));
    }
    assert.equal(sim.simulator.faults.list().length, 3);
  });
});
