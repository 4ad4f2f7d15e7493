import assert from 'node:assert/strict';
import { CodatPlatformCore } from '@codat/platform/core.js';
import { companiesList } from '@codat/platform/funcs/companiesList.js';
import { parseTagsFilter } from '../../src/simulator/tags-filter.ts';
import { API_KEY, startTestSimulator, type TestSimulator } from './harness.ts';

function filter(text: string): (tags?: Record<string, string>) => boolean {
  const parsed = parseTagsFilter(text);
  if (typeof parsed !== 'function') assert.fail(parsed.problem);
  return parsed;
}

describe('parseTagsFilter', () => {
  it('key=value terms joined by &&, with or without spaces', () => {
    const both = filter('region=uk && team = invoice-finance');
    assert.equal(both({ region: 'uk', team: 'invoice-finance', other: 'x' }), true);
    assert.equal(both({ region: 'uk' }), false);
    assert.equal(both({ region: 'us', team: 'invoice-finance' }), false);
    assert.equal(both(undefined), false);
  });

  it('!= passes companies without the tag; ~ is "contains"', () => {
    assert.equal(filter('region!=uk')({}), true);
    assert.equal(filter('region != uk')({ region: 'uk' }), false);
    assert.equal(filter('uid~42')({ uid: 'customer-42-a' }), true);
    assert.equal(filter('uid~42')({}), false);
  });

  it('a value may contain "="; matching is exact and case-sensitive', () => {
    assert.equal(filter('k=a=b')({ k: 'a=b' }), true);
    assert.equal(filter('k=abc')({ k: 'ABC' }), false);
    assert.equal(filter('k=abc')({ k: 'abcd' }), false);
  });

  it('an empty filter passes everything', () => {
    assert.equal(filter('')(undefined), true);
    assert.equal(filter('  ')({ a: 'b' }), true);
  });

  it('does not read inherited properties as tags', () => {
    assert.equal(filter('constructor!=x')({}), true);
    assert.equal(filter('toString~function')({}), false);
  });

  for (const text of ['region', 'region=uk || team=x', '(region=uk)', 'region=uk && ', '=uk']) {
    it(`refuses ${JSON.stringify(text)}`, () => {
      const parsed = parseTagsFilter(text);
      assert.equal(typeof parsed, 'object');
    });
  }
});

describe('GET /companies?tags=…', () => {
  let sim: TestSimulator;
  before(async () => {
    sim = await startTestSimulator();
  });
  after(() => sim.close());
  beforeEach(async () => {
    sim.simulator.reset();
    await sim.createCompany({ name: 'UK Finance', tags: { region: 'uk', team: 'invoice-finance' } });
    await sim.createCompany({ name: 'UK Other', tags: { region: 'uk', team: 'other' } });
    await sim.createCompany({ name: 'Untagged' });
  });

  async function names(query: string): Promise<string[]> {
    const response = await sim.api(`/companies?${query}`);
    assert.equal(response.status, 200);
    const page = (await response.json()) as { results: { name: string }[]; totalResults: number };
    assert.equal(page.totalResults, page.results.length);
    return page.results.map((company) => company.name);
  }

  it('filters as documented, with totalResults counting the matches only', async () => {
    const tags = (text: string): string => `tags=${encodeURIComponent(text)}`;
    assert.deepEqual(await names(tags('region=uk && team=invoice-finance')), ['UK Finance']);
    assert.deepEqual(await names(tags('region=uk')), ['UK Finance', 'UK Other']);
    assert.deepEqual(await names(tags('region!=uk')), ['Untagged']);
    assert.deepEqual(await names(tags('region=us')), []);
    assert.deepEqual(await names('tags='), ['UK Finance', 'UK Other', 'Untagged']);
  });

  it('a filter the simulator cannot read is a 400', async () => {
    const response = await sim.api(`/companies?tags=${encodeURIComponent('region=uk || x=y')}`);
    assert.equal(response.status, 400);
    assert.equal(((await response.json()) as { statusCode: number }).statusCode, 400);
  });

  it("the official SDK's companiesList({ tags }) reaches the filter", async () => {
    const client = new CodatPlatformCore({
      authHeader: `Basic ${Buffer.from(API_KEY).toString('base64')}`,
      serverURL: sim.url,
      retryConfig: { strategy: 'none' },
    });
    const result = await companiesList(client, { tags: 'team=other' });
    assert.ok(result.ok);
    assert.deepEqual(
      result.value.results?.map((company) => company.name),
      ['UK Other'],
    );
  });
});
