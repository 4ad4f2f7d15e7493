import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { networkInterfaces } from 'node:os';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.ts';
import { API_KEY, AUTH } from './harness.ts';

/** The status of a `GET /companies` sent to `url`'s socket with `host` as its `Host` header. */
function statusWithHost(url: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${url}/companies`, { headers: { ...AUTH, host } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Runs `use` with `console.warn` recorded instead of printed. */
async function recordingWarnings<T>(use: (warnings: string[]) => Promise<T>): Promise<T> {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
  try {
    return await use(warnings);
  } finally {
    console.warn = original;
  }
}

/** A non-loopback IPv4 address of this machine, if it has one. */
const lanAddress = Object.values(networkInterfaces())
  .flat()
  .find((entry) => entry !== undefined && entry.family === 'IPv4' && !entry.internal)?.address;

describe('startSimulator stays on loopback unless told', () => {
  let running: RunningSimulator | undefined;
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });

  it('refuses to bind 0.0.0.0, ::, a network address or name without exposeToNetwork, naming the option', async () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.5', 'sim.example']) {
      await assert.rejects(
        startSimulator({ host }),
        (error: unknown) =>
          error instanceof Error &&
          /would expose the simulator to the network/.test(error.message) &&
          /exposeToNetwork: true/.test(error.message),
        host,
      );
    }
  });

  it('binds loopback names without the option or a warning', async () => {
    await recordingWarnings(async (warnings) => {
      for (const host of ['127.0.0.1', 'localhost', '::1']) {
        const started = await startSimulator({ host });
        await started.close();
      }
      assert.deepEqual(warnings, []);
    });
  });

  it('with exposeToNetwork binds a wildcard after one warning; Host must still be loopback or allowed', async () => {
    const warnings = await recordingWarnings(async (recorded) => {
      running = await startSimulator({
        apiKey: API_KEY,
        host: '0.0.0.0',
        exposeToNetwork: true,
        allowedHosts: ['sim.lan'],
      });
      return recorded;
    });
    assert.equal(warnings.length, 1);
    assert.match(warnings[0] ?? '', /no real security: anyone who can reach it/);
    const port = new URL(running?.url ?? '').port;
    const loopback = `http://127.0.0.1:${port}`;
    assert.equal(await statusWithHost(loopback, `127.0.0.1:${port}`), 200);
    assert.equal(await statusWithHost(loopback, `sim.lan:${port}`), 200);
    assert.equal(await statusWithHost(loopback, `0.0.0.0:${port}`), 403, 'a wildcard is no host name');
    assert.equal(await statusWithHost(loopback, `evil.example:${port}`), 403);
  });

  it('with exposeToNetwork answers the bound address as a Host', async function () {
    if (lanAddress === undefined) this.skip();
    const warnings = await recordingWarnings(async (recorded) => {
      running = await startSimulator({ apiKey: API_KEY, host: lanAddress, exposeToNetwork: true });
      return recorded;
    });
    assert.equal(warnings.length, 1);
    const url = running?.url ?? '';
    assert.equal(await statusWithHost(url, new URL(url).host), 200);
    assert.equal(await statusWithHost(url, 'evil.example'), 403);
  });
});
