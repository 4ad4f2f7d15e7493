import { expect } from 'chai';
import {
  createMemoryPubSub,
  createMemoryWebhookDedupe,
  createWebhookHandler,
  type PubSub,
} from '../../src/server/index.ts';
import { WEBHOOK_SECRET, readCompleted, signedWebhook } from './webhook-signing.ts';

const URL_ = 'http://127.0.0.1/webhooks/codat';
const COMPANY = '0498e921-9b53-4396-a412-4f2f5983b0a2';
const channel = `company-onboard:company:${COMPANY}`;

/** A memory pub/sub that also records what was published, and a handler on it. */
function setUp(
  options: { pubsub?: PubSub; dedupe?: Parameters<typeof createWebhookHandler>[0]['dedupe'] } = {},
) {
  const pubsub = options.pubsub ?? createMemoryPubSub();
  const published: { channel: string; message: unknown }[] = [];
  const recording: PubSub = {
    publish: async (name, message) => {
      published.push({ channel: name, message: JSON.parse(message) });
      await pubsub.publish(name, message);
    },
    subscribe: (name, listener) => pubsub.subscribe(name, listener),
    lastPublished: (name) => pubsub.lastPublished(name),
  };
  const logs: string[] = [];
  const handler = createWebhookHandler({
    secret: WEBHOOK_SECRET,
    pubsub: recording,
    log: (line) => logs.push(line),
    ...(options.dedupe && { dedupe: options.dedupe }),
  });
  return { handler, published, logs };
}

