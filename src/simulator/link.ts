import type { SimulatorContext } from './context.ts';
import { byMethod } from './dispatch.ts';
import { htmlResponse } from './html.ts';
import { linkFinishedPage, linkMethodNotAllowedPage, linkNotFoundPage, linkPage } from './link-page.ts';
import { LINK_CSS } from './link-styles.ts';
import type { StoredCompany, StoredConnection } from './model.ts';
import { submitLink } from './link-submit.ts';
import type { Store } from './store.ts';

/**
 * The simulated hosted Link under `{basePath}/link/`: the company page (`/link/company/{id}`), a
 * connection's `linkUrl` (`/link/companies/{id}/connections/{connectionId}/start`), the stylesheet and the
 * default "Link finished" page. No API key: end users open these in their browser.
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
  if (!target) return htmlResponse(404, linkNotFoundPage(stylesheetHref));
  const { company, connection } = target;

  const page = (status: number, error?: string): Response =>
    htmlResponse(
      status,
      linkPage({
        companyName: company.name,
        formAction: url.pathname + url.search,
        stylesheetHref,
        ...(connection && { selectedKey: connection.integrationKey }),
        ...(error !== undefined && { error }),
      }),
    );
  return byMethod(
    request,
    { GET: () => page(200), POST: () => submitLink(request, url, company, context, page) },
    notAllowed,
  );
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
