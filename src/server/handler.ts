import { companyEventStream } from './event-stream.ts';
import { ApiError, ErrorCode } from './api-error.ts';
import { routeSegments } from './base-path.ts';
import { parseCreateCompanyInput } from './company-input.ts';
import { createOnce } from './create-once.ts';
import { fromAllowedPage } from './cross-site.ts';
import { disconnect } from './disconnect.ts';
import { journeyField, journeyIdOf, journeyLog } from './journey.ts';
import type { FetchHandler } from './node.ts';
import { resolveOnboardOptions, type OnboardHandlerOptions } from './options.ts';
import { createPlatformClient, PlatformCallError } from './platform.ts';
import { apiErrorFor, describeFailure } from './platform-errors.ts';
import { readJsonBody } from './read-json-body.ts';
import { createRedactor } from './redact.ts';
import { errorResponse, jsonResponse, jsonTextResponse, noContent } from './responses.ts';
import { matchRoute, type Route } from './routes.ts';

/**
 * The reference backend for `<company-onboard>`: a `(Request) => Promise<Response>` handler serving, under
 * `basePath`, and calling the platform with the server's API key:
 *
 * - `POST /companies` (200, the company) creates a company;
 * - `GET /companies/{id}` (200, the company with its connections);
 * - `GET /companies/{id}/data-status` (200, keyed by the platform's data type names);
 * - `POST /companies/{id}/refresh` (204) queues a fetch of every data type;
 * - `POST /companies/{id}/refresh/{dataType}` (204) queues a fetch of one type (`invoices`,
 *   `banking-accounts`: the SDK's data types; any other is a 400 `invalid-data-type` before the platform is
 *   called). The platform answers with a pull operation, which we do not pass on: progress shows in the
 *   data status, like the full refresh's;
 * - `GET /companies/{id}/sync-history` (200, `{results}`: the platform's newest 20 pull operations, newest
 *   first; a status newer than the SDK knows is passed on);
 * - `POST /companies/{id}/connections/{connectionId}/disconnect` (200, the connection, `Unlinked`) unlinks a
 *   connection: its data stays, nothing new is fetched until the user links it again. A connection id that is
 *   not a UUID is a 400 `invalid-connection-id` before the platform is called; repeating it answers the same
 *   (see `disconnect.ts`). The platform's 404 does not say whether the company or the connection is missing:
 *   it is `company-not-found`, as on every route;
 * - `DELETE /companies/{id}` (204) deletes the company, its connections and data on the platform.
 *
 * `authorize` is asked with action `create`, `read` (company, data status, sync history), `refresh` (both
 * refresh routes), `disconnect` or `delete` before anything but the cross-site check. The `POST` and `DELETE`
 * routes change something: they are refused with 403 `cross-site-request` when a page of another origin sent
 * them (`allowedOrigins`), and the `POST`s take a JSON body (`{}` for the refreshes and the disconnect).
 * Every answer is JSON; every failure is `{error, code, field?, correlationId?}` with a stable `code`
 * (`correlationId`: the platform's, when a platform call failed and it named one).
 *
 * The element sends its journey id in `Onboard-Journey-Id`; every line logged about a request carries it as
 * `journey=<id>` (beside the platform's `correlationId=<id>`), so a ticket can be followed from the browser's
 * events to Codat. Values that are not a plain token are ignored (see `journey.ts`).
 *
 * A create with an `Idempotency-Key` makes at most one company per key, even when an answer is lost between
 * the browser and us or between us and the platform (see `create-once.ts`); a replayed answer carries
 * `Idempotent-Replayed: true`.
 */
