import assert from 'node:assert/strict';
import { AUTH, startTestSimulator, T0, type TestSimulator } from './harness.ts';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/** Asserts the Platform API's error body shape and returns it. */
async function codatError(response: Response, status: number): Promise<Record<string, unknown>> {
  assert.equal(response.status, status);
  assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
  const body = (await response.json()) as Record<string, unknown>;
  assert.equal(body['statusCode'], status);
  assert.equal(body['service'], 'PublicApi');
  assert.equal(typeof body['error'], 'string');
  assert.match(String(body['correlationId']), /^[0-9a-f-]{36}$/);
  assert.equal(body['canBeRetried'], 'Unknown');
  assert.equal(body['detailedErrorCode'], 0);
  assert.ok('validation' in body);
  return body;
}

describe('simulator Platform API', () => {
  let sim: TestSimulator;
  before(async () => {
    sim = await startTestSimulator();
  });
  after(() => sim.close());
  beforeEach(() => sim.simulator.reset());

  describe('authentication', () => {
    it('refuses a request without an Authorization header', async () => {
      const body = await codatError(await sim.api('/companies', { headers: { authorization: '' } }), 401);
      assert.equal(body['validation'], null);
    });

    it('refuses a wrong key, and the key sent as user:password', async () => {
      const wrong = `Basic ${Buffer.from('not-the-key').toString('base64')}`;
      await codatError(await sim.api('/companies', { headers: { authorization: wrong } }), 401);
      const withColon = `Basic ${Buffer.from('test-api-key:').toString('base64')}`;
      await codatError(await sim.api('/companies', { headers: { authorization: withColon } }), 401);
    });

    it('accepts Basic base64(apiKey), scheme in any case', async () => {
      const lower = AUTH.authorization.replace('Basic', 'basic');
      assert.equal((await sim.api('/companies', { headers: { authorization: lower } })).status, 200);
    });

    it('does not ask for the key on the hosted Link pages', async () => {
      const company = await sim.createCompany();
      assert.equal((await fetch(company.redirect)).status, 200);
    });
  });

  describe('POST /companies', () => {
    it('answers 200 (not 201) with the new company', async () => {
      const response = await sim.api('/companies', {
        method: 'POST',
        body: JSON.stringify({ name: 'Acme Ltd', description: 'customer 42', tags: { region: 'uk' } }),
      });
      assert.equal(response.status, 200);
      const company = (await response.json()) as Record<string, unknown>;
      assert.match(
        String(company['id']),
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      assert.deepEqual(
        { ...company, id: 'ID', redirect: 'REDIRECT' },
        {
          id: 'ID',
          name: 'Acme Ltd',
          description: 'customer 42',
          redirect: 'REDIRECT',
          created: new Date(T0).toISOString(),
          products: [],
          tags: { region: 'uk' },
          dataConnections: [],
        },
      );
      assert.equal(company['redirect'], `${sim.url}/link/company/${String(company['id'])}`);
    });

    it("silently strips characters outside the spec's ASCII pattern by default", async () => {
      const company = await sim.createCompany({ name: 'Example Company (Codat[1])' });
      assert.equal(company.name, 'Example Company Codat1');
      const kept = await sim.createCompany({ name: "Zoë & Sons - Café @ 5, O'Brien? Yes!" });
      assert.equal(kept.name, "Zo & Sons - Caf @ 5, O'Brien? Yes!");
      assert.equal((await sim.createCompany({ name: 'Café Müller' })).name, 'Caf Mller');
    });

    it('a name stripped to nothing (another script) is a 400 with a validation item', async () => {
      const response = await sim.api('/companies', {
        method: 'POST',
        body: JSON.stringify({ name: '株式会社' }),
      });
      const error = await codatError(response, 400);
      assert.equal((error['validation'] as { errors: { itemId: string }[] }).errors[0]?.itemId, 'name');
    });

    it("nameCharacters 'letters' keeps letters of any script (the docs' reading)", async () => {
      sim.simulator.configure({ nameCharacters: 'letters' });
      const kept = await sim.createCompany({ name: "Zoë & Sons - Café @ 5, O'Brien? Yes! (1)" });
      assert.equal(kept.name, "Zoë & Sons - Café @ 5, O'Brien? Yes! 1");
      assert.equal((await sim.createCompany({ name: '株式会社' })).name, '株式会社');
    });

    it('accepts description: null, and leaves it out', async () => {
      const company = (await sim.createCompany({ name: 'Null Ltd', description: null })) as Record<
        string,
        unknown
      >;
      assert.equal('description' in company, false);
    });

    for (const [label, body] of [
      ['a missing name', {}],
      ['an empty name', { name: '' }],
      ['a name of only stripped characters', { name: '()[]' }],
      ['a name that is not text', { name: 42 }],
    ] as const) {
      it(`refuses ${label} with a validation item`, async () => {
        const response = await sim.api('/companies', { method: 'POST', body: JSON.stringify(body) });
        const error = await codatError(response, 400);
        const validation = error['validation'] as {
          errors: { itemId: string; message: string }[];
          warnings: [];
        };
        assert.equal(validation.errors[0]?.itemId, 'name');
        assert.equal(typeof validation.errors[0]?.message, 'string');
        assert.deepEqual(validation.warnings, []);
        assert.equal(sim.simulator.listCompanies().length, 0);
      });
    }

    it('refuses a body that is not JSON', async () => {
      await codatError(await sim.api('/companies', { method: 'POST', body: '{name:' }), 400);
    });

    it('accepts tags at the limits', async () => {
      const tags = Object.fromEntries(
        Array.from({ length: 10 }, (_, i) => [`${i}`.padEnd(27, 'k'), 'v'.repeat(100)]),
      );
      const response = await sim.api('/companies', {
        method: 'POST',
        body: JSON.stringify({ name: 'Tagged', tags }),
      });
      assert.equal(response.status, 200);
    });

    for (const [label, tags] of [
      ['11 tags', Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, 'v']))],
      ['a 28-character key', { ['k'.repeat(28)]: 'v' }],
      ['an empty key', { '': 'v' }],
      ['a 101-character value', { key: 'v'.repeat(101) }],
      ['a value that is not text', { key: 1 }],
      ['tags that are not an object', ['a']],
    ] as const) {
      it(`refuses ${label}`, async () => {
        const response = await sim.api('/companies', {
          method: 'POST',
          body: JSON.stringify({ name: 'Acme', tags }),
        });
        const error = await codatError(response, 400);
        const validation = error['validation'] as { errors: { itemId: string }[] };
        assert.match(validation.errors[0]?.itemId ?? '', /^tags/);
      });
    }
  });

  describe('GET /companies', () => {
    it('lists companies in the SDK `Companies` page shape', async () => {
      const first = await sim.createCompany({ name: 'One' });
      await sim.createCompany({ name: 'Two' });
      await sim.createCompany({ name: 'Three' });
      const response = await sim.api('/companies?page=1&pageSize=2');
      assert.equal(response.status, 200);
      const page = (await response.json()) as Record<string, unknown>;
      assert.equal(page['pageNumber'], 1);
      assert.equal(page['pageSize'], 2);
      assert.equal(page['totalResults'], 3);
      assert.deepEqual(
        (page['results'] as { name: string }[]).map((company) => company.name),
        ['One', 'Two'],
      );
      assert.deepEqual(page['_links'], {
        self: { href: '/companies' },
        current: { href: '/companies?page=1&pageSize=2' },
        next: { href: '/companies?page=2&pageSize=2' },
      });
      assert.equal((page['results'] as { id: string }[])[0]?.id, first.id);
    });

    it('_links: current, next and previous keep every other query parameter (tags, query, orderBy); self has none', async () => {
      for (const name of ['One', 'Two', 'Three']) await sim.createCompany({ name, tags: { region: 'uk' } });
      const search = '?tags=region%3Duk&query=x&orderBy=-name&page=2&pageSize=1';
      const page = (await (await sim.api(`/companies${search}`)).json()) as {
        _links: Record<string, { href: string }>;
      };
      const href = (page2: number): string =>
        `/companies?tags=region%3Duk&query=x&orderBy=-name&page=${page2}&pageSize=1`;
      assert.deepEqual(page._links, {
        self: { href: '/companies' },
        current: { href: href(2) },
        next: { href: href(3) },
        previous: { href: href(1) },
      });
    });

    it('refuses a page size of 0', async () => {
      await codatError(await sim.api('/companies?pageSize=0'), 400);
    });
  });

  describe('one company', () => {
    it('GET returns it with its data connections', async () => {
      const created = await sim.createCompany({ name: 'Acme' });
      const response = await sim.api(`/companies/${created.id}`);
      assert.equal(response.status, 200);
      assert.deepEqual(await response.json(), created);
    });

    it('DELETE answers 204 and the company is gone', async () => {
      const created = await sim.createCompany();
      assert.equal((await sim.api(`/companies/${created.id}`, { method: 'DELETE' })).status, 204);
      await codatError(await sim.api(`/companies/${created.id}`), 404);
      assert.deepEqual(sim.simulator.listCompanies(), []);
    });

    for (const path of ['', '/connections', '/dataStatus']) {
      it(`GET /companies/{unknown}${path} is a 404`, async () => {
        await codatError(await sim.api(`/companies/${UNKNOWN_ID}${path}`), 404);
      });
    }

    it('POST /companies/{unknown}/data/all is a 404', async () => {
      await codatError(await sim.api(`/companies/${UNKNOWN_ID}/data/all`, { method: 'POST' }), 404);
    });

    it('GET /companies/{id}/connections is an empty page before Link', async () => {
      const created = await sim.createCompany();
      const page = (await (await sim.api(`/companies/${created.id}/connections`)).json()) as Record<
        string,
        unknown
      >;
      assert.deepEqual(page['results'], []);
      assert.equal(page['totalResults'], 0);
    });

    it('GET /companies/{id}/dataStatus is {} before Link', async () => {
      const created = await sim.createCompany();
      assert.deepEqual(await (await sim.api(`/companies/${created.id}/dataStatus`)).json(), {});
    });
  });

  describe('wrong method or path', () => {
    for (const [method, path, allow] of [
      ['PUT', '/companies', 'GET, POST'],
      ['POST', `/companies/${UNKNOWN_ID}`, 'GET, DELETE'],
      ['POST', `/companies/${UNKNOWN_ID}/dataStatus`, 'GET'],
      ['GET', `/companies/${UNKNOWN_ID}/data/all`, 'POST'],
    ] as const) {
      it(`${method} ${path.replace(UNKNOWN_ID, '{id}')} is a 405 allowing ${allow}`, async () => {
        const response = await sim.api(path, { method });
        await codatError(response, 405);
        assert.equal(response.headers.get('allow'), allow);
      });
    }

    it('an unknown path is a 404 in the same shape', async () => {
      await codatError(await sim.api('/nothing-here'), 404);
      await codatError(await sim.api(`/companies/${UNKNOWN_ID}/nothing`), 404);
    });
  });
});

describe('simulator under a basePath', () => {
  let sim: TestSimulator;
  before(async () => {
    sim = await startTestSimulator({ basePath: '/platform/' });
  });
  after(() => sim.close());

  it('serves the API and Link under the prefix only', async () => {
    assert.match(sim.url, /\/platform$/);
    const company = await sim.createCompany();
    assert.equal(company.redirect, `${sim.url}/link/company/${company.id}`);
    assert.equal((await fetch(company.redirect)).status, 200);
    const outside = await fetch(sim.url.replace(/\/platform$/, '/companies'), { headers: AUTH });
    assert.equal(outside.status, 404);
  });
});
