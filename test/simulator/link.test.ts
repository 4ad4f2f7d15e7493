import assert from 'node:assert/strict';
import { PLATFORMS } from '../../src/simulator/index.ts';
import { queryOf, startTestSimulator, type TestSimulator } from './harness.ts';

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

  /** The company as the simulator holds it now (each test starts with none). */
  const onlyCompany = () => {
    const [company] = sim.simulator.listCompanies();
    assert.ok(company);
    return company;
  };

  describe('the page', () => {
    it('is accessible HTML with a form that posts back to the same URL, query included', async () => {
      const company = await sim.createCompany({ name: 'Acme <Ltd>' });
      const response = await fetch(`${company.redirect}?state=abc&foo=1`);
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
      const html = await response.text();
      assert.match(html, /<html lang="en">/);
      assert.match(html, /<h1>Connect Acme Ltd to your accounting software<\/h1>/);
      assert.ok(
        html.includes(`<form method="post" action="/link/company/${company.id}?state=abc&amp;foo=1">`),
        'form action keeps the query string',
      );
      assert.match(html, /<fieldset>\s*<legend>Choose your accounting software<\/legend>/);
      assert.match(html, /<button type="submit" name="action" value="authorise">Authorise<\/button>/);
      assert.match(
        html,
        /<button type="submit" name="action" value="cancel" formnovalidate>Cancel<\/button>/,
      );
      assert.match(html, /<button type="submit" name="action" value="fail" formnovalidate>Fail<\/button>/);
    });

    it('offers each platform as a labelled radio', async () => {
      const company = await sim.createCompany();
      const html = await (await fetch(company.redirect)).text();
      const names = PLATFORMS.map((platform) => platform.platformName);
      assert.deepEqual(names, [
        'Xero',
        'QuickBooks Online',
        'Sage Business Cloud',
        'Sandbox',
        'Unsupported (demo)',
      ]);
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

  describe('submitting', () => {
    it('Authorise links the platform, starts a sync and redirects with statusCode 200', async () => {
      const company = await sim.createCompany();
      const response = await sim.submitLink(`${company.redirect}?state=s1`, {
        platform: 'gbol',
        action: 'authorise',
      });
      assert.equal(response.status, 303);
      const [connection] = onlyCompany().dataConnections;
      assert.ok(connection);
      const xero = PLATFORMS[0];
      const { clientId, ...filled } = queryOf(response.headers.get('location'));
      assert.match(clientId ?? '', /^[0-9a-f-]{36}$/);
      assert.deepEqual(filled, {
        companyId: company.id,
        connectionId: connection.id,
        integrationId: xero?.integrationId,
        sourceId: xero?.sourceId,
        platform: 'gbol',
        platformName: 'Xero',
        sourceType: 'Accounting',
        statusCode: '200',
        errorMessage: '',
        statusText: 'OK',
        state: 's1',
        custom: '',
      });
      assert.deepEqual(
        {
          status: connection.status,
          integrationKey: connection.integrationKey,
          sourceType: connection.sourceType,
        },
        { status: 'Linked', integrationKey: 'gbol', sourceType: 'Accounting' },
      );
      assert.equal(
        connection.linkUrl,
        `${sim.url}/link/companies/${company.id}/connections/${connection.id}/start`,
      );
      const status = (await (await sim.api(`/companies/${company.id}/dataStatus`)).json()) as Record<
        string,
        unknown
      >;
      assert.ok(Object.keys(status).length > 0, 'the first sync started');
    });

    it('Cancel redirects with statusCode 403 and "User cancelled."', async () => {
      const company = await sim.createCompany();
      const response = await sim.submitLink(`${company.redirect}?state=s2`, { action: 'cancel' });
      const query = queryOf(response.headers.get('location'));
      assert.equal(query['statusCode'], '403');
      assert.equal(query['errorMessage'], 'User cancelled.');
      assert.equal(query['connectionId'], '');
      assert.equal(query['state'], 's2');
      assert.deepEqual(onlyCompany().dataConnections, []);
    });

    it('Fail redirects with statusCode 500 and an error message', async () => {
      const company = await sim.createCompany();
      const response = await sim.submitLink(company.redirect, { platform: 'qhyg', action: 'fail' });
      const query = queryOf(response.headers.get('location'));
      assert.equal(query['statusCode'], '500');
      assert.ok(query['errorMessage']);
      assert.equal(query['platformName'], 'QuickBooks Online');
      assert.deepEqual(onlyCompany().dataConnections, []);
    });

    it('Authorise with the unsupported platform redirects with statusCode 501', async () => {
      const company = await sim.createCompany();
      const response = await sim.submitLink(company.redirect, { platform: 'zzzz', action: 'authorise' });
      const query = queryOf(response.headers.get('location'));
      assert.equal(query['statusCode'], '501');
      assert.equal(query['errorMessage'], 'Unsupported (demo) is not supported.');
      assert.deepEqual(onlyCompany().dataConnections, []);
    });

    it('Authorise without a platform shows the page again with an alert (400)', async () => {
      const company = await sim.createCompany();
      const response = await sim.submitLink(company.redirect, { action: 'authorise' });
      assert.equal(response.status, 400);
      assert.match(
        await response.text(),
        /<p id="link-error" class="error" role="alert">Choose your accounting software/,
      );
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

    it('a second Authorise to the same platform reuses the connection', async () => {
      const company = await sim.createCompany();
      await sim.submitLink(company.redirect, { platform: 'mqjo', action: 'authorise' });
      sim.simulator.deauthorize(company.id);
      const [deauthorized] = onlyCompany().dataConnections;
      assert.equal(deauthorized?.status, 'Deauthorized');
      const again = await sim.submitLink(deauthorized?.linkUrl ?? '', {
        platform: 'mqjo',
        action: 'authorise',
      });
      assert.equal(queryOf(again.headers.get('location'))['connectionId'], deauthorized?.id);
      const connections = onlyCompany().dataConnections;
      assert.deepEqual(
        connections.map((connection) => connection.status),
        ['Linked'],
      );
    });

    it("a connection's linkUrl shows the page with its platform preselected", async () => {
      const company = await sim.createCompany();
      await sim.submitLink(company.redirect, { platform: 'tgff', action: 'authorise' });
      const [connection] = onlyCompany().dataConnections;
      const html = await (await fetch(connection?.linkUrl ?? '')).text();
      assert.match(html, /value="tgff" required checked>/);
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
