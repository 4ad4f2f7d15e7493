import { randomBytes } from 'node:crypto';

/** What a Link URL opens: the company page, or one connection's page. */
export interface LinkTarget {
  companyId: string;
  connectionId?: string;
}

/** A one-time password works for a day, as Codat's do. A Link page session lasts as long. */
const LINK_PASSWORD_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** The query parameter of a company's `redirect` (`?link.otp=`) and of a connection's `linkUrl` (`?otp=`). */
const COMPANY_PASSWORD_PARAM = 'link.otp';
const CONNECTION_PASSWORD_PARAM = 'otp';
/**
 * The simulator's own parameter for the pages that follow a spent password (the form's action, the
 * connection page Continue leads to): the simulator's stand-in for the cookie hosted Link would use.
 */
const SESSION_PARAM = 'link.session';

/** Why a Link URL was refused: `gone` (spent or expired: HTTP 410) or `invalid` (missing or unknown: 403). */
type LinkRefusal = 'gone' | 'invalid';

interface Password {
  target: LinkTarget;
  expiresAt: number;
  spent: boolean;
}

/** Past this many passwords, expired ones are forgotten (every read of a company mints new ones). */
const PRUNE_ABOVE = 10_000;

/** One-time Link passwords and the page sessions they open. */
export class OneTimeLinks {
  readonly #passwords = new Map<string, Password>();
  readonly #sessions = new Map<string, { companyId: string; expiresAt: number }>();

  /** `url` with a new password for `target` (any query string it has is kept). */
  withPassword(url: string, target: LinkTarget, now: number): string {
    if (this.#passwords.size > PRUNE_ABOVE) this.#prune(now);
    const password = token();
    this.#passwords.set(password, { target, expiresAt: now + LINK_PASSWORD_LIFETIME_MS, spent: false });
    const withQuery = new URL(url);
    withQuery.searchParams.set(passwordParam(target), password);
    return withQuery.href;
  }

  /**
   * Lets `query` open the page of `target` at `now`: a session of the company, or an unspent password for
   * exactly that target, which this spends. Returns the session the page's forms carry, or why not.
   */
  admit(query: URLSearchParams, target: LinkTarget, now: number): { session: string } | LinkRefusal {
    const session = query.get(SESSION_PARAM);
    if (session !== null && this.#sessionValid(session, target.companyId, now)) return { session };
    const password = this.#passwords.get(query.get(passwordParam(target)) ?? '');
    if (
      password === undefined ||
      password.target.companyId !== target.companyId ||
      password.target.connectionId !== target.connectionId
    ) {
      return 'invalid';
    }
    if (password.spent || password.expiresAt <= now) return 'gone';
    password.spent = true;
    const opened = token();
    this.#sessions.set(opened, { companyId: target.companyId, expiresAt: now + LINK_PASSWORD_LIFETIME_MS });
    return { session: opened };
  }

  /** Whether `query` carries a live session of the company (a form post needs one). */
  hasSession(query: URLSearchParams, companyId: string, now: number): boolean {
    return this.#sessionValid(query.get(SESSION_PARAM) ?? '', companyId, now);
  }

  clear(): void {
    this.#passwords.clear();
    this.#sessions.clear();
  }

  #sessionValid(session: string, companyId: string, now: number): boolean {
    const found = this.#sessions.get(session);
    return found !== undefined && found.companyId === companyId && found.expiresAt > now;
  }

  #prune(now: number): void {
    for (const [password, { expiresAt }] of this.#passwords) {
      if (expiresAt <= now) this.#passwords.delete(password);
    }
  }
}

/** The query without its password, carrying `session` instead: what the page's own links and forms use. */
export function sessionQuery(query: URLSearchParams, session: string): URLSearchParams {
  const next = new URLSearchParams(query);
  next.delete(COMPANY_PASSWORD_PARAM);
  next.delete(CONNECTION_PASSWORD_PARAM);
  next.set(SESSION_PARAM, session);
  return next;
}

function passwordParam(target: LinkTarget): string {
  return target.connectionId === undefined ? COMPANY_PASSWORD_PARAM : CONNECTION_PASSWORD_PARAM;
}

function token(): string {
  return randomBytes(18).toString('base64url');
}
