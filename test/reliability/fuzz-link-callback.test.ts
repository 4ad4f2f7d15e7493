/**
 * Property-based fuzzing of everything a Link callback URL reaches: `parseLinkCallback`, `isLinkCallback`,
 * `withoutCallbackParams` and the pure machine's answer to `LINK.CALLBACK`. A callback URL is attacker
 * controlled (anyone can send a user a link to our page with any query), so for arbitrary query strings
 * (repeated and case-varied names, Unicode, lone surrogates, percent-encoding garbage) nothing may throw, a
 * `success` needs a status of exactly 200/201, and the journey moves on only with this journey's nonce, and
 * then only to `confirming`, where the backend must still show a Linked connection.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isLinkCallback, parseLinkCallback, withoutCallbackParams } from '../../src/link/callback.ts';
import {
  initialContext,
  transition,
  type JourneySnapshot,
  type JourneyState,
  type LinkOutcome,
} from '../../src/machine/index.ts';
import { CALLBACK_NAMES } from '../link/callback-names.ts';
import { anyText, asciiLower, encodeLoosely, fuzz, percentGarbage } from './fuzz.ts';

const CALLBACK_NAMES_LOWER = new Set(CALLBACK_NAMES.map(asciiLower));

const COMPANY_ID = '3f1c2b9e-8d7a-4c6b-9e5f-1a2b3c4d5e6f';

/** Parameter names: callback names in any case, near misses, look-alikes, and anything else. */
const nameArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.mixedCase(fc.constantFrom(...CALLBACK_NAMES)) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'statusCode ',
      ' statusCode',
      'status_code',
      'statusCode[]',
      'ſtatusCode', // long s: upper-cases to S, but lower-case stays ſ
      'ＳtatusCode', // full-width S
      'statusCode\u0000',
      'state\u200b',
      'ﬆate', // the ligature ﬆ
      '%73tatusCode', // percent-encoded name: decodes to statusCode, which is fine
      'stat%75s%43ode',
      'STATE',
      'sta+te',
      'companyid%00',
    ),
  },
  { weight: 2, arbitrary: anyText },
);

/** Status codes: the five Codat sends, near misses, other digits and garbage. */
const statusArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('200', '201', '403', '500', '501') },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '+200', // `+` is a space in a query string: " 200"
      '%20200',
      '200%20',
      '%09201',
      '200%00',
      '%32%30%30',
      '2%300',
      '２００', // full-width digits
      '٢٠٠', // Arabic-Indic digits
      '200.0',
      '2e2',
      '0x0C8',
      '0200',
      '20',
      '2000',
      '200,201',
      '200&statusCode=403',
      '-200',
      '',
    ),
  },
  { weight: 1, arbitrary: fc.integer({ min: -1000, max: 1000 }).map(String) },
  { weight: 2, arbitrary: anyText },
);

/** A query string: pairs (values encoded or raw), odd separators, an optional `?`, or plain junk. */
function queryArb(value: (name: string) => fc.Arbitrary<string>): fc.Arbitrary<string> {
  const pair = nameArb.chain((name) =>
    fc
      .tuple(
        fc.constant(name),
        fc.option(value(name), { nil: null }),
        fc.boolean(),
        fc.constantFrom('&', '&', '&', ';', '&&', '#', '?'),
      )
      .map(([n, v, encode, separator]) => {
        const text = v === null ? n : `${n}=${encode ? encodeLoosely(v) : v}`;
        return `${text}${separator}`;
      }),
  );
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .tuple(fc.constantFrom('?', '', '??'), fc.array(pair, { maxLength: 12 }))
        .map(([prefix, pairs]) => prefix + pairs.join('')),
    },
    { weight: 1, arbitrary: anyText },
    { weight: 1, arbitrary: fc.webQueryParameters().map((query) => `?${query}`) },
  );
}

/**
 * A query shaped like a real callback (statusCode and state always there, in any case and position, maybe
 * repeated), mixed with the free-form queries of {@link queryArb}.
 */
