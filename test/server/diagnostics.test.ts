import assert from 'node:assert/strict';
import { JOURNEY_ID_HEADER } from '../../src/backend/journey-header.ts';
import { IDEMPOTENCY_TAG } from '../../src/server/index.ts';
import { saneJourneyId } from '../../src/server/journey.ts';
import {
  API_KEY,
  codatJson,
  postJson,
  SECRET_FORMS,
  startBackend,
  withFakePlatform,
  type TestBackend,
} from './harness.ts';

const JOURNEY = '0123456789abcdef0123456789abcdef'; // what the element sends: 32 hex digits
const COMPANY_ID = '7f1b4a57-3c9e-4a55-9d0e-4a1c2b3d4e5f';
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

const withJourney = (journeyId: string): Record<string, string> => ({ [JOURNEY_ID_HEADER]: journeyId });

describe('diagnostics: journey id and correlationId, end to end', () => {
  let backend: TestBackend;

  before(async () => {
    backend = await startBackend();
  });
  after(async () => {
    await backend.close();
  });
  beforeEach(() => {
    backend.logs.length = 0;
    backend.platform.simulator.faults.clear();
  });

  it('a platform failure logs journey= beside correlationId=, and the body carries that correlationId', async () => {
    backend.platform.simulator.faults.inject({
      method: 'POST',
      path: '/companies',
      kind: 'status',
      status: 500,
    });
    const response = await backend.call('/companies', postJson({ name: 'Acme Ltd' }, withJourney(JOURNEY)));

    assert.equal(response.status, 502);
    const correlationId = response.body?.['correlationId'];
    assert.equal(typeof correlationId, 'string');
    assert.match(String(correlationId), new RegExp(`^${UUID}$`));
    assert.deepEqual(response.body, {
      error: 'The accounting platform failed. Try again later.',
      code: 'platform-error',
      correlationId,
    });
    assert.equal(backend.logs.length, 1, backend.logs.join('\n'));
    assert.match(
      backend.logs[0] ?? '',
      new RegExp(
        `^company-onboard: platform call createCompany failed: HTTP 500 ErrorMessage ` +
          `correlationId=${String(correlationId)} journey=${JOURNEY} error="Injected fault: HTTP 500\\."$`,
      ),
    );
  });

  it('a status the SDK does not parse (502 from a gateway) still yields the correlationId from the raw body', async () => {
    const company = await backend.createCompany();
    backend.platform.simulator.faults.inject({
      method: 'GET',
      path: '/companies/*',
      kind: 'status',
      status: 502,
    });
    const response = await backend.call(`/companies/${company.id}`, { headers: withJourney(JOURNEY) });

    assert.equal(response.status, 502);
    assert.equal(response.body?.['code'], 'platform-error');
    const correlationId = String(response.body?.['correlationId']);
    assert.match(correlationId, new RegExp(`^${UUID}$`));
    assert.match(
      backend.logs.join('\n'),
      new RegExp(`getCompany failed: HTTP 502 SDKError correlationId=${correlationId} journey=${JOURNEY}`),
    );
  });

  it('a failure without a platform answer (connection dropped) logs the journey, and the body has no correlationId', async () => {
    backend.platform.simulator.faults.inject({
      method: 'POST',
      path: '/companies/*/data/all',
      kind: 'drop-before',
    });
    const response = await backend.call(
      `/companies/${COMPANY_ID}/refresh`,
      postJson({}, withJourney(JOURNEY)),
    );

    assert.equal(response.status, 502);
    assert.deepEqual(response.body, {
      error: 'The accounting platform could not be reached. Try again.',
      code: 'platform-unreachable',
    });
    assert.match(
      backend.logs[0] ?? '',
      new RegExp(`refreshData failed: ConnectionError journey=${JOURNEY} "`),
    );
    assert.doesNotMatch(backend.logs[0] ?? '', /correlationId=/);
  });

  it('create-once lines (two companies under one Idempotency-Key) carry the journey too', async () => {
    const key = 'diagnostics-key-0001';
    for (let i = 0; i < 2; i++) {
      await backend.platform.createCompany({ name: 'Acme Ltd', tags: { [IDEMPOTENCY_TAG]: key } });
    }
    const response = await backend.call(
      '/companies',
      postJson({ name: 'Acme Ltd' }, { 'idempotency-key': key, ...withJourney(JOURNEY) }),
    );

    assert.equal(response.status, 200);
    assert.equal(response.headers.get('idempotent-replayed'), 'true');
    assert.match(
      backend.logs.join('\n'),
      new RegExp(`2 companies carry one Idempotency-Key .* journey=${JOURNEY}$`),
    );
  });

  for (const [what, value] of [
    ['spaces and a forged field', 'abc journey=forged correlationId=forged'],
    ['65 characters', 'a'.repeat(65)],
    ['a very long value', 'b'.repeat(10_000)],
    ['an equals sign', 'abc=def'],
    ['percent-encoded CR/LF', 'abc%0D%0Aforged'],
    ['non-ASCII', 'café'],
  ] as const) {
    it(`a journey id with ${what} is treated as absent: not logged, the request still served`, async () => {
      backend.platform.simulator.faults.inject({
        method: 'GET',
        path: '/companies/*',
        kind: 'status',
        status: 503,
      });
      const response = await backend.call(`/companies/${COMPANY_ID}`, { headers: withJourney(value) });

      assert.equal(response.status, 503);
      assert.equal(response.body?.['code'], 'platform-unavailable');
      assert.equal(backend.logs.length, 1);
      const line = backend.logs[0] ?? '';
      assert.doesNotMatch(line, /journey=/);
      assert.ok(!line.includes(value), line);
      assert.match(line, new RegExp(`HTTP 503 ErrorMessage correlationId=${UUID} error=`));
    });
  }

  it('CR/LF in a journey id is refused by the check itself, whatever the adapter lets through', () => {
    // Node's HTTP parser and `Headers` already refuse these, so they are checked below the transport.
    for (const value of [
      'abc\nforged',
      'abc\r\nforged',
      'abc\n',
      '\nabc',
      'a\u2028b',
      'a\u0000b',
      'a\tb',
      '',
    ]) {
      assert.equal(saneJourneyId(value), undefined, JSON.stringify(value));
    }
    assert.equal(saneJourneyId(null), undefined);
    assert.equal(saneJourneyId(JOURNEY), JOURNEY);
    assert.equal(saneJourneyId('a'.repeat(64)), 'a'.repeat(64));
    assert.equal(saneJourneyId('Ab_9-z'), 'Ab_9-z');
  });

  it('without the header everything works as before, and failure lines have no journey field', async () => {
    const company = await backend.createCompany();
    const read = await backend.call(`/companies/${company.id}`);
    assert.equal(read.status, 200);
    assert.equal(read.body?.['id'], company.id);
    assert.deepEqual(backend.logs, []);

    backend.platform.simulator.faults.inject({
      method: 'GET',
      path: '/companies/*',
      kind: 'status',
      status: 500,
    });
    const failed = await backend.call(`/companies/${company.id}`);
    assert.equal(failed.status, 502);
    assert.match(String(failed.body?.['correlationId']), new RegExp(`^${UUID}$`));
    assert.match(
      backend.logs[0] ?? '',
      new RegExp(
        `^company-onboard: platform call getCompany failed: HTTP 500 ErrorMessage correlationId=${UUID} error="`,
      ),
    );
    assert.doesNotMatch(backend.logs[0] ?? '', /journey=/);
  });
});

