/**
 * Property-based fuzzing of how the widget reads its backend's answers: the zod/mini response schemas
 * (`parseCompany`, `parserOf(DataStatusesSchema)`), `describeErrorBody`, and the fetch adapter around them.
 * Whatever JSON (or non-JSON) a backend, proxy or attacker sends, nothing throws: each answer is a typed
 * success, checked against a reference reading written here independently, or a failure with issues; the
 * adapter rejects only with its own `BackendError`s. Inputs go through `JSON.parse`, as `response.json()`
 * does, so `__proto__` keys are own properties, and the test proves they pollute nothing.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { BackendError } from '../../src/backend/errors.ts';
import { describeErrorBody } from '../../src/backend/error-body.ts';
import { createFetchBackend } from '../../src/backend/fetch-backend.ts';
import { DataStatusesSchema, parseCompany, parserOf, type Parsed } from '../../src/backend/schemas.ts';
import { anyText, fuzz, fuzzAsync, NUM_RUNS } from './fuzz.ts';

const parseDataStatuses = parserOf(DataStatusesSchema);
const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype).sort();

/** Keys that have tripped parsers before: prototype names and the fields our schemas read. */
const KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'id',
  'name',
  'redirect',
  'dataConnections',
  'platformName',
  'status',
  'linkUrl',
  'lastSync',
  'dataType',
  'currentStatus',
  'lastSuccessfulSync',
  'error',
  'code',
  'field',
  'validation',
  'errors',
  'message',
  'invoices',
  'banking-accounts',
];

const keyArb = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...KEYS) },
  { weight: 1, arbitrary: fc.string() },
);

/** JSON text of an object whose keys may repeat and include `__proto__` (kept as an own key by JSON.parse). */
const objectText = (entries: readonly (readonly [string, string])[]): string =>
  `{${entries.map(([key, valueText]) => `${JSON.stringify(key)}:${valueText}`).join(',')}}`;

/** Any JSON value, as text, with prototype-named keys sprinkled in at every depth. */
const { jsonText } = fc.letrec<{ jsonText: string }>((tie) => ({
  jsonText: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('null', 'true', 'false', '0', '-0', '1e308', '"Linked"', '""', '[]', '{}'),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => JSON.stringify(n)),
    fc.string().map((s) => JSON.stringify(s)),
    fc.string({ unit: 'binary', maxLength: 6 }).map((s) => JSON.stringify(s)),
    fc.array(tie('jsonText'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
    fc.array(fc.tuple(keyArb, tie('jsonText')), { maxLength: 5 }).map(objectText),
  ),
}));

/** A string-valued field, often right, sometimes any JSON, sometimes absent. */
const field = (good: fc.Arbitrary<string> = fc.string()): fc.Arbitrary<string | undefined> =>
  fc.oneof(
    { weight: 16, arbitrary: good.map((s) => JSON.stringify(s)) },
    { weight: 2, arbitrary: jsonText },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );

/** An object (as JSON text) with these fields, extra junk keys, in any order. */
function objectOf(fields: Record<string, fc.Arbitrary<string | undefined>>): fc.Arbitrary<string> {
  const named = Object.entries(fields).map(([key, value]) =>
    value.map((text) => (text === undefined ? [] : [[key, text] as const])),
  );
  return fc
    .tuple(fc.tuple(...named), fc.array(fc.tuple(keyArb, jsonText), { maxLength: 3 }))
    .chain(([known, junk]) => {
      const entries = [...known.flat(), ...junk];
      return fc.shuffledSubarray(entries, { minLength: entries.length, maxLength: entries.length });
    })
    .map(objectText);
}

const connectionText = objectOf({
  id: field(fc.uuid()),
  platformName: field(fc.constantFrom('Xero', 'Sandbox', '')),
  status: field(fc.constantFrom('Linked', 'PendingAuth', 'Deauthorized', 'Unlinked', 'Future')),
  linkUrl: field(fc.webUrl()),
  lastSync: field(fc.date({ noInvalidDate: true }).map((d) => d.toISOString())),
  sourceType: field(fc.constantFrom('Accounting', 'Banking', 'Commerce')),
  created: field(fc.date({ noInvalidDate: true }).map((d) => d.toISOString())),
});