function callbackQueryArb(state: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const named = (name: string, value: fc.Arbitrary<string>): fc.Arbitrary<string> =>
    fc
      .tuple(fc.mixedCase(fc.constant(name)), value, fc.boolean())
      .map(([n, v, encode]) => `${n}=${encode ? encodeLoosely(v) : v}`);
  const status = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom('200', '201', '403', '500', '501') },
    { weight: 1, arbitrary: statusArb },
  );
  const optional = fc.constantFrom(
    'companyId',
    'connectionId',
    'errorMessage',
    'platform',
    'statusCode',
    'state',
  );
  const structured = fc
    .tuple(
      named('statusCode', status),
      named('state', state),
      fc.array(
        optional.chain((name) => named(name, valueFor(state)(name))),
        { maxLength: 4 },
      ),
      fc.array(
        nameArb.chain((name) => named(name, valueFor(state)(name))),
        { maxLength: 3 },
      ),
    )
    .chain(([statusPair, statePair, extra, noise]) =>
      fc.shuffledSubarray([statusPair, statePair, ...extra, ...noise], {
        minLength: 2 + extra.length + noise.length,
      }),
    )
    .map((pairs) => `?${pairs.join('&')}`);
  return fc.oneof({ weight: 4, arbitrary: structured }, { weight: 1, arbitrary: queryArb(valueFor(state)) });
}

/** Values by parameter name: status codes for `statusCode`, anything for the rest. */
const valueFor =
  (state: fc.Arbitrary<string> = anyText) =>
  (name: string): fc.Arbitrary<string> => {
    const lower = asciiLower(name);
    if (lower === 'statuscode') return statusArb;
    if (lower === 'state') return state;
    if (lower === 'companyid') return fc.oneof(fc.constant(COMPANY_ID), fc.uuid(), anyText);
    return fc.oneof(anyText, percentGarbage);
  };

/**
 * The reference reading of a parameter, written independently of the parser: the first occurrence of the name
 * (ASCII case-insensitive) after URL decoding; empty counts as absent.
 */
function firstParam(search: string, name: string): string | null {
  for (const [key, value] of new URLSearchParams(search)) {
    if (asciiLower(key) === asciiLower(name)) return value === '' ? null : value;
  }
  return null;
}

describe('fuzz: parseLinkCallback and isLinkCallback', () => {
  it('never throw; success only for a statusCode of exactly 200/201 (whitespace aside)', () => {
    fuzz(callbackQueryArb(anyText), (search) => {
      const outcome = parseLinkCallback(search);
      const raw = firstParam(search, 'statusCode');
      const status = raw?.trim() ?? null;

      assert.equal(isLinkCallback(search), raw !== null);
      assert.equal(outcome.state, firstParam(search, 'state'));
      switch (status) {
        case '200':
        case '201':
          assert.deepEqual(outcome, {
            kind: 'success',
            statusCode: Number(status),
            state: firstParam(search, 'state'),
            companyId: firstParam(search, 'companyId'),
            connectionId: firstParam(search, 'connectionId'),
          });
          break;
        case '403':
          assert.equal(outcome.kind, 'cancelled');
          break;
        case '500':
          assert.ok(outcome.kind === 'failed' && outcome.code === 'link-failed');
          break;
        case '501':
          assert.ok(outcome.kind === 'failed' && outcome.code === 'platform-not-supported');
          break;
        default:
          assert.ok(
            outcome.kind === 'failed' && outcome.code === 'callback-invalid',
            JSON.stringify(outcome),
          );
      }
      if (outcome.kind === 'success') assert.ok(outcome.statusCode === 200 || outcome.statusCode === 201);
      // Only Link's own errorMessage is carried, and only on a 500; every other outcome says it by code.
      if (outcome.kind === 'failed' && outcome.code !== 'link-failed') assert.equal(outcome.detail, null);
    });
  });
});

