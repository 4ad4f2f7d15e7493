import assert from 'node:assert/strict';
import type { Company } from '../../src/simulator/index.ts';
import { formActionOf, queryOf, startTestSimulator, type TestSimulator } from './harness.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('one-time Link URLs', () => {
  let sim: TestSimulator;
  before(async () => {
    sim = await startTestSimulator({
      oneTimeLinkUrls: true,
      redirectUrlTemplate: 'https://app.example/cb?statusCode={statusCode}&state={state}',
    });
  });
  after(() => sim.close());
  beforeEach(() => sim.simulator.reset());

  async function read(companyId: string): Promise<Company> {
    return (await (await sim.api(`/companies/${companyId}`)).json()) as Company;
  }

  it('every read of a company hands out a new link.otp on redirect and otp on each linkUrl', async () => {
    const created = await sim.createCompany();
    const otp = new URL(created.redirect).searchParams.get('link.otp');
    assert.match(otp ?? '', /^[\w-]{16,}$/);
    const again = await read(created.id);
    assert.notEqual(new URL(again.redirect).searchParams.get('link.otp'), otp);
    const listed = (await (await sim.api('/companies')).json()) as { results: Company[] };
    assert.ok(new URL(listed.results[0]?.redirect ?? '').searchParams.get('link.otp'));

    await linkVia(again.redirect, 'gbol');
    const [connection] = (await read(created.id)).dataConnections;
    assert.ok(new URL(connection?.linkUrl ?? '').searchParams.get('otp'));
    const [other] = (await read(created.id)).dataConnections;
    assert.notEqual(other?.linkUrl, connection?.linkUrl);
  });

  it('a URL works once: the second GET is a 410 Link error page, not the platform list', async () => {
    const { redirect } = await sim.createCompany();
    const url = `${redirect}&state=s1`;
    assert.equal((await fetch(url)).status, 200);
    const again = await fetch(url);
    assert.equal(again.status, 410);
    const html = await again.text();
    assert.match(html, /<h1>This link has expired<\/h1>/);
    assert.doesNotMatch(html, /type="radio"/);
  });

  it('expires after a day', async () => {
    const { redirect } = await sim.createCompany();
    sim.clock.advance(DAY_MS);
    assert.equal((await fetch(redirect)).status, 410);
  });

  it('a missing or unknown password is a 403; a company password does not open a connection page', async () => {
    const created = await sim.createCompany();
    const bare = new URL(created.redirect);
    bare.search = '';
    assert.equal((await fetch(bare)).status, 403);
    bare.searchParams.set('link.otp', 'made-up');
    const unknown = await fetch(bare);
    assert.equal(unknown.status, 403);
    assert.match(await unknown.text(), /This link is not valid/);

    await linkVia((await read(created.id)).redirect, 'gbol');
    const [connection] = (await read(created.id)).dataConnections;
    const wrong = new URL(connection?.linkUrl ?? '');
    wrong.searchParams.delete('otp');
    wrong.searchParams.set(
      'otp',
      new URL((await read(created.id)).redirect).searchParams.get('link.otp') ?? '',
    );
    assert.equal((await fetch(wrong)).status, 403);
  });

  it('the pages keep working after the first GET: the form and Continue carry a session, state survives', async () => {
    const { redirect } = await sim.createCompany();
    const page = await fetch(`${redirect}&state=s2`);
    const action = formActionOf(await page.text(), page.url);
    assert.doesNotMatch(action, /otp=/);
    assert.match(action, /link\.session=/);
    assert.match(action, /state=s2/);

    const next = await sim.submitLink(action, { platform: 'gbol', action: 'continue' });
    assert.equal(next.status, 303);
    const connectionPage = next.headers.get('location') ?? '';
    assert.equal(new URL(connectionPage).searchParams.get('state'), 's2');
    assert.equal((await fetch(connectionPage)).status, 200);
    const done = await sim.submitLink(connectionPage, { action: 'authorise' });
    assert.deepEqual(queryOf(done.headers.get('location')), { statusCode: '200', state: 's2' });
  });

  it('a form post without a session is refused (403)', async () => {
    const { redirect } = await sim.createCompany();
    const response = await sim.submitLink(redirect, { platform: 'gbol', action: 'authorise' });
    assert.equal(response.status, 403);
  });

  it('off by default; switched on and off over the control API', async () => {
    const plain = await startTestSimulator();
    try {
      const created = await plain.createCompany();
      assert.equal(new URL(created.redirect).search, '');
      assert.equal((await fetch(created.redirect)).status, 200);
      assert.equal((await fetch(created.redirect)).status, 200, 'opens again');
      const on = await fetch(`${plain.url}/_simulator/settings`, {
        method: 'POST',
        body: JSON.stringify({ oneTimeLinkUrls: true }),
      });
      assert.equal(on.status, 200);
      assert.equal((await fetch(created.redirect)).status, 403, 'the old URL has no password');
      const fresh = ((await (await plain.api(`/companies/${created.id}`)).json()) as Company).redirect;
      assert.ok(new URL(fresh).searchParams.get('link.otp'));
      const settings = (await (await fetch(`${plain.url}/_simulator/settings`)).json()) as Record<
        string,
        unknown
      >;
      assert.equal(settings['oneTimeLinkUrls'], true);
      plain.simulator.reset();
      assert.equal(plain.simulator.settings().oneTimeLinkUrls, false, 'reset restores the options');
    } finally {
      await plain.close();
    }
  });

  /** Opens `redirect` (spending its password) and picks then authorises `platform` through the pages. */
  async function linkVia(redirect: string, platform: string): Promise<void> {
    const html = await (await fetch(redirect)).text();
    const next = await sim.submitLink(formActionOf(html, redirect), { platform, action: 'continue' });
    await sim.submitLink(next.headers.get('location') ?? '', { action: 'authorise' });
  }
});

describe('the settings control API', () => {
  it('refuses unknown keys and malformed values with a 400 naming the problem', async () => {
    const sim = await startTestSimulator();
    try {
      for (const [body, message] of [
        [{ nope: 1 }, /Unknown setting\(s\): nope/],
        [{ oneTimeLinkUrls: 'yes' }, /oneTimeLinkUrls must be true or false/],
        [{ unstartableTypes: ['widgets'] }, /unstartableTypes must be an array of data types/],
        [{ nameCharacters: 'emoji' }, /nameCharacters must be/],
        [[], /must be a JSON object/],
      ] as const) {
        const response = await fetch(`${sim.url}/_simulator/settings`, {
          method: 'POST',
          body: JSON.stringify(body),
        });
        assert.equal(response.status, 400);
        assert.match(((await response.json()) as { error: string }).error, message);
      }
      assert.equal((await fetch(`${sim.url}/_simulator/settings`, { method: 'DELETE' })).status, 405);
    } finally {
      await sim.close();
    }
  });
});