const companyText = objectOf({
  id: field(fc.uuid()),
  name: field(),
  redirect: field(fc.webUrl()),
  dataConnections: fc.oneof(
    {
      weight: 5,
      arbitrary: fc.array(connectionText, { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
    },
    {
      weight: 1,
      arbitrary: fc
        .array(fc.oneof(connectionText, jsonText), { maxLength: 3 })
        .map((items) => `[${items.join(',')}]`),
    },
    { weight: 1, arbitrary: jsonText },
    { weight: 1, arbitrary: fc.constant(undefined) },
  ),
});

const dataStatusText = objectOf({
  dataType: field(fc.constantFrom('invoices', 'bills', 'banking-accounts')),
  currentStatus: field(
    fc.constantFrom('Complete', 'Queued', 'Fetching', 'FetchError', 'AuthError', 'Unknown'),
  ),
  lastSuccessfulSync: field(fc.date({ noInvalidDate: true }).map((d) => d.toISOString())),
  latestSyncId: field(fc.uuid()),
});

const dataStatusesText = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .array(
        fc.tuple(
          keyArb,
          fc.oneof({ weight: 4, arbitrary: dataStatusText }, { weight: 1, arbitrary: jsonText }),
        ),
        {
          maxLength: 6,
        },
      )
      .map(objectText),
  },
  { weight: 1, arbitrary: jsonText },
);

// ── reference readings, written from the contract, not from the implementation ──────────────────────────────
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const optionalString = (value: unknown): boolean => value === undefined || typeof value === 'string';
/** Own enumerable keys except `__proto__`, which the schemas drop without looking at it. */
const keysOf = (value: Record<string, unknown>): string[] =>
  Object.keys(value).filter((k) => k !== '__proto__');
/** Only the named fields that are present. */
const pick = (value: Record<string, unknown>, names: readonly string[]): Record<string, unknown> =>
  Object.fromEntries(
    names.filter((n) => value[n] !== undefined && n !== '__proto__').map((n) => [n, value[n]]),
  );

const CONNECTION_FIELDS = ['id', 'platformName', 'status', 'linkUrl', 'lastSync', 'sourceType', 'created'];
const STATUS_FIELDS = ['dataType', 'currentStatus', 'lastSuccessfulSync', 'latestSyncId'];

function expectedConnection(value: unknown): Record<string, unknown> | undefined {
  if (!isRecord(value)) return undefined;
  const ok =
    typeof value['id'] === 'string' &&
    typeof value['platformName'] === 'string' &&
    typeof value['status'] === 'string' &&
    ['linkUrl', 'lastSync', 'sourceType', 'created'].every((k) => optionalString(value[k]));
  return ok ? pick(value, CONNECTION_FIELDS) : undefined;
}

function expectedCompany(value: unknown): Record<string, unknown> | undefined {
  if (!isRecord(value)) return undefined;
  if (!['id', 'name', 'redirect'].every((k) => typeof value[k] === 'string')) return undefined;
  const raw = value['dataConnections'] ?? [];
  if (!Array.isArray(raw)) return undefined;
  const connections = raw.map(expectedConnection);
  if (connections.some((c) => c === undefined)) return undefined;
  return { ...pick(value, ['id', 'name', 'redirect']), dataConnections: connections };
}

function expectedStatuses(value: unknown): Record<string, unknown> | undefined {
  if (!isRecord(value)) return undefined;
  const entries: [string, unknown][] = [];
  for (const key of keysOf(value)) {
    const status = value[key];
    if (
      !isRecord(status) ||
      typeof status['dataType'] !== 'string' ||
      !['currentStatus', 'lastSuccessfulSync', 'latestSyncId'].every((k) => optionalString(status[k]))
    ) {
      return undefined;
    }
    entries.push([key, pick(status, STATUS_FIELDS)]);
  }
  return Object.fromEntries(entries);
}

