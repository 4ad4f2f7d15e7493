import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

test('`npm run simulator` starts on loopback, prints its URL and API key, and stops on SIGINT', async () => {
  const cli = fileURLToPath(new URL('../../src/simulator/cli.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', cli], {
    env: { ...process.env, PORT: '0' },
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
    assert.match(output, /API key: sim-api-key/);
    const response = await fetch(`${url}/companies`, {
      headers: { authorization: `Basic ${Buffer.from('sim-api-key').toString('base64')}` },
    });
    assert.equal(response.status, 200);
  } finally {
    child.kill('SIGINT');
    const exit: unknown[] = await once(child, 'exit');
    assert.equal(exit[0], 0);
  }
});
