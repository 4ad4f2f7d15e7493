import { linkedConnections, startSync, type SimulatorContext } from './context.ts';
import type { StoredCompany, StoredConnection } from './model.ts';
import { findPlatform, SourceType, type Platform } from './platforms.ts';
import { fillRedirectTemplate, type ReservedRedirectParams } from './redirect-template.ts';
import { markLinked, pickConnection } from './store.ts';

/** One form post to a Link page. */
export interface LinkPost {
  request: Request;
  /** The page's URL: its origin resolves a relative redirect template. */
  url: URL;
  /** The page's query as its forms carry it (`state` and friends; a session instead of a one-time password). */
  query: URLSearchParams;
  company: StoredCompany;
  context: SimulatorContext;
  /** The same page again, with `error` shown, answered with `status`. */
  page: (status: number, error?: string) => Response;
}

/** How a Link journey ended, in the redirect's terms. */
type Outcome = Pick<ReservedRedirectParams, 'statusCode' | 'errorMessage' | 'statusText'> & {
  connectionId?: string;
};

// The texts Codat's docs give for each statusCode.
const CANCELLED: Outcome = { statusCode: '403', errorMessage: 'User cancelled.', statusText: 'Forbidden' };
const FAILED: Outcome = {
  statusCode: '500',
  errorMessage: 'Unknown error occurred.',
  statusText: 'Internal Server Error',
};
const NOT_SUPPORTED: Outcome = {
  statusCode: '501',
  errorMessage: 'Not supported.',
  statusText: 'Not Implemented',
};
const ALREADY_LINKED: Outcome = { statusCode: '201', errorMessage: '', statusText: 'Created' };

/**
 * The company page's form: "Continue" with a platform creates the company's connection to it (`PendingAuth`)
 * unless it has one, and sends the browser on to that connection's page, query kept; "Cancel" ends Link with
 * 403. `action=authorise` with a platform does both steps in one post: a shortcut for scripts and tests (the
 * page has no such button).
 */
export async function submitCompanyPage(post: LinkPost): Promise<Response> {
  const form = new URLSearchParams(await post.request.text());
  const platform = findPlatform(form.get('platform'));
  const action = form.get('action');
  if (action === 'cancel') return finish(post, undefined, CANCELLED);
  if (action !== 'continue' && action !== 'authorise') {
    return post.page(400, 'Choose a platform and select Continue, or select Cancel.');
  }
  if (!platform) return post.page(400, 'Choose a platform, then select Continue.');
  const { company, context, url } = post;
  const connection = pickConnection(company, platform, {
    id: context.options.uuid(),
    linkUrl: (connectionId) =>
      `${url.origin}${context.options.basePath}/link/companies/${company.id}/connections/${connectionId}/start`,
    now: context.options.now(),
  });
  if (action === 'authorise') return authorise(post, connection, platform);
  const next = new URL(connection.linkUrl);
  next.search = post.query.toString();
  return seeOther(next.href);
}

/**
 * A connection page's form: "Authorise", "Cancel" (403) or "Fail" (500). Cancelling or failing leaves the
 * connection as it was (`PendingAuth` for a new one), as on Codat.
 */
export async function submitConnectionPage(
  post: LinkPost,
  connection: StoredConnection,
  platform: Platform,
): Promise<Response> {
  const form = new URLSearchParams(await post.request.text());
  switch (form.get('action')) {
    case 'authorise':
      return authorise(post, connection, platform);
    case 'cancel':
      return finish(post, platform, CANCELLED);
    case 'fail':
      return finish(post, platform, FAILED);
    default:
      return post.page(400, 'Choose Authorise, Cancel or Fail.');
  }
}

/**
 * Links the connection and redirects with 200; 201 (and no connection id) if it was linked already; 501 for
 * the unsupported platform. A second accounting platform while another accounting connection is `Linked` is
 * refused on the page (409): Codat allows one active accounting connection per company (banking and commerce
 * ones may be many), so the user must disconnect the first one or cancel. Only a company's first link starts
 * a sync by itself; a re-link does when `syncOnRelink` is set.
 */
function authorise(post: LinkPost, connection: StoredConnection, platform: Platform): Response {
  const { company, context } = post;
  if (!platform.supported) return finish(post, platform, NOT_SUPPORTED);
  const now = context.options.now();
  const linked = linkedConnections(context, company, now);
  if (linked.includes(connection)) return finish(post, platform, ALREADY_LINKED);
  const otherAccounting =
    platform.sourceType === SourceType.Accounting
      ? linked.find((other) => other.sourceType === SourceType.Accounting)
      : undefined;
  if (otherAccounting) {
    return post.page(
      409,
      `${company.name} is already connected to ${otherAccounting.platformName}, and a company can have one ` +
        'active accounting connection. Disconnect it first, or select Cancel.',
    );
  }
  const kind = markLinked(company, connection, now);
  if (kind === 'first' || (kind === 'relink' && context.settings.syncOnRelink)) startSync(context, company);
  return finish(post, platform, {
    statusCode: '200',
    errorMessage: '',
    statusText: 'OK',
    connectionId: connection.id,
  });
}

/** Redirects like hosted Link does, filling the integrator's template. */
function finish(post: LinkPost, platform: Platform | undefined, outcome: Outcome): Response {
  const { context, company, url, query } = post;
  const reserved: ReservedRedirectParams = {
    clientId: context.clientId,
    companyId: company.id,
    connectionId: '',
    integrationId: platform?.integrationId ?? '',
    sourceId: platform?.sourceId ?? '',
    platform: platform?.integrationKey ?? '',
    platformName: platform?.platformName ?? '',
    sourceType: platform?.sourceType ?? '',
    ...outcome,
  };
  return seeOther(fillRedirectTemplate(context.options.redirectUrlTemplate, reserved, query, url.origin));
}

function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { location, 'cache-control': 'no-store' } });
}
