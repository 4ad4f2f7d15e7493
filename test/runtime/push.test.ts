/**
 * Following a sync with news pushed (`OnboardBackend.watchCompany`): the journey reads when news says to, slows
 * its polling while the stream is open, and falls back to polling when it is not.
 */
import { expect } from 'chai';
import type { CompanyNews, CompanyWatchHandlers, DataStatuses } from '../../src/backend/index.ts';
import { flush } from '../sync/manual-clock.ts';
import { readyKit, success } from './kit.ts';

const statuses = (entries: Record<string, string>): DataStatuses =>
  Object.fromEntries(
    Object.entries(entries).map(([dataType, currentStatus]) => [dataType, { dataType, currentStatus }]),
  );

/** A ready journey whose backend pushes news the test sends, and counts its watches. */
async function pushedKit(readings: DataStatuses[], config: Parameters<typeof readyKit>[0] = {}) {
  const kit = await readyKit(config);
  const watches: { handlers: CompanyWatchHandlers; stopped: boolean }[] = [];
  Object.assign(kit.backend, {
    watchCompany: (_companyId: string, handlers: CompanyWatchHandlers) => {
      const watch = { handlers, stopped: false };
      watches.push(watch);
      return { stop: () => void (watch.stopped = true) };
    },
  });
  kit.backend.statuses = readings;
  kit.runner.send({ type: 'LINK.OPEN' });
  kit.link.popup().onCallback(success('n3'));
  await flush();
  const live = () => {
    const watch = watches.at(-1);
    if (watch === undefined || watch.stopped) throw new Error('no watch open');
    return watch.handlers;
  };
  return {
    kit,
    watches,
    open: async (state = { live: true }) => {
      live().onOpen(state);
      await flush();
    },
    lost: () => live().onLost(),
    news: async (news: CompanyNews) => {
      live().onNews(news);
      await flush();
    },
    reads: () => kit.backend.names().filter((call) => call.startsWith('status')).length,
  };
}

const ended = (dataType: string, status = 'Complete'): CompanyNews => ({
  type: 'read-completed',
  dataTypes: [{ dataType, status }],
});

describe('runner: following a sync with news pushed', () => {
  it('reads once at the start, then only when every type it waits for is reported ended', async () => {
    const waiting = statuses({ company: 'Complete', invoices: 'Fetching', bills: 'Queued' });
    const done = statuses({ company: 'Complete', invoices: 'Complete', bills: 'Complete' });
    const push = await pushedKit([waiting, done]);
    await push.open();
    expect(push.reads()).to.equal(1);
    await push.news(ended('invoices'));
    expect(push.reads()).to.equal(1, 'one type of two: no reading');
    await push.news(ended('bills'));
    expect(push.reads()).to.equal(2);
    expect(push.kit.state()).to.equal('complete');
    expect(push.watches.every((watch) => watch.stopped)).to.equal(true, 'the stream closed with the journey');
  });

  it('a failed read or a changed connection is read at once', async () => {
    const waiting = statuses({ invoices: 'Fetching', bills: 'Fetching' });
    const failed = statuses({ invoices: 'FetchError', bills: 'Fetching' });
    const push = await pushedKit([waiting, failed]);
    await push.open();
    await push.news(ended('invoices', 'FetchError'));
    expect(push.reads()).to.equal(2);
    expect(push.kit.state()).to.equal('error');

    const other = await pushedKit([waiting]);
    await other.open();
    await other.news({ type: 'connection-changed', connectionId: 'conn-1', status: 'Deauthorized' });
    expect(other.reads()).to.equal(2);
  });

  it('while the stream is open, polling slows to its safety pace; when it is lost, the usual backoff resumes', async () => {
    const push = await pushedKit([statuses({ invoices: 'Fetching' })]);
    await push.open();
    expect(push.kit.time.delays()).to.include(90_000); // the first wait, 1 s, became the safety one
    push.lost();
    expect(push.kit.time.delays()).to.deep.equal([1500]); // where the backoff had got to
  });

  it('without the stream opening, it polls as before once the first reading has waited 2 s for it: never both at full rate, never neither', async () => {
    const push = await pushedKit([statuses({ invoices: 'Fetching' })]);
    expect(push.reads()).to.equal(0, 'the first reading waits for the stream');
    const waits = [await push.kit.time.next(), await push.kit.time.next(), await push.kit.time.next()];
    expect(waits).to.deep.equal([2000, 1000, 1500]);
    expect(push.reads()).to.equal(3);
  });

  it('closes the stream while the page is hidden and opens it again when it is back', async () => {
    const push = await pushedKit([statuses({ invoices: 'Fetching' })]);
    await push.open();
    await push.kit.page.set('hidden');
    expect(push.watches.map((watch) => watch.stopped)).to.deep.equal([true]);
    await push.kit.page.set('visible');
    expect(push.watches.map((watch) => watch.stopped)).to.deep.equal([true, false]);
  });
});

