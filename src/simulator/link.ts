import { startSync, type SimulatorContext } from './context.ts';
import { byMethod } from './dispatch.ts';
import { htmlResponse } from './html.ts';
import { linkFinishedPage, linkMethodNotAllowedPage, linkNotFoundPage, linkPage } from './link-page.ts';
import { LINK_CSS } from './link-styles.ts';
import type { StoredCompany, StoredConnection } from './model.ts';
import { findPlatform } from './platforms.ts';
import { fillRedirectTemplate, type ReservedRedirectParams } from './redirect-template.ts';
import { linkConnection, type Store } from './store.ts';

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
    { GET: () => page(200), POST: () => submit(request, url, company, context, page) },
    notAllowed,
  );
}

/** Acts on the button the user pressed and redirects like hosted Link does. */
async function submit(
  request: Request,
  url: URL,
  company: StoredCompany,
  context: SimulatorContext,
  page: (status: number, error?: string) => Response,
): Promise<Response> {
  const form = new URLSearchParams(await request.text());
  const platform = findPlatform(form.get('platform'));
  const common = {
    clientId: context.clientId,
    companyId: company.id,
    connectionId: '',
    integrationId: platform?.integrationId ?? '',
    sourceId: platform?.sourceId ?? '',
    platform: platform?.integrationKey ?? '',
    platformName: platform?.platformName ?? '',
    sourceType: platform ? 'Accounting' : '',
  };
  const finish = (
    outcome: Pick<ReservedRedirectParams, 'statusCode' | 'errorMessage' | 'statusText'> & {
      connectionId?: string;
    },
  ) =>
    redirect(
      fillRedirectTemplate(
        context.options.redirectUrlTemplate,
        { ...common, ...outcome },
        url.searchParams,
        url.origin,
      ),
    );

  switch (form.get('action')) {
    case 'cancel':
      return finish({ statusCode: '403', errorMessage: 'User cancelled.', statusText: 'Forbidden' });
    case 'fail':
      return finish({
        statusCode: '500',
        errorMessage: 'The connection failed (simulated error).',
        statusText: 'Internal Server Error',
      });
    case 'authorise': {
      if (!platform) return page(400, 'Choose your accounting software, then select Authorise.');
      if (!platform.supported) {
        return finish({
          statusCode: '501',
          errorMessage: `${platform.platformName} is not supported.`,
          statusText: 'Not Implemented',
        });
      }
      const { connection, wasLinked } = linkConnection(company, platform, {
        id: context.options.uuid(),
        linkUrl: (connectionId) =>
          `${url.origin}${context.options.basePath}/link/companies/${company.id}/connections/${connectionId}/start`,
        created: new Date(context.options.now()).toISOString(),
      });
      // Codat starts the first sync by itself when a connection becomes linked.
      if (!wasLinked) startSync(context, company);
      return finish({ statusCode: '200', errorMessage: '', statusText: 'OK', connectionId: connection.id });
    }
    default:
      return page(400, 'Choose Authorise, Cancel or Fail.');
  }
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
  if (kind !== 'companies' || connections !== 'connections' || start !== 'start' || extra.length > 0)
    return undefined;
  const connection = company.connections.find((candidate) => candidate.id === connectionId);
  return connection && { company, connection };
}

function redirect(location: string): Response {
  return new Response(null, { status: 303, headers: { location, 'cache-control': 'no-store' } });
}

function stylesheet(): Response {
  return new Response(LINK_CSS, {
    headers: { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=3600' },
  });
}