/** Lets the work the handler does after answering run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('Codat webhooks in: createWebhookHandler', () => {
  it('a signed read.completed is answered 204 and published to its company’s channel, every data type', async () => {
    const { handler, published } = setUp();
    const response = await handler(
      signedWebhook(
        URL_,
        readCompleted(COMPANY, [
          ['invoices', 'Complete'],
          ['bills', 'FetchError'],
        ]),
      ),
    );
    expect(response.status).to.equal(204);
    await settle();
    expect(published).to.deep.equal([
      {
        channel,
        message: {
          type: 'read-completed',
          dataTypes: [
            { dataType: 'invoices', status: 'Complete' },
            { dataType: 'bills', status: 'FetchError' },
          ],
        },
      },
    ]);
  });

  it('takes svix-* headers as well as webhook-* ones', async () => {
    const { handler, published } = setUp();
    const response = await handler(
      signedWebhook(URL_, readCompleted(COMPANY, [['invoices', 'Complete']]), { prefix: 'svix' }),
    );
    expect(response.status).to.equal(204);
    await settle();
    expect(published).to.have.length(1);
  });

  it('refuses a bad, a missing and a stale signature with 401, publishing nothing', async () => {
    const { handler, published } = setUp();
    const body = readCompleted(COMPANY, [['invoices', 'Complete']]);
    const wrongSecret = `whsec_${Buffer.from('another secret of thirty-two b!!').toString('base64')}`;
    const stale = new Date(Date.now() - 6 * 60_000);
    const future = new Date(Date.now() + 6 * 60_000);
    const unsigned = new Request(URL_, { method: 'POST', body: JSON.stringify(body) });
    const tampered = signedWebhook(URL_, body);
    const forged = new Request(tampered, {
      body: JSON.stringify({ ...body, eventType: 'connection.connected' }),
    });
    const cases: [string, Request][] = [
      ['another secret', signedWebhook(URL_, body, { secret: wrongSecret })],
      ['no headers', unsigned],
      ['six minutes old', signedWebhook(URL_, body, { at: stale })],
      ['six minutes ahead', signedWebhook(URL_, body, { at: future })],
      ['a body changed after signing', forged],
    ];
    for (const [what, request] of cases) {
      const response = await handler(request);
      expect(response.status, what).to.equal(401);
      expect(await response.json(), what).to.include({ code: 'invalid-signature' });
    }
    await settle();
    expect(published).to.deep.equal([]);
  });

  it('a message delivered twice (same id) is answered 204 both times and published once', async () => {
    const { handler, published } = setUp();
    const body = readCompleted(COMPANY, [['invoices', 'Complete']]);
    expect((await handler(signedWebhook(URL_, body, { id: 'msg_same' }))).status).to.equal(204);
    expect((await handler(signedWebhook(URL_, body, { id: 'msg_same' }))).status).to.equal(204);
    await settle();
    expect(published).to.have.length(1);
  });

  it('understands the current connection events and the legacy rules; ignores unknown ones, with 204', async () => {
    const { handler, published } = setUp();
    const connection = {
      id: 'e1',
      eventType: 'connection.disconnected',
      generatedDate: '2024-08-08T17:10:34.015Z',
      payload: { referenceCompany: { id: COMPANY }, connection: { id: 'conn-1', status: 'Deauthorized' } },
    };
    const legacySync = {
      CompanyId: COMPANY,
      RuleType: 'Data sync completed',
      Data: { dataType: 'creditNotes', datasetId: 'd-1' },
    };
    const legacyStatus = {
      CompanyId: COMPANY,
      RuleType: 'DataConnectionStatusChanged',
      Data: { dataConnectionId: 'conn-2', newStatus: 'Linked', oldStatus: 'PendingAuth' },
    };
    const created = { id: 'e2', eventType: 'company.created', payload: { id: COMPANY, name: 'Acme' } };
    const unknown = { id: 'e3', eventType: 'something.new', payload: { referenceCompany: { id: COMPANY } } };
    for (const body of [connection, legacySync, legacyStatus, created, unknown]) {
      expect((await handler(signedWebhook(URL_, body))).status).to.equal(204);
    }
    await settle();
    expect(published.map((p) => p.message)).to.deep.equal([
      { type: 'connection-changed', connectionId: 'conn-1', status: 'Deauthorized' },
      { type: 'read-completed', dataTypes: [{ dataType: 'creditNotes' }] },
      { type: 'connection-changed', connectionId: 'conn-2', status: 'Linked' },
    ]);
  });

  it('answers before it publishes: a publish that hangs does not hold the answer', async () => {
    const hanging: PubSub = {
      publish: () => new Promise(() => undefined),
      subscribe: () => Promise.resolve(() => Promise.resolve()),
      lastPublished: () => Promise.resolve(undefined),
    };
    const { handler } = setUp({ pubsub: hanging });
    const response = await handler(signedWebhook(URL_, readCompleted(COMPANY, [['invoices', 'Complete']])));
    expect(response.status).to.equal(204);
  });

  it('a dedupe store that fails lets the message through (a duplicate is harmless, a loss is not), and says so', async () => {
    const { handler, published, logs } = setUp({
      dedupe: { claim: () => Promise.reject(new Error('store down')) },
    });
    await handler(signedWebhook(URL_, readCompleted(COMPANY, [['invoices', 'Complete']])));
    await settle();
    expect(published).to.have.length(1);
    expect(logs.join('\n')).to.contain('store down');
  });

  it('POST only (405), and a secret is required', async () => {
    const { handler } = setUp();
    const response = await handler(new Request(URL_));
    expect(response.status).to.equal(405);
    expect(response.headers.get('allow')).to.equal('POST');
    const saved = process.env['CODAT_WEBHOOK_SECRET'];
    delete process.env['CODAT_WEBHOOK_SECRET'];
    try {
      expect(() => createWebhookHandler({ pubsub: createMemoryPubSub() })).to.throw(/CODAT_WEBHOOK_SECRET/);
    } finally {
      if (saved !== undefined) process.env['CODAT_WEBHOOK_SECRET'] = saved;
    }
  });
});

describe('createMemoryWebhookDedupe', () => {
  it('claims an id once, forgets it after its time, and keeps at most maxEntries', async () => {
    let now = 0;
    const dedupe = createMemoryWebhookDedupe({ ttlMs: 1000, maxEntries: 2, now: () => now });
    expect(await dedupe.claim('a')).to.equal(true);
    expect(await dedupe.claim('a')).to.equal(false);
    now = 1000;
    expect(await dedupe.claim('a')).to.equal(true);
    expect(await dedupe.claim('b')).to.equal(true);
    expect(await dedupe.claim('c')).to.equal(true);
    // Two remembered at most: the oldest ('a') went first.
    expect(await dedupe.claim('a')).to.equal(true);
    expect(await dedupe.claim('c')).to.equal(false);
  });
});
