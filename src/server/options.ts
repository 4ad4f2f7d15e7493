import { normaliseBasePath } from './base-path.ts';
import { createMemoryIdempotencyStore, type IdempotencyStore } from './idempotency.ts';

/** What a caller may do; the reference handler asks {@link OnboardHandlerOptions.authorize} before each. */
export type OnboardAction = 'create' | 'read' | 'refresh';

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
   *
   * Default: allow everything. **Replace it in production**: without it anyone who can reach the handler can
   * create companies (which costs money) and read any company's status by id. Typically: look up the
   * signed-in user from the request and check that they own `companyId`.
   */
  authorize?: (context: AuthorizeContext) => boolean | Promise<boolean>;
  /**
   * Receives one line per failure (platform errors, bugs), with `journey=<id>` when the request named its
   * journey and `correlationId=<id>` when the platform named its answer. Secrets are removed first. Default
   * `console.error`.
   */
  log?: (line: string) => void;
  /** Largest request body accepted, in bytes; larger ones get 413. Default `16384` (16 KiB). */
  maxBodyBytes?: number;
  /** Time limit of each platform call in ms; past it the caller gets 504. Default `10000`. */
  timeoutMs?: number;
  /**
   * Where `Idempotency-Key`s of `POST /companies` are remembered, so a retried create replays the first
   * answer instead of making (and paying for) a second company. Default: a new
   * `createMemoryIdempotencyStore()` per handler (this process only, 24 hours, at most 10000 keys, not
   * `durable`). Behind several instances, give them one shared store (Redis, a database table) implementing
   * {@link IdempotencyStore}; mark it `durable` to save the platform lookup on first creates.
   */
  idempotencyStore?: IdempotencyStore;
}

export interface ResolvedOnboardOptions {
  apiKey: string;
  platformUrl: string | undefined;
  basePath: string;
  authorize: (context: AuthorizeContext) => boolean | Promise<boolean>;
  log: (line: string) => void;
  maxBodyBytes: number;
  timeoutMs: number;
  idempotencyStore: IdempotencyStore;
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
    authorize: options.authorize ?? (() => true),
    log: options.log ?? ((line) => console.error(line)),
    maxBodyBytes: options.maxBodyBytes ?? 16 * 1024,
    timeoutMs: options.timeoutMs ?? 10_000,
    idempotencyStore: options.idempotencyStore ?? createMemoryIdempotencyStore(),
  };
}
