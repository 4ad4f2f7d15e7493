import { normaliseBasePath } from './base-path.ts';
import { allowedOriginSet } from './cross-site.ts';
import { createMemoryIdempotencyStore, type IdempotencyStore } from './idempotency.ts';
import type { PubSub } from './pubsub.ts';

/**
 * What a caller may do; the reference handler asks {@link OnboardHandlerOptions.authorize} before each:
 *
 * - `create`: make a company (`POST /companies`), no `companyId`;
 * - `read`: see a company, its data status and its sync history;
 * - `refresh`: queue a fetch of every data type, or of one;
 * - `disconnect`: unlink one of the company's connections (its data stays; nothing new is fetched until the
 *   user links it again);
 * - `delete`: delete the company on the platform, with its connections and data, for good.
 */
export type OnboardAction = 'create' | 'read' | 'refresh' | 'disconnect' | 'delete';

/** What the `authorize` hook is told about a request. */
export interface AuthorizeContext {
  /** The incoming request: read your session cookie or bearer token from it. */
  request: Request;
  action: OnboardAction;
  /** The company the request is about; absent for `create`. */
  companyId?: string;
}

export interface OnboardHandlerOptions {
  /** The Codat API key. Default `process.env.CODAT_API_KEY`; creating the handler throws if neither is set. */
  apiKey?: string;
  /** The Platform API's base URL. Default `process.env.CODAT_BASE_URL`, else the SDK's (`https://api.codat.io`). */
  platformUrl?: string;
  /** Path prefix the handler serves, e.g. `'/api'`. Default `''`. */
  basePath?: string;
  /**
   * Whether this caller may perform `action` (on `companyId`). Return `false` to answer 403 `forbidden`.
   * Typically: look up the signed-in user from the request and check that they own `companyId`; for
   * `disconnect` and `delete`, perhaps also that they may manage it (an owner, not a viewer).
   *
   * **Required** (also from JavaScript: without it `createOnboardHandler` throws): anyone who can reach the handler could create
   * companies (which costs money) and read any company's status by id. For a demo or a test, where that is
   * what you want, say so: `authorize: 'allow-everyone'`.
   */
  authorize: AuthorizeHook | typeof ALLOW_EVERYONE;
  /**
   * Origins, besides the handler's own, whose pages may send the requests that change something (create,
   * refresh, disconnect, delete): e.g. `['https://app.example.com']` when the page and the API are on
   * different origins, or behind a proxy that changes the scheme or host. Requests from any other page are
   * refused with 403 `cross-site-request` (see `cross-site.ts`). Each entry must be an origin
   * (`scheme://host[:port]`); creating the handler throws otherwise. Default: none.
   */
  allowedOrigins?: readonly string[];
  /**
   * Receives one line per failure (platform errors, bugs), with `journey=<id>` when the request named its
   * journey and `correlationId=<id>` when the platform named its answer. Secrets are removed first. Default
   * `console.error`.
   */
  log?: (line: string) => void;
  /** Largest request body accepted, in bytes; larger ones get 413. Default `16384` (16 KiB). */
  maxBodyBytes?: number;
  /**
   * How long reading a request body may take, in ms; a slower one gets 408 `request-timeout`, so a client
   * trickling bytes cannot hold a request open until Node's own limit (5 minutes). Default `10000`.
   */
  bodyTimeoutMs?: number;
  /** Time limit of each platform call in ms; past it the caller gets 504. Default `10000`. */
  timeoutMs?: number;
  /**
   * The most a create may take on the platform, its lookup by tag included, in ms; past it the caller gets
   * 504. Keep it under the browser's request timeout (15 s), so the browser never gives up on a create still
   * running and retries into a 409. A key whose create was abandoned (its process died) is taken over 5 s after
   * this, which the browser waits for (it retries a 409 `idempotency-key-in-flight` for 20 s). Default `12000`.
   */
  createTimeoutMs?: number;
  /**
   * Where `Idempotency-Key`s of `POST /companies` are remembered, so a retried create replays the first
   * answer instead of making (and paying for) a second company. Default: a new
   * `createMemoryIdempotencyStore()` per handler (this process only, 24 hours, at most 10000 keys, not
   * `durable`). Behind several instances, give them one shared store (Redis, a database table) implementing
   * {@link IdempotencyStore}; mark it `durable` to save the platform lookup on first creates.
   */
  idempotencyStore?: IdempotencyStore;
  /**
   * Where the webhook handler publishes company news (`createWebhookHandler({ pubsub })`, the same object):
   * with it, `GET /companies/{id}/events` streams that company's news to the browser as Server-Sent Events
   * (`authorize` action `read`); without it, that route is 404 and browsers poll. One process:
   * `createMemoryPubSub()`; a fleet: one every instance shares (`createRedisPubSub`).
   */
  pubsub?: PubSub;
  /** How often an event stream sends a `ping`, in ms, so the browser knows it is alive. Default `15000`. */
  heartbeatMs?: number;
}