/** A typed success equal to the reference reading, or a failure with readable issues when there is none. */
function assertParsed(parsed: Parsed<unknown>, expected: Record<string, unknown> | undefined): void {
  if (expected === undefined) {
    assert.equal(parsed.success, false, `accepted: ${JSON.stringify(parsed)}`);
    if (parsed.success) return;
    assert.ok(parsed.issues.length > 0, 'a failure says why');
    for (const issue of parsed.issues) assert.ok(typeof issue === 'string' && issue.length > 0);
    return;
  }
  assert.equal(parsed.success, true, `refused: ${JSON.stringify(parsed)}`);
  if (!parsed.success) return;
  assert.deepStrictEqual(parsed.data, expected);
  assert.equal(Object.getPrototypeOf(parsed.data), Object.prototype);
}

function assertNoPollution(): void {
  assert.deepEqual(Object.getOwnPropertyNames(Object.prototype).sort(), PROTOTYPE_NAMES);
  const probe: Record<string, unknown> = {};
  for (const key of ['id', 'dataType', 'currentStatus', 'error', 'message', 'status']) {
    assert.equal(probe[key], undefined, `Object.prototype.${key} was set`);
  }
}

describe('fuzz: response schemas', () => {
  after(assertNoPollution);

  it('parseCompany: any JSON is a typed company or a failure with issues', () => {
    let accepted = 0;
    fuzz(fc.oneof({ weight: 4, arbitrary: companyText }, { weight: 1, arbitrary: jsonText }), (text) => {
      const value: unknown = JSON.parse(text);
      const parsed = parseCompany(value);
      assertParsed(parsed, expectedCompany(value));
      if (parsed.success) accepted += 1;
    });
    console.log(`fuzz: ${accepted} accepted, ${NUM_RUNS - accepted} refused`);
    assert.ok(accepted > 500 && NUM_RUNS - accepted > 500, 'both outcomes were exercised');
  });

  it('parserOf(DataStatusesSchema): any JSON is typed statuses or a failure with issues', () => {
    let accepted = 0;
    fuzz(dataStatusesText, (text) => {
      const value: unknown = JSON.parse(text);
      const parsed = parseDataStatuses(value);
      assertParsed(parsed, expectedStatuses(value));
      if (parsed.success) accepted += 1;
    });
    console.log(`fuzz: ${accepted} accepted, ${NUM_RUNS - accepted} refused`);
    assert.ok(accepted > 500 && NUM_RUNS - accepted > 500, 'both outcomes were exercised');
  });
});

describe('fuzz: describeErrorBody', () => {
  after(assertNoPollution);

  const errorText = objectOf({
    error: field(fc.oneof(fc.string(), fc.constantFrom('', '   ', 'Company name is required.'))),
    code: field(fc.constantFrom('invalid-name', 'rate-limited', '')),
    field: field(fc.constantFrom('name', 'tags', '')),
    validation: fc.oneof(
      objectOf({
        errors: fc.oneof(
          fc
            .array(fc.oneof(objectOf({ message: field(), itemId: field() }), jsonText), { maxLength: 4 })
            .map((items) => `[${items.join(',')}]`),
          jsonText,
        ),
        warnings: field(),
      }),
      jsonText,
      fc.constant(undefined),
    ),
  });
  const bodyText = fc.oneof(
    { weight: 4, arbitrary: errorText },
    { weight: 2, arbitrary: jsonText },
    { weight: 1, arbitrary: anyText },
    {
      weight: 1,
      arbitrary: fc.constantFrom('', '<html><body>502 Bad Gateway</body></html>', '{"error":', 'null'),
    },
  );
  /** The reference reading: our `{error, code, field}` or the platform's `{error, validation}`. */
  function expected(text: string): Record<string, string> {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    const body: Record<string, unknown> =
      isRecord(json) && ['error', 'code', 'field', 'correlationId'].every((k) => optionalString(json[k]))
        ? json
        : {};
    const errors = isRecord(body['validation']) ? body['validation']['errors'] : undefined;
    const validation = Array.isArray(errors)
      ? errors.flatMap((item: unknown) =>
          isRecord(item) && typeof item['message'] === 'string' && item['message'] !== ''
            ? [item['message']]
            : [],
        )
      : [];
    const said = [body['error'], ...validation].filter(
      (m): m is string => typeof m === 'string' && m.trim() !== '',
    );
    const serverText = said.join(' ');
    return {
      ...(serverText === '' ? {} : { serverText }),
      ...(typeof body['code'] === 'string' && { code: body['code'] }),
      ...(typeof body['field'] === 'string' && { field: body['field'] }),
      ...(typeof body['correlationId'] === 'string' && { correlationId: body['correlationId'] }),
    };
  }

  it('any body text gives only text: the sentence the server sent, code, field and correlation id', () => {
    fuzz(bodyText, (text) => {
      assert.deepStrictEqual(describeErrorBody(text), expected(text));
    });
  });
});

