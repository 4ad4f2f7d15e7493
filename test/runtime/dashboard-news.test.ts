/**
 * An open dashboard kept current by the backend's news (`OnboardBackend.watchCompany`): news reads the company
 * and its data status again, through the real journey, which then shows them.
 */
import { expect } from 'chai';
import type { Company, CompanyWatchHandlers, DataStatuses, OnboardBackend } from '../../src/backend/index.ts';
import { initialContext, transition, type JourneySnapshot } from '../../src/machine/index.ts';
import { createDashboardNews } from '../../src/runtime/dashboard-news.ts';
import type { JourneyIntent } from '../../src/runtime/index.ts';
import { fakeVisibility, flush, manualClock } from '../sync/manual-clock.ts';

const linked: Company = {
  id: 'c-1',
  name: 'Acme Ltd',
  redirect: 'https://link.codat.io/company/c-1',
  dataConnections: [{ id: 'conn-1', platformName: 'Xero', status: 'Linked' }],
};
const revoked: Company = {
  ...linked,
  dataConnections: [{ id: 'conn-1', platformName: 'Xero', status: 'Deauthorized' }],
};
const synced: DataStatuses = { invoices: { dataType: 'invoices', currentStatus: 'Complete' } };

/** A dashboard on `c-1`; the backend's company answers are held until the test lets them go. */
function rig({ watches = true } = {}) {
  const time = manualClock();
  const page = fakeVisibility();
  let snapshot: JourneySnapshot = {
    state: 'overview',
    context: {
      ...initialContext,
      journeyId: 'j-1',
      companyId: 'c-1',
      company: linked,
      home: 'overview',
    },
  };
  const reads: { answer(company: Company): void; fail(): void }[] = [];
  const streams: { handlers: CompanyWatchHandlers; stopped: boolean }[] = [];
  const backend = {
    getCompany: () =>
      new Promise<Company>((resolve, reject) =>
        reads.push({ answer: resolve, fail: () => reject(new TypeError('Failed to fetch')) }),
      ),
    getDataStatus: () => Promise.resolve(synced),
    ...(watches
      ? {
          watchCompany: (_companyId: string, handlers: CompanyWatchHandlers) => {
            const stream = { handlers, stopped: false };
            streams.push(stream);
            return { stop: () => void (stream.stopped = true) };
          },
        }
      : {}),
  } as unknown as OnboardBackend;
  const journey = {
    get snapshot() {
      return snapshot;
    },
    // The real machine decides what the reading means.
    send: (intent: JourneyIntent) => {
      const { state, context } = transition(snapshot, intent as Parameters<typeof transition>[1]);
      snapshot = { state, context };
    },
  };
  const news = createDashboardNews({
    backend: () => backend,
    journey,
    clock: time.clock,
    visibility: page.visibility,
  });
  const stream = () => {
    const last = streams.at(-1);
    if (last === undefined || last.stopped) throw new Error('no stream open');
    return last.handlers;
  };
  return {
    news,
    page,
    reads,
    streams,
    stream,
    shown: () => snapshot.context.company?.dataConnections?.[0]?.status,
    statuses: () => snapshot.context.statuses,
    leave: (state: JourneySnapshot['state']) => void (snapshot = { ...snapshot, state }),
  };
}

const disconnectedNews = {
  type: 'connection-changed',
  connectionId: 'conn-1',
  status: 'Deauthorized',
} as const;

describe('dashboard news: an open dashboard kept current', () => {
  it('a connection revoked elsewhere shows without a reload: news reads the company and its data status again', async () => {
    const r = rig();
    r.news.showing(true);
    r.stream().onOpen({ live: false }); // no news of it lately: the dashboard just read it, nothing missed
    expect(r.reads).to.have.length(0);
    r.stream().onNews(disconnectedNews);
    expect(r.reads).to.have.length(1);
    r.reads[0]?.answer(revoked);
    await flush();
    expect(r.shown()).to.equal('Deauthorized');
    expect(r.statuses()).to.deep.equal(synced);
  });

  it('a burst of news (one read.completed per type) makes one reading, and one more after it: never two at once', async () => {
    const r = rig();
    r.news.showing(true);
    for (const dataType of ['invoices', 'bills', 'payments'])
      r.stream().onNews({ type: 'read-completed', dataTypes: [{ dataType, status: 'Complete' }] });
    expect(r.reads).to.have.length(1);
    r.reads[0]?.answer(linked);
    await flush();
    expect(r.reads).to.have.length(2, 'the news during the reading is read after it');
    r.reads[1]?.answer(revoked);
    await flush();
    expect(r.reads).to.have.length(2);
    expect(r.shown()).to.equal('Deauthorized');
  });

  it('an opening with news lately, or a reopening, reads once: news before the subscription is not replayed', async () => {
    const r = rig();
    r.news.showing(true);
    r.stream().onOpen({ live: true });
    expect(r.reads).to.have.length(1);
    r.reads[0]?.answer(linked);
    await flush();
    r.stream().onLost();
    r.stream().onOpen({ live: false }); // the client reopened by itself: the gap may have had news
    expect(r.reads).to.have.length(2);
  });

  it('closes the stream while the page is hidden, and on return reopens it and reads what it missed', async () => {
    const r = rig();
    r.news.showing(true);
    r.stream().onOpen({ live: false });
    await r.page.set('hidden');
    expect(r.streams.map((s) => s.stopped)).to.deep.equal([true]);
    await r.page.set('visible');
    expect(r.streams.map((s) => s.stopped)).to.deep.equal([true, false]);
    r.stream().onOpen({ live: false });
    expect(r.reads).to.have.length(1);
  });

  it('listens only while the dashboard is shown, and stops with it', () => {
    const r = rig();
    expect(r.streams).to.have.length(0);
    r.news.showing(true);
    r.news.showing(true);
    expect(r.streams).to.have.length(1);
    r.news.showing(false);
    expect(r.streams[0]?.stopped).to.equal(true);
    r.news.showing(true);
    r.news.stop();
    expect(r.streams.every((s) => s.stopped)).to.equal(true);
    r.news.showing(true);
    expect(r.streams).to.have.length(2, 'a stopped dashboard opens nothing');
  });

  it('a reading that fails keeps what is shown; one answered after the dashboard was left is dropped by the journey', async () => {
    const r = rig();
    r.news.showing(true);
    r.stream().onNews(disconnectedNews);
    r.reads[0]?.fail();
    await flush();
    expect(r.shown()).to.equal('Linked');
    r.stream().onNews(disconnectedNews);
    r.leave('syncing'); // a refresh began: its own reading counts
    r.reads[1]?.answer(revoked);
    await flush();
    expect(r.shown()).to.equal('Linked');
  });

  it('a backend without the stream: the dashboard is as before, read when the user asks', () => {
    const r = rig({ watches: false });
    r.news.showing(true);
    expect(r.streams).to.have.length(0);
    expect(r.reads).to.have.length(0);
  });
});
