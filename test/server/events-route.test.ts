import { expect } from 'chai';
import { createMemoryPubSub, createWebhookHandler, type PubSub } from '../../src/server/index.ts';
import { listen, startBackend, type TestBackend } from './harness.ts';
import { WEBHOOK_SECRET, readCompleted, signedWebhook } from './webhook-signing.ts';

/** Reads Server-Sent Events from a response: each `{event, data}` as it comes. */
function sseReader(response: Response) {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return {
    async next(): Promise<{ event: string; data: string }> {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const field = (name: string) =>
            block
              .split('\n')
              .find((line) => line.startsWith(`${name}: `))
              ?.slice(name.length + 2);
          const event = field('event');
          if (event !== undefined) return { event, data: field('data') ?? '' };
          continue; // `retry:` and comments carry no event
        }
        const { done, value } = await reader.read();
        if (done) throw new Error('stream ended');
        buffer += decoder.decode(value, { stream: true });
      }
    },
    cancel: () => reader.cancel(),
  };
}

/** A memory pub/sub that counts its subscribers. */
function countingPubSub(): PubSub & { subscribers(): number } {
  const inner = createMemoryPubSub();
  let count = 0;
  return {
    publish: (channel, message) => inner.publish(channel, message),
    lastPublished: (channel) => inner.lastPublished(channel),
    async subscribe(channel, listener) {
      count += 1;
      const stop = await inner.subscribe(channel, listener);
      return async () => {
        count -= 1;
        await stop();
      };
    },
    subscribers: () => count,
  };
}

describe('company events: GET /companies/{id}/events (Server-Sent Events)', () => {
  let backend: TestBackend | undefined;
  afterEach(async () => {
    await backend?.close();
    backend = undefined;
  });

  it('streams ready, then each webhook’s news for that company, and pings while quiet', async () => {
    const pubsub = countingPubSub();
    backend = await startBackend({ handler: { pubsub, heartbeatMs: 50 } });
    const { id } = await backend.createCompany();
    const webhooks = await listen(createWebhookHandler({ secret: WEBHOOK_SECRET, pubsub }));
    try {
      const response = await fetch(`${backend.url}/api/companies/${id}/events`);
      expect(response.status).to.equal(200);
      expect(response.headers.get('content-type')).to.match(/^text\/event-stream/);
      expect(response.headers.get('cache-control')).to.equal('no-store');
      const events = sseReader(response);
      expect((await events.next()).event).to.equal('ready');

      const other = await fetch(
        signedWebhook(`${webhooks.url}/`, readCompleted(crypto.randomUUID(), [['bills', 'Complete']])),
      );
      expect(other.status).to.equal(204);
      const ours = await fetch(
        signedWebhook(`${webhooks.url}/`, readCompleted(id, [['invoices', 'Complete']])),
      );
      expect(ours.status).to.equal(204);
      let next = await events.next();
      while (next.event === 'ping') next = await events.next();
      expect(next).to.deep.equal({
        event: 'company',
        data: JSON.stringify({
          type: 'read-completed',
          dataTypes: [{ dataType: 'invoices', status: 'Complete' }],
        }),
      });
      expect((await events.next()).event).to.equal('ping');
      await events.cancel();
    } finally {
      await webhooks.close();
    }
  });

  it('stops listening when the browser goes away', async () => {
    const pubsub = countingPubSub();
    backend = await startBackend({ handler: { pubsub } });
    const { id } = await backend.createCompany();
    const controller = new AbortController();
    const response = await fetch(`${backend.url}/api/companies/${id}/events`, { signal: controller.signal });
    const events = sseReader(response);
    await events.next();
    expect(pubsub.subscribers()).to.equal(1);
    controller.abort();
    for (let i = 0; i < 100 && pubsub.subscribers() > 0; i += 1) await new Promise((r) => setTimeout(r, 10));
    expect(pubsub.subscribers()).to.equal(0);
  });

  it('asks authorize for read on that company; a refusal is 403 and subscribes to nothing', async () => {
    const pubsub = countingPubSub();
    const asked: unknown[] = [];
    backend = await startBackend({
      handler: {
        pubsub,
        authorize: ({ action, companyId }) => {
          asked.push({ action, companyId });
          return action !== 'read';
        },
      },
    });
    const id = crypto.randomUUID();
    const response = await backend.call(`/companies/${id}/events`);
    expect(response.status).to.equal(403);
    expect(asked).to.deep.equal([{ action: 'read', companyId: id }]);
    expect(pubsub.subscribers()).to.equal(0);
  });

  it('without a pub/sub the route is 404 (the browser polls); GET only', async () => {
    backend = await startBackend();
    const id = crypto.randomUUID();
    expect((await backend.call(`/companies/${id}/events`)).status).to.equal(404);
    const post = await backend.call(`/companies/${id}/events`, { method: 'POST' });
    expect(post.status).to.equal(405);
  });
});
