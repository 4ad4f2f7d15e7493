import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const AUTH = { authorization: `Basic ${Buffer.from('sim-api-key').toString('base64')}` };

/** Runs `npm run simulator`'s script with `env`, hands `use` its URL and output, then stops it with SIGINT. */
async function withCli(
  env: Record<string, string>,
  use: (url: string, output: string) => Promise<void>,
): Promise<void> {
  const cli = fileURLToPath(new URL('../../src/simulator/cli.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', cli], {
    env: { ...process.env, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    let output = '';
    for await (const chunk of child.stdout) {
      output += String(chunk);
      if (output.includes('Ctrl-C')) break;
    }
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
    assert.ok(url, output);
    await use(url, output);
  } finally {
    child.kill('SIGINT');
    const exit: unknown[] = await once(child, 'exit');
    assert.equal(exit[0], 0);
  }
}

it('`npm run simulator` starts on loopback, prints its URL and API key, and stops on SIGINT', async () => {
  await withCli({}, async (url, output) => {
    assert.match(output, /API key: sim-api-key/);
    assert.match(output, /Sync scenarios \(normal, fast, .*\): default normal;/);
    const response = await fetch(`${url}/companies`, { headers: AUTH });
    assert.equal(response.status, 200);
  });
});

it('CODAT_SIMULATOR_SCENARIO sets the default scenario', async () => {
  await withCli({ CODAT_SIMULATOR_SCENARIO: 'stuck-queued' }, async (url, output) => {
    assert.match(output, /default stuck-queued;/);
    const created = await fetch(`${url}/companies`, {
      method: 'POST',
      headers: { ...AUTH, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'CLI Ltd' }),
    });
    const { id } = (await created.json()) as { id: string };
    const scenario = await fetch(`${url}/_simulator/companies/${id}/scenario`);
    assert.deepEqual(await scenario.json(), { companyId: id, scenario: 'stuck-queued' });
  });
});

it('the tag simulatorScenario chooses a scenario only with CODAT_SIMULATOR_SCENARIO_TAG=1', async () => {
  const scenarioOfTagged = async (url: string): Promise<unknown> => {
    const created = await fetch(`${url}/companies`, {
      method: 'POST',
      headers: { ...AUTH, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'CLI Ltd', tags: { simulatorScenario: 'slow' } }),
    });
    const { id } = (await created.json()) as { id: string };
    return (
      (await (await fetch(`${url}/_simulator/companies/${id}/scenario`)).json()) as { scenario: unknown }
    ).scenario;
  };
  await withCli({}, async (url, output) => {
    assert.match(output, /CODAT_SIMULATOR_SCENARIO_TAG=1 also lets the tag simulatorScenario choose it/);
    assert.equal(await scenarioOfTagged(url), 'normal');
  });
  await withCli({ CODAT_SIMULATOR_SCENARIO_TAG: '1' }, async (url, output) => {
    assert.match(output, /or the tag simulatorScenario\./);
    assert.equal(await scenarioOfTagged(url), 'slow');
  });
});
