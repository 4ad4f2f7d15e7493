/**
 * The published attack list: each attack, what is promised, and the test that proves it (file + exact title).
 * `scripts/reliability-doc.mjs` renders it into docs/RELIABILITY.md and fails when a title is not in its file.
 */
export interface AttackCase {
  readonly attack: string;
  readonly promise: string;
  readonly file: string;
  readonly title: string;
}

export const ATTACK_CASES: readonly AttackCase[] = [
  {
    attack: 'Forged callback: `statusCode=200` with a `state` that is not the journey’s',
    promise: 'Refused as `callback-state-mismatch`; nothing is linked; one company',
    file: 'test/e2e/link-journeys.test.ts',
    title:
      'forged callback (a state that is not the journey’s) reaching the element: refused, nothing linked',
  },
  {
    attack: 'Forged success: the right `state`, `statusCode=200`, but nothing authorised',
    promise: 'Trusted only after the backend shows a Linked connection: `link-not-confirmed`',
    file: 'test/e2e/link-journeys.test.ts',
    title:
      'a success with the right state but nothing authorised: link-not-confirmed; "Try again" then completes',
  },
  {
    attack: 'Missing `state`',
    promise: 'Parsed as `null`, which never matches a journey',
    file: 'test/link/callback.test.ts',
    title: 'treats a missing state as null so the machine refuses it',
  },
  {
    attack: 'Mismatched and replayed `state`',
    promise: 'A nonce is required, must match and is spent on first use',
    file: 'test/machine/journey.test.ts',
    title: 'refuses a callback without a state, with another state, or replayed',
  },
  {
    attack: 'Replayed callback URL after the journey completed',
    promise: 'Ignored: still complete, no error, nothing created',
    file: 'test/e2e/link-journeys.test.ts',
    title: 'on the sign-up page itself: ignored, still complete, no error, nothing created',
  },
  {
    attack: 'A callback naming another company',
    promise: 'Refused as `callback-company-mismatch`',
    file: 'test/machine/journey.test.ts',
    title: 'refuses a callback that names another company, accepts one that names none',
  },
  {
    attack: '`javascript:`, `data:` and foreign-host Link URLs from a compromised backend',
    promise: 'Never opened: `link-url-rejected`, no window',
    file: 'test/element/sign-up.test.ts',
    title: 'never opens a Link URL outside the allowed origins',
  },
  {
    attack: 'Link URL look-alikes (`link.codat.io.evil.example`, plain `http:`)',
    promise: 'Only https (http on loopback) origins in `link-origins`',
    file: 'test/link/link-url.test.ts',
    title: 'refuses plain http on a non-loopback host even when listed',
  },
  {
    attack: 'postMessage from another window (or origin)',
    promise: 'Only our origin and the popup we opened are heard',
    file: 'test/link/handoff.browser.test.ts',
    title: 'ignores a postMessage from a window other than the popup it opened',
  },
  {
    attack: 'Same-origin channel messages for another journey',
    promise: 'Taken only with this journey’s `state`',
    file: 'test/link/handoff.browser.test.ts',
    title: 'ignores channel messages for another journey and anything that is not a callback message',
  },
  {
    attack: 'Fuzzed callback URLs (fast-check, 10,000 runs)',
    promise: 'The parser never throws; success only for statusCode 200/201',
    file: 'test/reliability/fuzz-link-callback.test.ts',
    title: 'never throw; success only for a statusCode of exactly 200/201 (whitespace aside)',
  },
  {
    attack: 'Fuzzed callbacks into the machine (10,000 runs)',
    promise: 'Never a success state: only `confirming` with its own nonce',
    file: 'test/reliability/fuzz-link-callback.test.ts',
    title: 'reaches confirming (with a checkLink effect, never a success state) only with its own nonce',
  },
  {
    attack: 'Fuzzed company responses (10,000 runs)',
    promise: 'A typed company or a failure with issues, never a throw',
    file: 'test/reliability/fuzz-backend-schemas.test.ts',
    title: 'parseCompany: any JSON is a typed company or a failure with issues',
  },
  {
    attack: 'Fuzzed data-status responses (10,000 runs)',
    promise: 'Typed statuses or a failure with issues, never a throw',
    file: 'test/reliability/fuzz-backend-schemas.test.ts',
    title: 'parserOf(DataStatusesSchema): any JSON is typed statuses or a failure with issues',
  },
  {
    attack: 'A company name carrying markup',
    promise:
      'Refused before sending by the server’s own rules, the characters named as text, the typed name kept',
    file: 'test/element/sign-up.test.ts',
    title: 'refuses a name with markup itself, naming the characters as text, keeping what was typed',
  },
  {
    attack: 'Forbidden characters in a name',
    promise: '400 naming the field; nothing created',
    file: 'test/reliability/attacks.test.ts',
    title:
      'markup, control, bidi and other characters the platform would strip are refused (400, field name)',
  },
  {
    attack: 'Over-long names',
    promise: '400 over 100 characters; exactly 100 fit',
    file: 'test/reliability/attacks.test.ts',
    title: 'over-long names are refused whatever they are made of; 100 characters fit',
  },
  {
    attack: 'Reading, polling or refreshing a company `authorize` does not grant',
    promise: '403, nothing leaked, the platform never asked',
    file: 'test/reliability/attacks.test.ts',
    title: 'bob cannot read, poll or refresh it: 403, nothing leaked, the platform never asked',
  },
  {
    attack: 'Probing which companies exist',
    promise: 'A denied company and a missing one answer alike',
    file: 'test/reliability/attacks.test.ts',
    title: 'no existence oracle: a denied real company and a company that does not exist answer alike',
  },
  {
    attack: 'Re-linking a company `authorize` does not grant',
    promise: 'The Link URL is never handed over',
    file: 'test/reliability/attacks.test.ts',
    title: 're-linking needs the Link URL, which bob’s widget cannot get: a non-retryable forbidden error',
  },
  {
    attack: 'Queuing a data type on a company `authorize` does not grant',
    promise: '403 `forbidden` (asked with action `refresh` and the company); the platform never asked',
    file: 'test/server/queue-data-type.test.ts',
    title: 'asks authorize for action refresh on that company; a refusal is 403 and reaches no platform',
  },
  {
    attack:
      'A path segment that is not a data type in `POST /companies/{id}/refresh/{dataType}` (`invoices%2Fx`)',
    promise: '400 `invalid-data-type` from the SDK’s list before any platform call; the text is not echoed',
    file: 'test/server/queue-data-type.test.ts',
    title: 'refuses a data type the SDK does not know with 400 invalid-data-type, before any platform call',
  },
  {
    attack: 'Replaying someone else’s Idempotency-Key',
    promise: 'The stored company is handed over only if `authorize` grants reading it',
    file: 'test/reliability/attacks.test.ts',
    title: 'bob cannot obtain alice’s company by replaying her Idempotency-Key',
  },
  {
    attack: 'Joining another caller’s create while it runs, with their Idempotency-Key and body',
    promise: 'Treated as a replay: the company only if `authorize` grants reading it, else 403; made once',
    file: 'test/reliability/attacks.test.ts',
    title: 'bob joining alice’s in-flight create with her key and body gets 403, never her company',
  },
  {
    attack: 'A handler deployed without an `authorize` hook',
    promise:
      "Refuses to start, naming the option; everyone is allowed only with `authorize: 'allow-everyone'`",
    file: 'test/server/cross-site.test.ts',
    title: 'without an authorize hook the handler refuses to start, naming the option and the opt-in',
  },
  {
    attack: 'Cross-site writes: a form, a `no-cors` or a JSON fetch from a page of another site',
    promise: '403 `cross-site-request` (or stopped by the preflight); no company created, no refresh',
    file: 'test/e2e/cross-site.test.ts',
    title: 'from another site: no form, no-cors or JSON fetch creates a company or refreshes one',
  },
  {
    attack: 'The same, from another port of the same host (same site, another origin)',
    promise: 'Refused alike: only the server’s own origin and `allowedOrigins` may write',
    file: 'test/e2e/cross-site.test.ts',
    title:
      'from another port of the same host: no form, no-cors or JSON fetch creates a company or refreshes one',
  },
  {
    attack:
      'Forged `Sec-Fetch-Site` / `Origin` combinations (`same-site`, `none`, `Origin: null`, no `Sec-Fetch-Site`)',
    promise: '403 before `authorize` and the platform on every write route',
    file: 'test/server/cross-site.test.ts',
    title:
      'refuses what a page of another site, another port or an opaque origin sends: 403, authorize and platform never asked',
  },
  {
    attack: 'Writes as form or plain-text bodies (what a page may send unasked)',
    promise: '415: writes are JSON only, refreshes included (`{}`)',
    file: 'test/server/cross-site.test.ts',
    title: 'takes writes only as JSON, which no page of another site can send unasked',
  },
  {
    attack: 'Setting the reserved tag as ` OnboardIdempotencyKey` or in capitals',
    promise: '400 `invalid-tags` naming the reserved tag, before the platform',
    file: 'test/server/create-once.test.ts',
    title: 'the caller may not set the reserved tag, with or without a key, in any case or spacing',
  },
  {
    attack:
      'A `Host` header carrying a path (`Host: host/api`) or user info, an absolute-form request target',
    promise: '400 for the header; the path comes from the request target alone',
    file: 'test/server/node-adapter.test.ts',
    title: 'takes path and query from the request target alone: a Host carrying a path is a 400',
  },
  {
    attack: 'A body trickling in (slowloris)',
    promise: '408 `request-timeout` at `bodyTimeoutMs` (default 10 s), connection closed',
    file: 'test/reliability/attacks.test.ts',
    title:
      'a body trickling in (slowloris): 408 at bodyTimeoutMs, long before Node’s 5 minutes, connection closed',
  },
  {
    attack: 'A return address in storage that is on another origin, `javascript:`, `data:` or unparsable',
    promise: "The callback page does not navigate: `'unsafe-return'`, and the demo page says why",
    file: 'test/link/callback-page.test.ts',
    title:
      'never follows a saved return address off its own origin, nor javascript:, data: or junk: unsafe-return',
  },
  {
    attack:
      'A caller steering the simulator through the tag `simulatorScenario` (sent through the reference server)',
    promise: 'A plain tag, as on Codat, unless the simulator was created with `scenarioTag: true`',
    file: 'test/simulator/scenarios.test.ts',
    title: 'sent through the reference server, it steers nothing',
  },
  {
    attack: 'A huge declared `Content-Length` to the simulator’s control API',
    promise: '413 before any of the body is read',
    file: 'test/simulator/control-safety.test.ts',
    title: 'answers 413 to a declared Content-Length over 16 KiB before any of the body is sent',
  },
  {
    attack: 'An endless chunked upload to the control API',
    promise: 'Bytes counted; 413 and the upload cancelled just past the limit',
    file: 'test/simulator/control-safety.test.ts',
    title: 'answers 413 to an endless chunked body, cancelling it just past 16 KiB',
  },
  {
    attack: 'A page of another site posting a fault or a setting to the simulator',
    promise: '403, nothing injected',
    file: 'test/simulator/control-safety.test.ts',
    title: 'refuses POSTs from another site, another port or a sandboxed page with 403 and injects nothing',
  },
  {
    attack: 'A page of another site reading the simulator’s control state',
    promise: '403',
    file: 'test/simulator/control-safety.test.ts',
    title: 'refuses a cross-site GET too: no other site reads its state',
  },
  {
    attack: 'DNS rebinding: a page’s own name pointed at the simulator, driving its API',
    promise: '403 unless the `Host` is loopback or in `allowedHosts`; nothing created',
    file: 'test/simulator/host-check.test.ts',
    title: 'refuses a forged Host on the API with a 403 in the platform error shape, creating nothing',
  },
  {
    attack: 'DNS rebinding against the Link pages or the control API',
    promise: '403',
    file: 'test/simulator/host-check.test.ts',
    title: 'refuses a forged Host on the Link pages and the control API',
  },
  {
    attack: 'The simulator bound to a network address by mistake (`0.0.0.0`, a LAN address)',
    promise: '`startSimulator` throws, naming `exposeToNetwork`',
    file: 'test/simulator/start.test.ts',
    title:
      'refuses to bind 0.0.0.0, ::, a network address or name without exposeToNetwork, naming the option',
  },
  {
    attack: 'The simulator exposed on purpose, then reached under a foreign `Host`',
    promise: 'One warning; the `Host` must still be loopback or allowed',
    file: 'test/simulator/start.test.ts',
    title: 'with exposeToNetwork binds a wildcard after one warning; Host must still be loopback or allowed',
  },
  {
    attack: 'A forged `Host` on the demo’s first `/api` request, to send the demo’s API key elsewhere',
    promise: 'The platform URL comes from the address the demo listens on; nothing reaches the forged host',
    file: 'test/e2e/demo-host.test.ts',
    title: 'a forged Host on the first /api request does not send the backend, or its API key, to that host',
  },
  {
    attack: 'A forged `Host` to the simulator mounted in the demo',
    promise: '403',
    file: 'test/e2e/demo-host.test.ts',
    title: 'the simulator mounted in the demo refuses a forged Host with 403',
  },
  {
    attack:
      'A page of another site driving the demo’s `/demo/*` helpers, or a forged `Host` moving its Link URLs',
    promise: '403 `cross-site-request`; Link URLs stay on the demo’s own address',
    file: 'test/e2e/demo-host.test.ts',
    title:
      '/demo/* makes Link URLs on the demo’s own address whatever the Host, and refuses cross-site pages',
  },
  {
    attack: 'Disconnecting a connection of a company `authorize` does not grant',
    promise: '403 `forbidden` (asked with action `disconnect` and the company); the platform never asked',
    file: 'test/server/disconnect.test.ts',
    title: 'asks authorize for action disconnect on that company; a refusal is 403 and reaches no platform',
  },
  {
    attack: 'A disconnect sent by a page of another site',
    promise: '403 `cross-site-request`, before `authorize` and the platform',
    file: 'test/server/disconnect.test.ts',
    title:
      'refuses a disconnect a page of another site sent: 403 cross-site-request, before authorize and the platform',
  },
  {
    attack: 'A connection id that is not a UUID in the disconnect path',
    promise: '400 `invalid-connection-id` before any platform call',
    file: 'test/server/disconnect.test.ts',
    title:
      'refuses a connection id that is not a UUID with 400 invalid-connection-id, before any platform call',
  },
  {
    attack: 'Reading the sync history of a company `authorize` does not grant',
    promise: '403 `forbidden` (asked with action `read`); the platform never asked',
    file: 'test/server/sync-history.test.ts',
    title: 'asks authorize for action read on that company; a refusal is 403 and reaches no platform',
  },
  {
    attack: 'Deleting a company `authorize` does not grant',
    promise: '403 `forbidden` (asked with action `delete`); the platform never asked',
    file: 'test/server/delete-company.test.ts',
    title: 'asks authorize for action delete on that company; a refusal is 403 and reaches no platform',
  },
  {
    attack: 'A delete sent by a page of another site',
    promise: '403 `cross-site-request`, before `authorize` and the platform',
    file: 'test/server/delete-company.test.ts',
    title:
      'refuses a delete a page of another site sent: 403 cross-site-request, before authorize and the platform',
  },
  {
    attack: 'Deleting without typing the company’s name (a wrong or partial name, Enter pressed)',
    promise: 'Nothing is deleted: the request is made only for the exact name',
    file: 'test/e2e/dashboard-control.test.ts',
    title: 'delete: only the typed company name deletes it; the element ends saying so',
  },
  {
    attack: 'Request bodies over the size limit',
    promise: '413 without reading the rest',
    file: 'test/reliability/attacks.test.ts',
    title: 'an endless chunked upload: 413 after about maxBodyBytes, while the client is still sending',
  },
  {
    attack: 'The API key leaking',
    promise: 'Never in a response body, header, error or log line',
    file: 'test/reliability/attacks.test.ts',
    title: 'bodies, headers, log lines and client errors, over success and every failure path',
  },
  {
    attack: 'The API key in the browser bundle',
    promise: 'Absent from every built file',
    file: 'test/reliability/bundle-secrets.test.ts',
    title: 'built now from src with vite.config.ts (into a temporary folder)',
  },
];
