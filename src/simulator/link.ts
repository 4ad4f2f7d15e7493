import type { SimulatorContext } from './context.ts';
import { byMethod } from './dispatch.ts';
import { htmlResponse } from './html.ts';
import {
  companyPage,
  connectionPage,
  linkFinishedPage,
  linkGonePage,
  linkMethodNotAllowedPage,
  linkNotFoundPage,
} from './link-page.ts';
import { LINK_CSS } from './link-styles.ts';
import { submitCompanyPage, submitConnectionPage, type LinkPost } from './link-submit.ts';
import type { StoredCompany, StoredConnection } from './model.ts';
import { sessionQuery } from './one-time-links.ts';
import { findPlatform } from './platforms.ts';
import type { Store } from './store.ts';

/**
 * The simulated hosted Link under `{basePath}/link/`, in Codat's two steps: the company page
 * (`/link/company/{id}`, a company's `redirect`) where the user picks a platform and selects Continue, which
 * creates a `PendingAuth` connection and leads to that connection's page
 * (`/link/companies/{id}/connections/{connectionId}/start`, its `linkUrl`) where the user authorises,
 * cancels or fails. Also the stylesheet and the default "Link finished" page. No API key: end users open these
 * in their browser.
 *
 * With one-time Link URLs on, opening a page spends the URL's password (`link.otp`, `otp`) and the page's form
 * and Continue carry a session (`link.session`) instead; a URL without a valid password or session opens an
 * error page: 410 when spent or expired, 403 when missing or unknown.
 */
export function handleLink(
  request: Request,
  segments: string[],
  context: SimulatorContext,
): Response | Promise<Response> {
  const url = new URL(request.url);
  const stylesheetHref = `${context.options.basePath}/link/assets/link.css`;
  const notAllowed = (): Response => htmlResponse(405, linkMethodNotAllowedPage(stylesheetHref));
  const below = segments.slice(1).join('/');

  if (below === 'assets/link.css') return byMethod(request, { GET: () => stylesheet() }, notAllowed);
  if (below === 'finished') {
    return byMethod(
      request,
      { GET: () => htmlResponse(200, linkFinishedPage(url.searchParams, stylesheetHref)) },
      notAllowed,
    );
  }
  const target = linkTarget(segments.slice(1), context.store);
  const platform = target?.connection && findPlatform(target.connection.integrationKey);
  if (!target || (target.connection && !platform)) return htmlResponse(404, linkNotFoundPage(stylesheetHref));
  const { company, connection } = target;

  const query = admittedQuery(request, url, target, context);
  if (query === 'gone') return htmlResponse(410, linkGonePage(stylesheetHref));
  if (query === 'invalid') return htmlResponse(403, linkNotFoundPage(stylesheetHref));

  const formAction = query.size > 0 ? `${url.pathname}?${query}` : url.pathname;
  const page = (status: number, error?: string): Response => {
    const model = {
      companyName: company.name,
      formAction,
      stylesheetHref,
      ...(error !== undefined && { error }),
    };
    return htmlResponse(status, platform ? connectionPage({ ...model, platform }) : companyPage(model));
  };
  const post: LinkPost = { request, url, query, company, context, page };
  return byMethod(
    request,
    {
      GET: () => page(200),
      POST: () =>
        connection && platform ? submitConnectionPage(post, connection, platform) : submitCompanyPage(post),
    },
    notAllowed,
  );
}

/**
 * The query the page's forms carry, or why the request may not open the page. Without one-time Link URLs,
 * the request's own query. With them, a GET must bring an unspent password for this page (which it spends)
 * or a session; a POST, a session.
 */
function admittedQuery(
  request: Request,
  url: URL,
  target: { company: StoredCompany; connection?: StoredConnection },
  context: SimulatorContext,
): URLSearchParams | 'gone' | 'invalid' {
  if (!context.settings.oneTimeLinkUrls) return url.searchParams;
  const now = context.options.now();
  const companyId = target.company.id;
  if (request.method !== 'GET') {
    return context.links.hasSession(url.searchParams, companyId, now) ? url.searchParams : 'invalid';
  }
  const admitted = context.links.admit(
    url.searchParams,
    { companyId, ...(target.connection && { connectionId: target.connection.id }) },
    now,
  );
  return typeof admitted === 'string' ? admitted : sessionQuery(url.searchParams, admitted.session);
}

/** What a Link URL points at: `company/{id}`, or `companies/{id}/connections/{connectionId}/start`. */
function linkTarget(
  path: readonly string[],
  store: Store,
): { company: StoredCompany; connection?: StoredConnection } | undefined {
  const [kind, companyId, ...rest] = path;
  const company = companyId === undefined ? undefined : store.get(companyId);
  if (!company) return undefined;
  if (kind === 'company' && rest.length === 0) return { company };
  const [connections, connectionId, start, ...extra] = rest;
  if (kind !== 'companies' || connections !== 'connections' || start !== 'start' || extra.length > 0) {
    return undefined;
  }
  const connection = company.connections.find((candidate) => candidate.id === connectionId);
  return connection && { company, connection };
}

function stylesheet(): Response {
  return new Response(LINK_CSS, {
    headers: { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=3600' },
  });
}
