/**
 * Company names as Codat stores them: the server sends the ASCII spelling Codat keeps, puts the typed name in
 * `description` when they differ, and an idempotent retry after a lost answer finds its own company even when
 * the platform cleaned the name up.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { parseCreateCompanyInput } from '../../src/server/company-input.ts';
import { startRecordedBackend, type RecordedBackend } from './harness.ts';

describe('parseCreateCompanyInput: the name Codat will store, the typed one kept', () => {
  it('sends the ASCII spelling and keeps the typed name in description', () => {
    assert.deepEqual(parseCreateCompanyInput({ name: '  Café Müller  ' }), {
      name: 'Cafe Muller',
      description: 'Café Müller',
    });
    assert.deepEqual(parseCreateCompanyInput({ name: '株式会社 Tokyo Trading' }), {
      name: 'Tokyo Trading',
      description: '株式会社 Tokyo Trading',
    });
  });

  it('adds no description when nothing but spaces changed', () => {
    assert.deepEqual(parseCreateCompanyInput({ name: 'Acme Ltd' }), { name: 'Acme Ltd' });
    assert.deepEqual(parseCreateCompanyInput({ name: 'Acme\u00A0 Ltd\u3000' }), { name: 'Acme Ltd' });
  });

  it("keeps the caller's own description rather than overwriting it (an empty one counts as none)", () => {
    assert.deepEqual(parseCreateCompanyInput({ name: 'Café', description: 'crm:42' }), {
      name: 'Cafe',
      description: 'crm:42',
    });
    assert.deepEqual(parseCreateCompanyInput({ name: 'Café', description: '' }), {
      name: 'Cafe',
      description: 'Café',
    });
  });
});

/** A platform stricter than its spec: keeps only letters, digits and spaces in the name of a new company. */
async function stripNames(request: Request): Promise<Request> {
  if (request.method !== 'POST' || new URL(request.url).pathname !== '/companies') return request;
  const parsed = (await request.json()) as { name: string };
  const body = JSON.stringify({ ...parsed, name: parsed.name.replace(/[^A-Za-z0-9 ]/g, '') });
  return new Request(request.url, { method: 'POST', headers: request.headers, body });
}

describe('creating companies whose names Codat would change', () => {
  let rig: RecordedBackend;
  before(async () => {
    rig = await startRecordedBackend();
  });
  after(() => rig.close());
  beforeEach(() => rig.reset());

  it('the platform gets (and stores) the ASCII name, the typed one as description', async () => {
    const created = await rig.create(randomUUID(), { name: 'Café Müller & Søn' });
    assert.equal(created.status, 200);
    assert.equal(created.body['name'], 'Cafe Muller & Son');
    assert.equal(created.body['description'], 'Café Müller & Søn');
    const [stored] = rig.platform.simulator.listCompanies();
    assert.equal(stored?.name, 'Cafe Muller & Son');
  });

  it('refuses a name with nothing Codat can store, before any platform call', async () => {
    const refused = await rig.create(randomUUID(), { name: '株式会社' });
    assert.equal(refused.status, 400);
    assert.equal(refused.body['code'], 'invalid-name');
    assert.equal(refused.body['field'], 'name');
    assert.deepEqual(rig.platform.simulator.listCompanies(), []);
  });

  for (const lost of ['the platform’s answer', 'our answer'] as const) {
    it(`a retry after ${lost} was lost gets the same company, never a 422`, async () => {
      const key = randomUUID();
      if (lost === 'our answer') rig.dropAnswers = 1;
      else rig.platform.simulator.faults.inject({ method: 'POST', path: '/companies', kind: 'drop-after' });
      const first = await rig.create(key, { name: 'Café Müller' }).then(
        (answer) => answer.status,
        () => 'dropped',
      );
      assert.equal(first, lost === 'our answer' ? 'dropped' : 502);
      const [made] = rig.platform.simulator.listCompanies();
      assert.ok(made, 'the platform did create it');
      rig.restart(); // an empty store: only the platform's tag can find it
      const retry = await rig.create(key, { name: 'Café Müller' });
      assert.equal(retry.status, 200, JSON.stringify(retry.body));
      assert.equal(retry.body['id'], made.id);
      assert.equal(retry.headers.get('idempotent-replayed'), 'true');
      assert.equal(rig.platform.simulator.listCompanies().length, 1);
    });
  }

  it('…also when the platform strips more than its spec says', async () => {
    const stripping = await startRecordedBackend({ platformRequest: stripNames });
    try {
      const key = randomUUID();
      const body = { name: "O'Neil & Søn, Ltd." };
      stripping.dropAnswers = 1;
      await assert.rejects(stripping.create(key, body), TypeError);
      const [made] = stripping.platform.simulator.listCompanies();
      assert.equal(made?.name, 'ONeil  Son Ltd', 'the platform stripped our punctuation');
      stripping.restart(); // an empty store: only the platform's tag can find it
      const retry = await stripping.create(key, body);
      assert.equal(retry.status, 200, JSON.stringify(retry.body));
      assert.equal(retry.body['id'], made.id);
      assert.equal(retry.headers.get('idempotent-replayed'), 'true');
      assert.equal(stripping.platform.simulator.listCompanies().length, 1);
    } finally {
      await stripping.close();
    }
  });
});
