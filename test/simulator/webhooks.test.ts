import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import type { WebhookSenderOptions } from '../../src/simulator/index.ts';
import { startTestSimulator, type TestSimulator } from './harness.ts';

const SECRET = `whsec_${Buffer.from('simulator signing secret 32 byte').toString('base64')}`;

interface Received {
  readonly id: string;
  readonly headers: Record<string, string>;
  readonly body: { eventType: string; payload: Record<string, unknown> };
}

/**
 * An endpoint that checks each delivery's signature as Codat's consumers must, records it, and answers
 * `status()` (200 unless a test says otherwise).
 */
async function receiver(status: (messageId: string) => number = () => 200) {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const headers = Object.fromEntries(
        Object.entries(req.headers).map(([name, value]) => [name, String(value)]),
      );
      const standard = Object.fromEntries(
        Object.entries(headers).map(([name, value]) => [name.replace(/^svix-/, 'webhook-'), value]),
      );
      const body = new Webhook(SECRET).verify(raw, standard) as Received['body'];
      received.push({ id: standard['webhook-id'] ?? '', headers, body });
      res.writeHead(status(standard['webhook-id'] ?? '')).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`;
  return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const types = (message: Received) =>
  (message.body.payload['dataTypes'] as { dataType: string; status: string }[]).map(
    (entry) => `${entry.dataType}:${entry.status}`,
  );

describe('the simulator sends webhooks as Codat does through Svix', () => {
  let sim: TestSimulator;
  let endpoint: Awaited<ReturnType<typeof receiver>>;

  async function start(webhooks: Partial<WebhookSenderOptions> = {}, status?: (messageId: string) => number) {
    endpoint = await receiver(status);
    sim = await startTestSimulator({
      syncDurationMs: 6000,
      dataTypes: ['company', 'invoices', 'bills'],
      webhooks: {
        endpoints: [{ url: endpoint.url, secret: SECRET }],
        tickMs: 0,
        retryScheduleMs: [0, 0],
        ...webhooks,
      },
    });
  }
  afterEach(async () => {
    sim.simulator.webhooks.clear();
    await sim.close();
    await endpoint.close();
  });

  async function linked() {
    const company = await sim.createCompany();
    await sim.submitLink(company.redirect, { platform: 'mqjo', action: 'authorise' });
    return company;
  }

  it('signed connection events, then a read.completed per data type as each ends, in Codat’s envelope', async () => {
    await start();
    const company = await linked();
    await sim.simulator.webhooks.deliverDue();
    assert.deepEqual(
      endpoint.received.map((m) => m.body.eventType),
      ['connection.created', 'connection.connected'],
    );
    sim.clock.advance(2000);
    await sim.simulator.webhooks.deliverDue();
    sim.clock.advance(4000);
    await sim.simulator.webhooks.deliverDue();
    await sim.simulator.webhooks.deliverDue(); // nothing new: each is told once
    const reads = endpoint.received.filter((m) => m.body.eventType === 'read.completed');
    assert.deepEqual(reads.map(types), [['company:Complete'], ['invoices:Complete'], ['bills:Complete']]);
    const [first] = reads;
    assert.ok(first);
    assert.deepEqual(Object.keys(first.body).sort(), ['eventType', 'generatedDate', 'id', 'payload']);
    assert.equal((first.body.payload['referenceCompany'] as { id: string }).id, company.id);
    assert.match(first.headers['webhook-id'] ?? '', /^msg_/);
    assert.match(first.headers['webhook-signature'] ?? '', /^v1,/);
  });

  it('a failing fetch ends its read.completed with FetchError; an unlink is connection.disconnected', async () => {
    await start();
    const company = await sim.createCompany({ name: 'Acme', tags: { simulatorScenario: 'fetch-error' } });
    sim.simulator.setScenario(company.id, 'fetch-error');
    await sim.submitLink(company.redirect, { platform: 'mqjo', action: 'authorise' });
    sim.clock.advance(6000);
    await sim.simulator.webhooks.deliverDue();
    const reads = endpoint.received.filter((m) => m.body.eventType === 'read.completed').flatMap(types);
    assert.ok(reads.includes('invoices:FetchError'), reads.join(' '));
    const connectionId = sim.simulator.listCompanies()[0]?.dataConnections?.[0]?.id ?? '';
    const unlink = await sim.api(`/companies/${company.id}/connections/${connectionId}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'Unlinked' }),
    });
    assert.equal(unlink.status, 200);
    await sim.simulator.webhooks.deliverDue();
    const last = endpoint.received.at(-1);
    assert.equal(last?.body.eventType, 'connection.disconnected');
    assert.equal((last?.body.payload['connection'] as { status: string }).status, 'Unlinked');
  });

  it('the other reading of read.completed: one message per sync, naming every type', async () => {
    await start({ readCompletedPer: 'sync' });
    await linked();
    sim.clock.advance(3000);
    await sim.simulator.webhooks.deliverDue();
    assert.equal(endpoint.received.filter((m) => m.body.eventType === 'read.completed').length, 0);
    sim.clock.advance(3000);
    await sim.simulator.webhooks.deliverDue();
    const reads = endpoint.received.filter((m) => m.body.eventType === 'read.completed');
    assert.deepEqual(reads.map(types), [['company:Complete', 'invoices:Complete', 'bills:Complete']]);
  });

  it('retries a failed delivery with the same message id until it succeeds', async () => {
    const tries = new Map<string, number>();
    await start({}, (id) => {
      tries.set(id, (tries.get(id) ?? 0) + 1);
      return (tries.get(id) ?? 0) <= 2 ? 500 : 204;
    });
    await linked();
    await sim.simulator.webhooks.deliverDue();
    const done = () => sim.simulator.webhooks.attempts().filter((a) => a.status === 204).length === 2;
    for (let i = 0; i < 200 && !done(); i += 1) await new Promise((r) => setTimeout(r, 5));
    const created = sim.simulator.webhooks.attempts().filter((a) => a.eventType === 'connection.created');
    assert.deepEqual(
      created.map((a) => a.status),
      [500, 500, 204],
    );
    assert.equal(new Set(created.map((a) => a.id)).size, 1, 'one message id across its attempts');
  });

  it('may deliver a message twice (at least once, as Svix), with svix-* headers when asked', async () => {
    await start({ duplicateRate: 1, headerPrefix: 'svix' });
    await linked();
    await sim.simulator.webhooks.deliverDue();
    const ids = endpoint.received.map((m) => m.id);
    assert.equal(ids.length, 4);
    assert.equal(new Set(ids).size, 2);
    assert.ok(endpoint.received.every((m) => m.headers['svix-signature']?.startsWith('v1,')));
  });

  it('an endpoint added later hears only what happens from then on; the control API adds, lists and clears', async () => {
    await start({ endpoints: [] });
    const company = await linked();
    sim.clock.advance(6000);
    const add = await sim.api('/_simulator/webhooks', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url: endpoint.url, secret: SECRET }),
    });
    assert.equal(add.status, 201);
    assert.deepEqual(await add.json(), { endpoints: [endpoint.url] });
    await sim.simulator.webhooks.deliverDue();
    assert.equal(endpoint.received.length, 0);
    await sim.api(`/companies/${company.id}/data/all`, { method: 'POST' });
    sim.clock.advance(6000);
    await sim.simulator.webhooks.deliverDue();
    assert.equal(endpoint.received.filter((m) => m.body.eventType === 'read.completed').length, 3);
    const bad = await sim.api('/_simulator/webhooks', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url: 'ftp://x', secret: SECRET }),
    });
    assert.equal(bad.status, 400);
    assert.equal((await sim.api('/_simulator/webhooks', { method: 'DELETE' })).status, 204);
    assert.deepEqual(await (await sim.api('/_simulator/webhooks')).json(), { endpoints: [] });
  });
});