describe('diagnostics: a correlationId from the platform is passed on only as a plain token', () => {
  /** A platform that fails every call with `correlationId`. */
  const failingWith = (correlationId: string) => () => codatJson(500, 'Boom', { correlationId });

  it('one carrying the API key (an echoing platform) is redacted in the body and the log', async () => {
    await withFakePlatform(failingWith(API_KEY), async (backend) => {
      const response = await backend.call(`/companies/${COMPANY_ID}`, { headers: withJourney(JOURNEY) });
      assert.equal(response.status, 502);
      assert.equal(response.body?.['correlationId'], '[redacted]');
      assert.match(backend.logs[0] ?? '', new RegExp(`correlationId=\\[redacted\\] journey=${JOURNEY}`));
      const everything = [...backend.bodies, ...backend.logs].join('\n');
      for (const secret of SECRET_FORMS) assert.ok(!everything.includes(secret), everything);
    });
  });

  it('one with a newline is left out of the body and quoted in the log, which stays one line', async () => {
    await withFakePlatform(failingWith('abc\nforged=1 journey=forged'), async (backend) => {
      const response = await backend.call(`/companies/${COMPANY_ID}`, { headers: withJourney(JOURNEY) });
      assert.equal(response.status, 502);
      assert.equal(response.body?.['correlationId'], undefined);
      const line = backend.logs[0] ?? '';
      assert.ok(!line.includes('\n'), line);
      assert.match(line, /correlationId="abc\\nforged=1 journey=forged" journey=0123456789abcdef/);
    });
  });
});