export function createOnboardHandler(options: OnboardHandlerOptions): FetchHandler {
  const settings = resolveOnboardOptions(options);
  const platform = createPlatformClient(settings);
  const redact = createRedactor([settings.apiKey]);
  const log = (line: string): void => settings.log(redact(line));
  const createWithKey = createOnce({
    store: settings.idempotencyStore,
    platform,
    serialise: (company) => redact(JSON.stringify(company)),
    // An attempt (look up, create) takes at most createTimeoutMs, each call at most timeoutMs.
    budgetMs: settings.createTimeoutMs,
    callTimeoutMs: settings.timeoutMs,
    staleAfterMs: settings.createTimeoutMs + 5_000,
  });

  const bodyLimits = { maxBytes: settings.maxBodyBytes, deadlineMs: settings.bodyTimeoutMs };

  /**
   * Requests that change something must come from an allowed page (see `cross-site.ts`), checked before
   * `authorize` (which may trust the cookie a forged request carries), and a `POST` must carry a JSON body,
   * which a page of another site cannot send without the browser asking us first (CORS preflight), as it
   * must for any `DELETE`: that holds even in a browser too old for `Sec-Fetch-Site`.
   */
  function refuseCrossSite(request: Request, route: Route): void {
    if (route.action === 'read' || fromAllowedPage(request, settings.allowedOrigins)) return;
    throw new ApiError(
      403,
      ErrorCode.CrossSiteRequest,
      'This request came from a page of another site, which may not change anything here.',
    );
  }

  async function mayReadReplayed(request: Request, body: string): Promise<boolean> {
    let companyId: unknown;
    try {
      companyId = (JSON.parse(body) as { id?: unknown }).id;
    } catch {
      return false;
    }
    return (
      typeof companyId === 'string' && (await settings.authorize({ request, action: 'read', companyId }))
    );
  }

  async function perform(
    route: Route,
    request: Request,
    requestLog: (line: string) => void,
  ): Promise<Response> {
    switch (route.name) {
      case 'createCompany': {
        const input = parseCreateCompanyInput(await readJsonBody(request, bodyLimits));
        const key = request.headers.get('idempotency-key');
        if (key === null) return jsonResponse(200, await platform.createCompany(input), redact);
        const { response, replayed } = await createWithKey(key, input, requestLog);
        // Keys are not tied to a caller: before handing over a company made earlier, ask whether this
        // caller may read it, so a replayed (or guessed) key cannot reveal someone else's company.
        if (replayed && !(await mayReadReplayed(request, response.body))) {
          throw new ApiError(403, ErrorCode.Forbidden, 'You are not allowed to do this.');
        }
        return jsonTextResponse(
          response.status,
          response.body,
          replayed ? { 'idempotent-replayed': 'true' } : {},
        );
      }
      case 'getCompany':
        return jsonResponse(200, await platform.getCompany(route.companyId), redact);
      case 'getDataStatus':
        return jsonResponse(200, await platform.getDataStatus(route.companyId), redact);
      case 'refreshData':
        await readJsonBody(request, bodyLimits);
        await platform.refreshData(route.companyId);
        return noContent();
      case 'queueDataType':
        await readJsonBody(request, bodyLimits);
        await platform.queueDataType(route.companyId, route.dataType);
        return noContent();
      case 'disconnect':
        await readJsonBody(request, bodyLimits);
        return jsonResponse(200, await disconnect(platform, route.companyId, route.connectionId), redact);
      case 'getSyncHistory':
        return jsonResponse(200, { results: await platform.listPullOperations(route.companyId) }, redact);
      case 'events':
        if (settings.pubsub === null) {
          throw new ApiError(404, ErrorCode.NotFound, 'This server streams no events: poll the data status.');
        }
        return companyEventStream(settings.pubsub, route.companyId, {
          signal: request.signal,
          heartbeatMs: settings.heartbeatMs,
        });
      case 'deleteCompany':
        // No body to read: a DELETE carries none, and a page of another site was refused above.
        await platform.deleteCompany(route.companyId);
        return noContent();
    }
  }

  function failure(error: unknown, journeyId: string | undefined): Response {
    if (error instanceof ApiError) return errorResponse(error, redact);
    if (error instanceof PlatformCallError) {
      log(describeFailure(error, journeyId));
      return errorResponse(apiErrorFor(error), redact);
    }
    // The journey goes before the stack, which spans several lines.
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    log([`company-onboard: unexpected error`, ...journeyField(journeyId)].join(' ') + `: ${detail}`);
    return errorResponse(
      new ApiError(500, ErrorCode.Internal, 'Something went wrong on the server.'),
      redact,
    );
  }

  return async (request) => {
    const journeyId = journeyIdOf(request);
    try {
      const segments = routeSegments(new URL(request.url).pathname, settings.basePath);
      if (segments === null) throw new ApiError(404, ErrorCode.NotFound, 'There is nothing at this address.');
      const route = matchRoute(request.method, segments);
      refuseCrossSite(request, route);
      const allowed = await settings.authorize({
        request,
        action: route.action,
        ...(route.name !== 'createCompany' && { companyId: route.companyId }),
      });
      if (!allowed) throw new ApiError(403, ErrorCode.Forbidden, 'You are not allowed to do this.');
      return await perform(route, request, journeyLog(log, journeyId));
    } catch (error) {
      return failure(error, journeyId);
    }
  };
}
