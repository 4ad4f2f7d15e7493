import { startSync, type SimulatorContext } from './context.ts';
import type { StoredCompany } from './model.ts';
import { findPlatform } from './platforms.ts';
import { fillRedirectTemplate, type ReservedRedirectParams } from './redirect-template.ts';
import { linkConnection } from './store.ts';
import { connectionStatusAt } from './sync-progress.ts';

/** How a Link journey ended, in the redirect's terms. */
type Outcome = Pick<ReservedRedirectParams, 'statusCode' | 'errorMessage' | 'statusText'> & {
  connectionId?: string;
};

/** Acts on the button the user pressed and redirects like hosted Link does. */
export async function submitLink(
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
  const finish = (outcome: Outcome): Response =>
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
      const now = context.options.now();
      const { connection, wasLinked } = linkConnection(company, platform, {
        id: context.options.uuid(),
        linkUrl: (connectionId) =>
          `${url.origin}${context.options.basePath}/link/companies/${company.id}/connections/${connectionId}/start`,
        now,
        statusNow: (existing) => connectionStatusAt(context.plan, existing, company.syncs, now),
      });
      // Codat starts the first sync by itself when a connection becomes linked.
      if (!wasLinked) startSync(context, company);
      return finish({ statusCode: '200', errorMessage: '', statusText: 'OK', connectionId: connection.id });
    }
    default:
      return page(400, 'Choose Authorise, Cancel or Fail.');
  }
}

function redirect(location: string): Response {
  return new Response(null, { status: 303, headers: { location, 'cache-control': 'no-store' } });
}