describe('runner: news published before the stream opened', () => {
  it('the first reading waits for the stream, so a sync that ended just before it opened is seen at once', async () => {
    const push = await pushedKit([statuses({ invoices: 'Complete' })]);
    expect(push.reads()).to.equal(0);
    await push.open(); // the read.completed news went out before this subscription, and is not replayed
    expect(push.reads()).to.equal(1);
    expect(push.kit.state()).to.equal('complete');
  });

  it('a stream that opens after the first reading, or opens again after a loss, reads once more', async () => {
    const fetching = statuses({ invoices: 'Fetching' });
    const push = await pushedKit([fetching, fetching, fetching, statuses({ invoices: 'Complete' })]);
    expect(await push.kit.time.next()).to.equal(2000); // the stream is slow: the first reading goes without it
    expect(push.reads()).to.equal(1);
    await push.open();
    expect(push.reads()).to.equal(2, 'news before this opening may have been missed');
    push.lost();
    await push.open();
    expect(push.reads()).to.equal(3, 'news in the gap may have been missed');
    await push.open({ live: false }); // no news of the company lately: nothing can have been missed
    expect(push.reads()).to.equal(3);
  });
});

describe('runner: news that never comes', () => {
  it('a webhook lost on the way: the open stream stays quiet, polling resumes and finds the sync done, nothing made twice', async () => {
    const fetching = statuses({ invoices: 'Fetching' });
    const push = await pushedKit([fetching, fetching, statuses({ invoices: 'Complete' })]);
    await push.open();
    // No news for 45 s: polling resumes where its backoff was (1.5 s) and finds the sync done.
    const waits = [await push.kit.time.next(), await push.kit.time.next(), await push.kit.time.next()];
    expect(waits).to.deep.equal([45_000, 1500, 1500]);
    expect(push.kit.state()).to.equal('complete');
    expect(push.reads()).to.equal(3);
    expect(push.kit.backend.names().filter((call) => call.startsWith('create'))).to.have.length(1);
  });
});

describe('runner: news not yet known to come', () => {
  it('a stream with no news of the company lately keeps polling as usual, until news comes', async () => {
    const fetching = statuses({ invoices: 'Fetching', bills: 'Fetching' });
    const push = await pushedKit([fetching]);
    await push.open({ live: false });
    expect(await push.kit.time.next()).to.equal(1000);
    expect(await push.kit.time.next()).to.equal(1500);
    await push.news(ended('invoices'));
    expect(push.kit.time.delays()).to.include(90_000);
  });

  it('news that stops for 45 s: the usual backoff resumes', async () => {
    const push = await pushedKit([statuses({ invoices: 'Fetching', bills: 'Fetching' })]);
    await push.open();
    expect(push.kit.time.delays().sort((a, b) => a - b)).to.deep.equal([45_000, 90_000]);
    expect(await push.kit.time.next()).to.equal(45_000);
    expect(push.kit.time.delays()).to.deep.equal([1500]); // where the backoff had got to
  });
});

describe('runner: types no news will announce', () => {
  it('a required type not started yet keeps the usual pace: the start bound needs readings', async () => {
    const push = await pushedKit([statuses({ invoices: 'Fetching' })], {
      requiredDataTypes: ['invoices', 'purchaseOrders'],
    });
    await push.open();
    await push.kit.time.next(); // the first wait, already running
    expect(Math.min(...push.kit.time.delays())).to.be.below(10_000);
    expect(push.kit.time.delays().includes(90_000)).to.equal(false);
    await push.news(ended('invoices'));
    expect(push.kit.time.delays().includes(90_000)).to.equal(false);
  });
});
