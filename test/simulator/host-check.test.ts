import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { createSimulator } from '../../src/simulator/index.ts';
import { AUTH, startTestSimulator, type TestSimulator } from './harness.ts';

/** What the simulator answered to a request sent with a `Host` header of our choosing. */
interface Answer {
  status: number;
  text: string;
}

/**
 * Sends a request to the simulator's socket with `host` as the `Host` header, as a browser does after DNS
 * rebinding: connected to 127.0.0.1, naming another host (`fetch` always sends the URL's own).
 */
function withHost(
  url: string,
  host: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      { method: init.method ?? 'GET', headers: { ...init.headers, host } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

const REFUSED = /does not answer to Host "evil\.example:\d+".*allowedHosts: \["evil\.example"\]/;

describe('the simulator answers only to loopback hosts and allowedHosts (DNS rebinding)', () => {
  let sim: TestSimulator;
  let port: string;
  before(async () => {
    sim = await startTestSimulator({ allowedHosts: ['sim.test'] });
    port = new URL(sim.url).port;
  });
  after(() => sim.close());
  beforeEach(() => sim.simulator.reset());

  it('refuses a forged Host on the API with a 403 in the platform error shape, creating nothing', async () => {
    const answer = await withHost(`${sim.url}/companies`, `evil.example:${port}`, {
      method: 'POST',
      headers: { ...AUTH, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Rebound Ltd' }),
    });
    assert.equal(answer.status, 403);
    const body = JSON.parse(answer.text) as { statusCode: number; service: string; error: string };
    assert.equal(body.statusCode, 403);
    assert.equal(body.service, 'PublicApi');
    assert.match(body.error, REFUSED);
    assert.deepEqual(sim.simulator.listCompanies(), []);
  });

  it('refuses a forged Host on the Link pages and the control API', async () => {
    const created = await sim.createCompany();
    const link = await withHost(`${sim.url}/link/company/${created.id}`, `evil.example:${port}`);
    assert.equal(link.status, 403);
    assert.match((JSON.parse(link.text) as { error: string }).error, REFUSED);
    const read = await withHost(`${sim.url}/_simulator/settings`, `evil.example:${port}`);
    assert.equal(read.status, 403);
    const write = await withHost(`${sim.url}/_simulator/faults`, `evil.example:${port}`, {
      method: 'POST',
      body: JSON.stringify({ path: '/companies', kind: 'drop-before' }),
    });
    assert.equal(write.status, 403);
    assert.deepEqual(sim.simulator.faults.list(), []);
  });

  it('refuses other IP addresses', async () => {
    for (const host of ['192.168.1.5', '10.0.0.1:80', '[fe80::1]', '[::ffff:127.0.0.1]']) {
      const answer = await withHost(`${sim.url}/_simulator/settings`, host);
      assert.equal(answer.status, 403, host);
    }
  });

  it('refuses a Host that is not a host name', async () => {
    const simulator = createSimulator();
    for (const host of ['evil.example:1/x', 'user@127.0.0.1', '127.0.0.1 evil.example', '']) {
      const response = await simulator.handle(
        new Request('http://sim.test/_simulator/settings', { headers: { host } }),
      );
      assert.equal(response.status, 403, host);
    }
  });

  it('answers loopback names with any port, and allowedHosts entries with any port', async () => {
    for (const host of [
      `127.0.0.1:${port}`,
      '127.0.0.2',
      `localhost:${port}`,
      'LOCALHOST',
      'sim.localhost:1',
      `[::1]:${port}`,
      'sim.test',
      `SIM.test:${port}`,
    ]) {
      const answer = await withHost(`${sim.url}/companies`, host, { headers: AUTH });
      assert.equal(answer.status, 200, `${host}: ${answer.text}`);
    }
  });

  it('checks no Host on a request built in-process (it reaches no socket)', async () => {
    const simulator = createSimulator();
    const response = await simulator.handle(new Request('http://sim.test/_simulator/settings'));
    assert.equal(response.status, 200);
  });

  it('throws at creation for an allowedHosts entry that is not a host name alone', () => {
    for (const entry of ['http://sim.test', 'sim.test:4010', 'sim.test:80', 'sim.test/', 'a@sim.test', '']) {
      assert.throws(
        () => createSimulator({ allowedHosts: [entry] }),
        (error: unknown) =>
          error instanceof TypeError && /allowedHosts: .* is not a host name/.test(error.message),
        entry,
      );
    }
    assert.doesNotThrow(() =>
      createSimulator({ allowedHosts: ['Sim.Test', '192.168.1.5', '::1', '[fe80::1]'] }),
    );
  });
});
