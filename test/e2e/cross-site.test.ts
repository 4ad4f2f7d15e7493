/**
 * Cross-site writes in Chromium: pages of another origin try to make the demo's reference backend create a
 * company or start a refresh, the ways a page can without the backend's consent (an HTML form, a `no-cors`
 * fetch, a JSON fetch the browser preflights). Two attackers: another port of the demo's host (same site,
 * another origin) and another host (`localhost` against the demo's `127.0.0.1`: another site).
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { useDemo } from './demo-fixture.ts';

/** Serves an empty page at every path: the attacker's site, whose scripts the tests run. */
async function startAttackerSite(): Promise<{ port: number; server: Server }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>Win a prize</title><p>Loading…</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, server };
}

/**
 * Submits an HTML form with `enctype="text/plain"` whose one field spells a JSON object (`{"name":"…","x":"="}`),
 * the classic way to post JSON-looking text across sites, and returns the text of the answer it navigates to.
 */
async function postForm(page: Page, action: string, name: string): Promise<string> {
  await Promise.all([
    page.waitForURL(action),
    page.evaluate(
      ({ action, name }) => {
        const form = document.createElement('form');
        form.method = 'POST';
        form.action = action;
        form.enctype = 'text/plain';
        const field = document.createElement('input');
        field.name = `{"name":"${name}","x":"`;
        field.value = '"}';
        form.append(field);
        document.body.append(form);
        form.submit();
      },
      { action, name },
    ),
  ]);
  return page.locator('body').innerText();
}

/** The `code` of an error body the page shows. */
const codeOf = (text: string): unknown => (JSON.parse(text) as { code?: unknown }).code;

describe('cross-site writes in Chromium against the demo', () => {
  const fx = useDemo();
  let attacker: { port: number; server: Server };
  before(async () => {
    attacker = await startAttackerSite();
  });
  after(() => new Promise<void>((resolve) => attacker.server.close(() => resolve())));

  /** The demo's API as seen from the attacker's pages. */
  const api = (path: string): string => new URL(`api${path}`, fx.demo.url).href;

  /** A page on `host` (at the attacker's port) tries every write a page can send without asking. */
  async function attackFrom(host: string): Promise<void> {
    const victim = await fetch(api('/companies'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Victim Ltd' }),
    });
    assert.equal(victim.status, 200, 'a request from no page at all (a server, curl) is not refused');
    const { id } = (await victim.json()) as { id: string };

    const page = await fx.context.newPage();
    const origin = `http://${host}:${attacker.port}`;
    await page.goto(`${origin}/prize`);
    // No named functions inside: the test runner's transform would name them with a helper the page lacks.
    const [noCors, noCorsRefresh, json] = await page.evaluate(
      async ({ create, refresh }) => {
        const body = JSON.stringify({ name: 'Forged Ltd' });
        const outcomes: string[] = [];
        for (const request of [
          fetch(create, { method: 'POST', mode: 'no-cors', body }),
          fetch(refresh, { method: 'POST', mode: 'no-cors', body: '{}' }),
          fetch(create, { method: 'POST', headers: { 'content-type': 'application/json' }, body }),
        ]) {
          try {
            const response = await request;
            outcomes.push(`${response.type} ${response.status}`);
          } catch (error) {
            outcomes.push(`blocked ${String(error)}`);
          }
        }
        return outcomes;
      },
      { create: api('/companies'), refresh: api(`/companies/${id}/refresh`) },
    );
    // A no-cors answer is opaque to the page whatever happened; the server's side is checked below.
    assert.equal(noCors, 'opaque 0');
    assert.equal(noCorsRefresh, 'opaque 0');
    // A JSON fetch is preflighted: refused there, or sent and answered 403; never a company.
    assert.ok(/^blocked|^cors 403$/.test(json ?? ''), json);

    const created = await postForm(page, api('/companies'), 'Forged Ltd');
    assert.equal(codeOf(created), 'cross-site-request', created);
    await page.goto(`${origin}/prize`);
    const refreshed = await postForm(page, api(`/companies/${id}/refresh`), 'x');
    assert.equal(codeOf(refreshed), 'cross-site-request', refreshed);

    assert.deepEqual(
      fx.demo.simulator.listCompanies().map((company) => company.name),
      ['Victim Ltd'],
      'only the company made without a page exists',
    );
  }

  it('from another port of the same host: no form, no-cors or JSON fetch creates a company or refreshes one', () =>
    attackFrom('127.0.0.1'));

  it('from another site: no form, no-cors or JSON fetch creates a company or refreshes one', () =>
    attackFrom('localhost'));

  it('the demo’s own page still creates a company (same origin)', async () => {
    const page = await fx.context.newPage();
    await page.goto(fx.demo.url);
    const answer = await page.evaluate(async (create) => {
      const response = await fetch(create, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Own Page Ltd' }),
      });
      return response.status;
    }, api('/companies'));
    assert.equal(answer, 200);
    assert.equal(fx.demo.simulator.listCompanies().length, 1);
  });
});
