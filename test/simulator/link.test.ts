import assert from 'node:assert/strict';
import { PLATFORMS } from '../../src/simulator/index.ts';
import { queryOf, startTestSimulator, T0, type TestSimulator } from './harness.ts';

/** Every reserved parameter plus two of our own, so each test sees exactly what Link filled in. */
const TEMPLATE =
  'https://app.example/callback?clientId={clientId}&companyId={companyId}&connectionId={connectionId}' +
  '&integrationId={integrationId}&sourceId={sourceId}&platform={platform}&platformName={platformName}' +
  '&sourceType={sourceType}&statusCode={statusCode}&errorMessage={errorMessage}&statusText={statusText}' +
  '&state={state}&custom={custom}';

describe('simulated hosted Link', () => {
  let sim: TestSimulator;
  before(async () => {
    sim = await startTestSimulator({ redirectUrlTemplate: TEMPLATE });
  });
  after(() => sim.close());
  beforeEach(() => sim.simulator.reset());

  /** Picks a platform on the company page (Continue) and returns the connection page it leads to. */
  const pick = async (redirect: string, platform: string): Promise<string> => {
    const response = await sim.submitLink(redirect, { platform, action: 'continue' });
    assert.equal(response.status, 303);
    return response.headers.get('location') ?? '';
  };

  /** The company as the simulator holds it now (each test starts with none). */
  const onlyCompany = () => {
    const [company] = sim.simulator.listCompanies();
    assert.ok(company);
    return company;
  };

  /** The status of each of its connections, in the order they were created. */
  const connectionStatuses = (): string[] =>
    onlyCompany().dataConnections.map((connection) => connection.status);

  describe('the company page', () => {
    it('is accessible HTML with a form that posts back to the same URL, query included', async () => {
      const company = await sim.createCompany({ name: 'Acme <Ltd>' });
      const response = await fetch(`${company.redirect}?state=abc&foo=1`);
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
      const html = await response.text();
      assert.match(html, /<html lang="en">/);
      assert.match(html, /<h1>Connect Acme Ltd to your accounting software, bank or commerce platform<\/h1>/);
      assert.ok(
        html.includes(`<form method="post" action="/link/company/${company.id}?state=abc&amp;foo=1">`),
        'form action keeps the query string',
      );
      assert.match(html, /<button type="submit" name="action" value="continue">Continue<\/button>/);
      assert.match(
        html,
        /<button type="submit" name="action" value="cancel" formnovalidate>Cancel<\/button>/,
      );
      assert.doesNotMatch(html, /value="authorise"|value="fail"/);
    });

    it('offers each platform as a labelled radio, grouped by source type', async () => {
      const company = await sim.createCompany();
      const html = await (await fetch(company.redirect)).text();
      assert.deepEqual(
        PLATFORMS.map((platform) => `${platform.sourceType}: ${platform.platformName}`),
        [
          'Accounting: Xero',
          'Accounting: QuickBooks Online',
          'Accounting: Sage Business Cloud',
          'Accounting: Sandbox',
          'Accounting: Unsupported (demo)',
          'Banking: Sandbox Bank',
          'Banking: TrueLayer',
          'Commerce: Shopify',
          'Commerce: Stripe',
        ],
      );
      const legends = [...html.matchAll(/<legend>([^<]*)<\/legend>/g)].map((match) => match[1]);
      assert.deepEqual(legends, ['Accounting', 'Banking', 'Commerce']);
      for (const platform of PLATFORMS) {
        assert.match(platform.integrationKey, /^[a-z]{4}$/);
        const id = `platform-${platform.integrationKey}`;
        assert.ok(
          html.includes(
            `<input type="radio" id="${id}" name="platform" value="${platform.integrationKey}" required>`,
          ),
        );
        assert.ok(html.includes(`<label for="${id}">${platform.platformName}</label>`));
      }
      assert.equal(new Set(PLATFORMS.map((platform) => platform.integrationId)).size, PLATFORMS.length);
    });

    it('works under a strict CSP: no inline script or style, stylesheet served separately', async () => {
      const company = await sim.createCompany();
      const response = await fetch(company.redirect);
      assert.equal(
        response.headers.get('content-security-policy'),
        "default-src 'self'; frame-ancestors 'none'",
      );
      const html = await response.text();
      assert.doesNotMatch(html, /<script|<style|\sstyle=|\son[a-z]+=/i);
      const css = await fetch(`${sim.url}/link/assets/link.css`);
      assert.equal(css.status, 200);
      assert.match(css.headers.get('content-type') ?? '', /^text\/css/);
    });

    it('answers other methods with 405 and an Allow header', async () => {
      const company = await sim.createCompany();
      const response = await fetch(company.redirect, { method: 'DELETE' });
      assert.equal(response.status, 405);
      assert.equal(response.headers.get('allow'), 'GET, POST');
    });

    it('a linkUrl naming a connection the company does not have is a 404', async () => {
      const company = await sim.createCompany();
      const response = await fetch(`${sim.url}/link/companies/${company.id}/connections/nope/start`);
      assert.equal(response.status, 404);
    });

    it('says the link is not valid for an unknown company (404)', async () => {
      const response = await fetch(`${sim.url}/link/company/00000000-0000-4000-8000-000000000000`);
      assert.equal(response.status, 404);
      assert.match(await response.text(), /This link is not valid/);
    });
  });

  describe('two steps: pick a platform, then authorise it', () => {
    it('Continue creates a PendingAuth connection and sends the browser to its page, query kept', async () => {
      const company = await sim.createCompany();
      const response = await sim.submitLink(`${company.redirect}?state=s1&x=1`, {
        platform: 'bsbx',
        action: 'continue',
      });
      assert.equal(response.status, 303);
      const [connection] = onlyCompany().dataConnections;
      assert.ok(connection);
      assert.deepEqual(
        {
          status: connection.status,
          sourceType: connection.sourceType,
          platformName: connection.platformName,
          created: connection.created,
        },
        {
          status: 'PendingAuth',
          sourceType: 'Banking',
          platformName: 'Sandbox Bank',
          created: new Date(T0).toISOString(),
        },
      );
      assert.equal(
        connection.linkUrl,
        `${sim.url}/link/companies/${company.id}/connections/${connection.id}/start`,
      );
      assert.equal(response.headers.get('location'), `${connection.linkUrl}?state=s1&x=1`);

      const page = await fetch(response.headers.get('location') ?? '');
      assert.equal(page.status, 200);
      const html = await page.text();
      assert.match(html, /<h1>Connect Acme Ltd to your bank<\/h1>/);
      assert.match(html, /value="bsbx" required checked><label for="platform-bsbx">Sandbox Bank<\/label>/);
      assert.equal([...html.matchAll(/type="radio"/g)].length, 1, 'that one platform');
      assert.ok(
        html.includes(
          `action="/link/companies/${company.id}/connections/${connection.id}/start?state=s1&amp;x=1"`,
        ),
      );
      for (const [value, name] of [
        ['authorise', 'Authorise'],
        ['cancel', 'Cancel'],
        ['fail', 'Fail'],
      ]) {
        assert.ok(
          html.includes(`name="action" value="${value}"`) && html.includes(`>${name}</button>`),
          name,
        );
      }
    });

    it('Authorise on the connection page links it and redirects with 200 and its source type', async () => {
      const company = await sim.createCompany();
      const linkUrl = await pick(company.redirect, 'cshp');
      const response = await sim.submitLink(`${linkUrl}?state=s2`, { action: 'authorise' });
      const [connection] = onlyCompany().dataConnections;
      const shopify = PLATFORMS.find((platform) => platform.integrationKey === 'cshp');
      const { clientId, ...filled } = queryOf(response.headers.get('location'));
      assert.match(clientId ?? '', /^[0-9a-f-]{36}$/);
      assert.deepEqual(filled, {
        companyId: company.id,
        connectionId: connection?.id,
        integrationId: shopify?.integrationId,
        sourceId: shopify?.sourceId,
        platform: 'cshp',
        platformName: 'Shopify',
        sourceType: 'Commerce',
        statusCode: '200',
        errorMessage: '',
        statusText: 'OK',
        state: 's2',
        custom: '',
      });
      assert.equal(connection?.status, 'Linked');
      assert.equal(connection?.sourceType, 'Commerce');
    });

    for (const [action, statusCode, errorMessage] of [
      ['cancel', '403', 'User cancelled.'],
      ['fail', '500', 'Unknown error occurred.'],
    ] as const) {
      it(`${action} on the connection page redirects with ${statusCode} "${errorMessage}"; the connection stays PendingAuth`, async () => {
        const company = await sim.createCompany();
        const linkUrl = await pick(company.redirect, 'qhyg');
        const response = await sim.submitLink(`${linkUrl}?state=s3`, { action });
        const query = queryOf(response.headers.get('location'));
        assert.deepEqual(
          [
            query['statusCode'],
            query['errorMessage'],
            query['platformName'],
            query['sourceType'],
            query['connectionId'],
            query['state'],
          ],
          [statusCode, errorMessage, 'QuickBooks Online', 'Accounting', '', 's3'],
        );
        assert.deepEqual(connectionStatuses(), ['PendingAuth']);
      });
    }

    it('closing the window after Continue leaves the connection PendingAuth; its linkUrl goes straight to it', async () => {
      const company = await sim.createCompany();
      const linkUrl = await pick(company.redirect, 'tgff');
      sim.clock.advance(60_000);
      assert.deepEqual(connectionStatuses(), ['PendingAuth']);
      const html = await (await fetch(linkUrl)).text();
      assert.match(html, /value="tgff" required checked>/);
      const response = await sim.submitLink(linkUrl, { action: 'authorise' });
      assert.equal(queryOf(response.headers.get('location'))['statusCode'], '200');
    });

    it('picking the same platform again reuses its connection', async () => {
      const company = await sim.createCompany();
      const first = await pick(company.redirect, 'mqjo');
      const second = await pick(company.redirect, 'mqjo');
      assert.equal(second, first);
      assert.equal(onlyCompany().dataConnections.length, 1);
    });

    it('Cancel on the company page redirects with 403 and no platform, creating nothing', async () => {
      const company = await sim.createCompany();
      const response = await sim.submitLink(`${company.redirect}?state=s4`, { action: 'cancel' });
      const query = queryOf(response.headers.get('location'));
      assert.deepEqual(
        [query['statusCode'], query['errorMessage'], query['platform'], query['sourceType'], query['state']],
        ['403', 'User cancelled.', '', '', 's4'],
      );
      assert.deepEqual(onlyCompany().dataConnections, []);
    });

    it('Continue without a platform shows the page again with an alert (400)', async () => {
      const company = await sim.createCompany();
      const response = await sim.submitLink(company.redirect, { action: 'continue' });
      assert.equal(response.status, 400);
      assert.match(await response.text(), /<p id="link-error" class="error" role="alert">Choose a platform/);
    });

    it('Authorise with the unsupported platform redirects with 501 "Not supported."', async () => {
      const company = await sim.createCompany();
      const linkUrl = await pick(company.redirect, 'zzzz');
      const query = queryOf((await sim.submitLink(linkUrl, { action: 'authorise' })).headers.get('location'));
      assert.deepEqual([query['statusCode'], query['errorMessage']], ['501', 'Not supported.']);
      assert.deepEqual(connectionStatuses(), ['PendingAuth']);
    });

    it('Authorise on a connection that is already Linked redirects with 201 and no connectionId', async () => {
      const company = await sim.createCompany();
      const linkUrl = await pick(company.redirect, 'gbol');
      await sim.submitLink(linkUrl, { action: 'authorise' });
      const query = queryOf(
        (await sim.submitLink(`${linkUrl}?state=s5`, { action: 'authorise' })).headers.get('location'),
      );
      assert.deepEqual(
        [
          query['statusCode'],
          query['errorMessage'],
          query['connectionId'],
          query['platform'],
          query['state'],
        ],
        ['201', '', '', 'gbol', 's5'],
      );
    });

    it('one Linked accounting connection, many banking and commerce ones; a second accounting platform is refused (409)', async () => {
      const company = await sim.createCompany();
      for (const key of ['gbol', 'bsbx', 'btrl', 'cshp', 'cstr']) {
        const response = await sim.submitLink(await pick(company.redirect, key), { action: 'authorise' });
        assert.equal(queryOf(response.headers.get('location'))['statusCode'], '200', key);
      }
      const quickBooks = await pick(company.redirect, 'qhyg');
      const refused = await sim.submitLink(quickBooks, { action: 'authorise' });
      assert.equal(refused.status, 409);
      assert.match(
        await refused.text(),
        /role="alert">Acme Ltd is already connected to Xero, and a company can have one active accounting connection/,
      );
      assert.deepEqual(
        onlyCompany().dataConnections.map((connection) => `${connection.platformName} ${connection.status}`),
        [
          'Xero Linked',
          'Sandbox Bank Linked',
          'TrueLayer Linked',
          'Shopify Linked',
          'Stripe Linked',
          'QuickBooks Online PendingAuth',
        ],
      );
      // Once Xero's access is revoked, QuickBooks may take its place.
      sim.simulator.deauthorize(company.id);
      const allowed = await sim.submitLink(quickBooks, { action: 'authorise' });
      assert.equal(queryOf(allowed.headers.get('location'))['statusCode'], '200');
    });

    it('action=authorise with a platform on the company page does both steps (a shortcut for scripts)', async () => {
      const company = await sim.createCompany();
      const response = await sim.submitLink(company.redirect, { platform: 'gbol', action: 'authorise' });
      assert.equal(queryOf(response.headers.get('location'))['statusCode'], '200');
      assert.deepEqual(connectionStatuses(), ['Linked']);
    });

    it('round-trips state and custom parameters URL-encoded, and cannot override reserved ones', async () => {
      const company = await sim.createCompany();
      const state = 'a b&c=d/é?#%';
      const query = new URLSearchParams({ state, custom: '{statusCode}', statusCode: '200', extra: 'x' });
      const response = await sim.submitLink(`${company.redirect}?${query}`, { action: 'cancel' });
      const location = response.headers.get('location') ?? '';
      assert.ok(location.includes(`&state=${encodeURIComponent(state)}&`), location);
      const filled = queryOf(location);
      assert.equal(filled['state'], state);
      assert.equal(filled['custom'], '{statusCode}', 'values are not templates themselves');
      assert.equal(filled['statusCode'], '403', 'a query parameter cannot forge a reserved one');
    });
  });

  describe('syncs start by themselves only on the first link', () => {
    /** The latest pull operation of each type (one per type and sync). */
    const syncIds = async (companyId: string): Promise<string[]> => {
      const status = (await (await sim.api(`/companies/${companyId}/dataStatus`)).json()) as Record<
        string,
        { latestSyncId?: string }
      >;
      return Object.values(status).flatMap((entry) => (entry.latestSyncId ? [entry.latestSyncId] : []));
    };
    const allNew = (ids: string[], old: string[]): boolean =>
      ids.length > 0 && ids.every((id) => !old.includes(id));

    it('the first link starts one; a second connection and a re-link start none; a refresh does', async () => {
      const company = await sim.createCompany();
      assert.deepEqual(await syncIds(company.id), []);
      const xero = await pick(company.redirect, 'gbol');
      await sim.submitLink(xero, { action: 'authorise' });
      const first = await syncIds(company.id);
      assert.ok(allNew(first, []), 'the first link started a sync');

      await sim.submitLink(await pick(company.redirect, 'bsbx'), { action: 'authorise' });
      sim.simulator.deauthorize(company.id);
      sim.clock.advance(10_000);
      const relink = await sim.submitLink(xero, { action: 'authorise' });
      assert.equal(queryOf(relink.headers.get('location'))['statusCode'], '200');
      assert.deepEqual(await syncIds(company.id), first, 'no new sync');

      assert.equal((await sim.api(`/companies/${company.id}/data/all`, { method: 'POST' })).status, 204);
      assert.ok(allNew(await syncIds(company.id), first));
    });

    it('syncOnRelink makes a re-link start one too (also set over the control API)', async () => {
      const control = await fetch(`${sim.url}/_simulator/settings`, {
        method: 'POST',
        body: JSON.stringify({ syncOnRelink: true }),
      });
      assert.equal(control.status, 200);
      assert.equal(((await control.json()) as { syncOnRelink: boolean }).syncOnRelink, true);
      const company = await sim.createCompany();
      const xero = await pick(company.redirect, 'gbol');
      await sim.submitLink(xero, { action: 'authorise' });
      const first = await syncIds(company.id);
      sim.simulator.deauthorize(company.id);
      await sim.submitLink(xero, { action: 'authorise' });
      assert.ok(allNew(first, []) && allNew(await syncIds(company.id), first));
    });
  });
});

describe('Link redirect templates', () => {
  it('a relative template is resolved against the origin of the Link request', async () => {
    const sim = await startTestSimulator({
      basePath: '/platform',
      redirectUrlTemplate: '/?statusCode={statusCode}&state={state}',
    });
    try {
      const company = await sim.createCompany();
      const response = await sim.submitLink(`${company.redirect}?state=xyz`, { action: 'cancel' });
      assert.equal(response.headers.get('location'), `${new URL(sim.url).origin}/?statusCode=403&state=xyz`);
    } finally {
      await sim.close();
    }
  });

  it("by default Link finishes on the simulator's own page", async () => {
    const sim = await startTestSimulator();
    try {
      const company = await sim.createCompany();
      const response = await sim.submitLink(company.redirect, { platform: 'gbol', action: 'authorise' });
      const location = response.headers.get('location') ?? '';
      assert.ok(location.startsWith(`${sim.url}/link/finished?statusCode=200&`), location);
      const page = await fetch(location);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<p role="status">Your company is connected to Xero\.<\/p>/);
    } finally {
      await sim.close();
    }
  });
});