/** Decides whether a caller may do what it asks; see {@link OnboardHandlerOptions.authorize}. */
export type AuthorizeHook = (context: AuthorizeContext) => boolean | Promise<boolean>;

/** The words that turn authorisation off: every caller may do everything (demos and tests only). */
export const ALLOW_EVERYONE = 'allow-everyone';

export interface ResolvedOnboardOptions {
  apiKey: string;
  platformUrl: string | undefined;
  basePath: string;
  authorize: AuthorizeHook;
  allowedOrigins: ReadonlySet<string>;
  log: (line: string) => void;
  maxBodyBytes: number;
  bodyTimeoutMs: number;
  timeoutMs: number;
  createTimeoutMs: number;
  idempotencyStore: IdempotencyStore;
  pubsub: PubSub | null;
  heartbeatMs: number;
}

export function resolveOnboardOptions(options: OnboardHandlerOptions): ResolvedOnboardOptions {
  // `globalThis.process` may be missing in workers; there the options must be passed explicitly.
  const env = globalThis.process?.env ?? {};
  const apiKey = options.apiKey ?? env['CODAT_API_KEY'];
  if (!apiKey) {
    throw new Error(
      'createOnboardHandler: no Codat API key. Pass `apiKey` or set the CODAT_API_KEY environment variable.',
    );
  }
  const platformUrl = options.platformUrl ?? (env['CODAT_BASE_URL'] || undefined);
  return {
    apiKey,
    platformUrl,
    basePath: normaliseBasePath(options.basePath ?? ''),
    authorize: authorizeHook(options.authorize),
    allowedOrigins: allowedOriginSet(options.allowedOrigins ?? [], 'createOnboardHandler: allowedOrigins'),
    log: options.log ?? ((line) => console.error(line)),
    maxBodyBytes: options.maxBodyBytes ?? 16 * 1024,
    bodyTimeoutMs: options.bodyTimeoutMs ?? 10_000,
    timeoutMs: options.timeoutMs ?? 10_000,
    createTimeoutMs: options.createTimeoutMs ?? 12_000,
    idempotencyStore: options.idempotencyStore ?? createMemoryIdempotencyStore(),
    pubsub: options.pubsub ?? null,
    heartbeatMs: options.heartbeatMs ?? 15_000,
  };
}

/** Fails closed: no hook is an error, not "allow everything", unless the integrator wrote {@link ALLOW_EVERYONE}. */
function authorizeHook(option: OnboardHandlerOptions['authorize']): AuthorizeHook {
  if (option === ALLOW_EVERYONE) return () => true;
  if (typeof option === 'function') return option;
  throw new Error(
    'createOnboardHandler: no `authorize` hook. Pass `authorize: ({ request, action, companyId }) => …` to ' +
      'decide who may create companies and read, refresh, disconnect or delete which; for a demo or a test ' +
      `that lets anyone do anything, pass \`authorize: '${ALLOW_EVERYONE}'\`.`,
  );
}