describe('fuzz: the fetch adapter over arbitrary answers', () => {
  after(assertNoPollution);

  const answer = fc.record({
    status: fc.oneof(
      { weight: 3, arbitrary: fc.constant(200) },
      { weight: 1, arbitrary: fc.constantFrom(201, 204, 400, 401, 403, 404, 409, 422, 429, 500, 502, 503) },
    ),
    body: fc.oneof(companyText, dataStatusesText, jsonText, anyText, fc.constant('')),
    contentType: fc.constantFrom('application/json', 'text/html', 'application/json; charset=utf-8'),
    retryAfter: fc.option(fc.constantFrom('0', '1', 'soon', '-5', 'Wed, 21 Oct 2015 07:28:00 GMT'), {
      nil: null,
    }),
    call: fc.constantFrom('createCompany', 'getCompany', 'getDataStatus', 'refreshData'),
  });

  it('every call resolves to a checked value or rejects with a BackendError, nothing else', async () => {
    const counts = { resolved: 0, rejected: 0 };
    await fuzzAsync(answer, async ({ status, body, contentType, retryAfter, call }) => {
      const fake: typeof fetch = () =>
        Promise.resolve(
          new Response(status === 204 ? null : body, {
            status,
            headers: {
              'content-type': contentType,
              ...(retryAfter !== null && { 'retry-after': retryAfter }),
            },
          }),
        );
      const backend = createFetchBackend({ baseUrl: 'http://127.0.0.1:9/api', fetch: fake, retries: 0 });
      const id = '3f1c2b9e-8d7a-4c6b-9e5f-1a2b3c4d5e6f';
      let result: unknown;
      try {
        switch (call) {
          case 'createCompany':
            result = await backend.createCompany({ name: 'Acme' }, { idempotencyKey: 'k'.repeat(20) });
            break;
          case 'getCompany':
            result = await backend.getCompany(id);
            break;
          case 'getDataStatus':
            result = await backend.getDataStatus(id);
            break;
          case 'refreshData':
            result = await backend.refreshData(id);
            break;
        }
      } catch (error) {
        counts.rejected += 1;
        assert.ok(error instanceof BackendError, `rejected with ${String(error)}`);
        assert.ok(error.message.length > 0);
        return;
      }
      counts.resolved += 1;
      assert.ok(status >= 200 && status < 300, `resolved on HTTP ${status}`);
      if (call === 'refreshData') {
        assert.equal(result, undefined); // a refresh reads no body
        return;
      }
      // It resolved, so the body was JSON; the adapter reads a null field (not an array item) as absent.
      const value: unknown = JSON.parse(body, function (this: unknown, _key, item: unknown) {
        return item === null && !Array.isArray(this) ? undefined : item;
      });
      if (call === 'getDataStatus') assert.deepStrictEqual(result, expectedStatuses(value));
      else assert.deepStrictEqual(result, expectedCompany(value));
    });
    console.log(`fuzz: ${counts.resolved} resolved, ${counts.rejected} rejected`);
    assert.ok(counts.resolved > 500 && counts.rejected > 500, 'both outcomes were exercised');
  });
});