describe('fuzz: the machine fed a parsed callback while linking', () => {
  /** Nonces: ours are 32 hex digits, but the machine must not care what they look like. */
  const nonceArb = fc.oneof(
    fc.stringMatching(/^[0-9a-f]{32}$/),
    fc.string({ minLength: 1, maxLength: 40 }),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }),
  );

  const linking = (linkState: string, home: 'overview' | null): JourneySnapshot => ({
    state: 'linking',
    context: {
      ...initialContext,
      companyName: 'Acme Ltd',
      idempotencyKey: 'key-0123456789abcdef',
      companyId: COMPANY_ID,
      company: { id: COMPANY_ID, name: 'Acme Ltd', redirect: `https://link.codat.io/company/${COMPANY_ID}` },
      linkState,
      home,
    },
  });

  /** A callback query that carries the journey's own nonce about half the time, or a near miss of it. */
  const scenario = fc
    .tuple(nonceArb, fc.constantFrom<'overview' | null>(null, null, 'overview'))
    .chain(([nonce, home]) => {
      const stateValue = fc.oneof(
        { weight: 5, arbitrary: fc.constant(nonce) },
        {
          weight: 3,
          arbitrary: fc.constantFrom(
            nonce.toUpperCase(),
            ` ${nonce}`,
            `${nonce} `,
            nonce.slice(1),
            `${nonce}x`,
            nonce.slice(0, -1),
          ),
        },
        { weight: 2, arbitrary: anyText },
      );
      return fc.tuple(fc.constant(nonce), fc.constant(home), callbackQueryArb(stateValue));
    });

  it('reaches confirming (with a checkLink effect, never a success state) only with its own nonce', () => {
    const reached = new Map<JourneyState, number>();
    fuzz(scenario, ([nonce, home, search]) => {
      const before = linking(nonce, home);
      const outcome: LinkOutcome = parseLinkCallback(search);
      const after = transition(before, { type: 'LINK.CALLBACK', outcome });
      reached.set(after.state, (reached.get(after.state) ?? 0) + 1);

      assert.ok(['confirming', 'error', home ?? 'ready'].includes(after.state), after.state);
      // The machine never starts a sync, creates, loads or opens Link on a callback.
      for (const effect of after.effects)
        assert.ok(['checkLink', 'closeLink', 'emit'].includes(effect.type), effect.type);

      if (outcome.state !== nonce) {
        // On the dashboard, a failure shows on the dashboard itself.
        assert.equal(after.state, home === null ? 'error' : 'overview');
        assert.equal(after.context.error?.code, 'callback-state-mismatch');
        // Text from the URL (errorMessage) is never carried for a callback that is not ours.
        assert.deepEqual(after.context.error?.params, {});
      } else {
        assert.equal(after.context.linkState, null, 'the nonce is spent');
      }
      if (after.state === 'confirming') {
        assert.ok(outcome.kind === 'success', outcome.kind);
        assert.equal(outcome.state, nonce);
        assert.ok(outcome.companyId === null || outcome.companyId === COMPANY_ID);
        assert.deepEqual(after.effects, [
          { type: 'closeLink' },
          { type: 'checkLink', companyId: COMPANY_ID },
        ]);
        assert.equal(after.context.connectionId, outcome.connectionId);
      }
      // Replaying the same callback changes nothing: the journey has left `linking`.
      const replay = transition(after, { type: 'LINK.CALLBACK', outcome });
      assert.equal(replay.state, after.state);
      assert.equal(replay.context, after.context);
      assert.deepEqual(replay.effects, []);
    });
    console.log(`fuzz: states reached ${JSON.stringify(Object.fromEntries(reached))}`);
    // The generator is not vacuous: every kind of answer was seen.
    for (const state of ['confirming', 'error', 'ready'] as const) {
      assert.ok((reached.get(state) ?? 0) > 100, `too few runs reached ${state}`);
    }
  });

  it('outside linking a callback is ignored in every state, whatever it says', () => {
    const states: JourneyState[] = [
      'idle',
      'creating',
      'loading',
      'ready',
      'confirming',
      'syncing',
      'complete',
      'error',
      'overview',
    ];
    const arb = fc
      .tuple(fc.constantFrom(...states), nonceArb)
      .chain(([state, nonce]) =>
        fc.tuple(
          fc.constant(state),
          fc.constant(nonce),
          callbackQueryArb(fc.oneof(fc.constant(nonce), anyText)),
        ),
      );
    fuzz(arb, ([state, nonce, search]) => {
      const before: JourneySnapshot = { state, context: linking(nonce, null).context };
      const after = transition(before, { type: 'LINK.CALLBACK', outcome: parseLinkCallback(search) });
      assert.equal(after.state, state);
      assert.equal(after.context, before.context);
      assert.deepEqual(after.effects, []);
    });
  });
});

describe('fuzz: withoutCallbackParams', () => {
  const hrefArb = fc
    .tuple(
      fc.constantFrom('https://app.example/onboard', 'http://127.0.0.1:5173/signup/', 'https://app.example/'),
      fc.oneof(queryArb(valueFor()), callbackQueryArb(anyText)),
      fc.option(fc.string({ maxLength: 10 }), { nil: null }),
    )
    .map(([page, query, hash]) => {
      const search = query.startsWith('?') ? query : `?${query}`;
      return `${page}${search}${hash === null ? '' : `#${hash}`}`;
    });

  it('never throws, removes every callback parameter (any case) and keeps all others, in order', () => {
    fuzz(hrefArb, (href) => {
      const before = new URL(href);
      const cleaned = withoutCallbackParams(href);
      const after = new URL(cleaned);
      const kept = [...before.searchParams].filter(([name]) => !CALLBACK_NAMES_LOWER.has(asciiLower(name)));

      assert.deepEqual([...after.searchParams], kept);
      assert.equal(after.origin, before.origin);
      assert.equal(after.pathname, before.pathname);
      assert.equal(after.hash, before.hash);
      assert.equal(isLinkCallback(after.search), false);
      assert.equal(withoutCallbackParams(cleaned), cleaned, 'idempotent');
    });
  });
});
