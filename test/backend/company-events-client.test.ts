import { expect } from 'chai';
import type { CompanyNews } from '../../src/backend/index.ts';
import { HttpError } from '../../src/backend/index.ts';
import { SILENCE_MS, framesOf, watchCompanyEvents } from '../../src/backend/company-events-client.ts';
import type { Call, FetchTransport } from '../../src/backend/fetch-backend.ts';
import { flush, manualClock } from '../sync/manual-clock.ts';

/** A transport whose `open` answers with a stream the test writes to (or an error). */
function fakeTransport() {
  const opened: Call[] = [];
  const streams: ReadableStreamDefaultController<Uint8Array>[] = [];
  let refuse: Error | null = null;
  const transport: FetchTransport = {
    send: () => Promise.reject(new Error('not used')),
    json: () => Promise.reject(new Error('not used')),
    open: (call) => {
      opened.push(call);
      if (refuse !== null) return Promise.reject(refuse);
      const body = new ReadableStream<Uint8Array>({ start: (controller) => void streams.push(controller) });
      return Promise.resolve(new Response(body, { headers: { 'content-type': 'text/event-stream' } }));
    },
  };
  const encoder = new TextEncoder();
  return {
    transport,
    opened,
    refuseWith: (error: Error | null) => void (refuse = error),
    write: async (text: string) => {
      streams.at(-1)?.enqueue(encoder.encode(text));
      await flush();
    },
    end: async () => {
      streams.at(-1)?.close();
      await flush();
    },
  };
}

function watch(server: ReturnType<typeof fakeTransport>, time: ReturnType<typeof manualClock>) {
  const seen: string[] = [];
  const news: CompanyNews[] = [];
  const handle = watchCompanyEvents(
    server.transport,
    'c-1',
    {
      onOpen: () => seen.push('open'),
      onLost: () => seen.push('lost'),
      onNews: (item) => news.push(item),
    },
    { journeyId: 'j-1', timers: time.clock },
  );
  return { seen, news, handle };
}

describe('the push client: a company’s news as Server-Sent Events', () => {
  it('reads frames split anywhere: events, data, comments, CRLF', () => {
    expect(
      framesOf('event: ready\ndata: {}\n\n: ping\n\nevent: company\r\ndata: {"a":1}\r\n\r\nevent: x\nda'),
    ).to.deep.equal({
      frames: [
        { event: 'ready', data: '{}' },
        { event: 'company', data: '{"a":1}' },
      ],
      rest: 'event: x\nda',
    });
  });

  it('opens with the journey’s id, says open at ready, and passes each company event on', async () => {
    const server = fakeTransport();
    const time = manualClock();
    const { seen, news } = watch(server, time);
    await flush();
    expect(server.opened[0]).to.deep.include({ method: 'GET', path: '/companies/c-1/events' });
    expect(server.opened[0]?.options.journeyId).to.equal('j-1');
    await server.write('retry: 5000\n\nevent: ready\ndata: {}\n\n');
    expect(seen).to.deep.equal(['open']);
    await server.write(
      'event: company\ndata: {"type":"read-completed","dataTypes":[{"dataType":"bills"}]}\n\n',
    );
    await server.write('event: company\ndata: not json\n\nevent: company\ndata: {"type":"other"}\n\n');
    expect(news).to.deep.equal([{ type: 'read-completed', dataTypes: [{ dataType: 'bills' }] }]);
  });

  it('silent too long: lost, then opened again after a wait; a ping keeps it alive', async () => {
    const server = fakeTransport();
    const time = manualClock();
    const { seen } = watch(server, time);
    await flush();
    await server.write('event: ready\ndata: {}\n\n');
    time.pass(SILENCE_MS - 1);
    await server.write('event: ping\ndata: {}\n\n');
    expect(await time.next()).to.equal(SILENCE_MS);
    expect(seen).to.deep.equal(['open', 'lost']);
    expect(await time.next()).to.equal(1000);
    expect(server.opened).to.have.length(2);
    await server.write('event: ready\ndata: {}\n\n');
    expect(seen).to.deep.equal(['open', 'lost', 'open']);
  });

  it('a stream that ends is lost and reopened; a 404 (no stream here) is never asked again', async () => {
    const server = fakeTransport();
    const time = manualClock();
    const { seen } = watch(server, time);
    await flush();
    await server.write('event: ready\ndata: {}\n\n');
    server.refuseWith(new HttpError(404));
    await server.end();
    expect(seen).to.deep.equal(['open', 'lost']);
    await time.next();
    expect(server.opened).to.have.length(2);
    expect(time.pending()).to.equal(0, 'no retry after a 404');
  });

  it('stop() ends it: no lost, no reopening, no timer left', async () => {
    const server = fakeTransport();
    const time = manualClock();
    const { seen, handle } = watch(server, time);
    await flush();
    await server.write('event: ready\ndata: {}\n\n');
    handle.stop();
    await flush();
    expect(seen).to.deep.equal(['open']);
    expect(time.pending()).to.equal(0);
  });
});
