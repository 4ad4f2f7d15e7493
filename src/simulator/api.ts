import { isAuthorised } from './auth.ts';
import { codatError, json } from './codat-error.ts';
import { parseCompanyInput } from './company-input.ts';
import { linkedConnections, startSync, viewOptionsOf, type SimulatorContext } from './context.ts';
import { byMethod } from './dispatch.ts';
import type { StoredCompany } from './model.ts';
import { pullHistoryAt, type PullOperation } from './history.ts';
import { ordered } from './ordering.ts';
import { paginate } from './paging.ts';
import { queueDataType } from './queue.ts';
import { readBodyText } from './read-body.ts';
import { newCompany } from './store.ts';
import { isSyncScenario, notAScenario, SCENARIO_TAG } from './scenarios.ts';
import { dataStatusAt } from './sync-progress.ts';
import { parseTagsFilter } from './tags-filter.ts';
import { unlinkConnection } from './unlink.ts';
import { companyView, connectionView } from './views.ts';

/** Largest request body the simulated API reads; real company bodies are a few hundred bytes. */
const MAX_BODY_BYTES = 64 * 1024;

/** The Platform API subset under `{basePath}/companies`. `segments` are the path parts after `basePath`. */
export async function handleApi(
  request: Request,
  segments: string[],
  context: SimulatorContext,
): Promise<Response> {
  const correlationId = context.options.uuid();
  const url = new URL(request.url);
  if (!isAuthorised(request, context.options.apiKey)) {
    return codatError(
      401,
      'Unauthorized: the Authorization header must be Basic base64(apiKey).',
      correlationId,
    );
  }
  const notFound = (): Response => codatError(404, `No route for ${url.pathname}.`, correlationId);
  const notAllowed = (allow: string): Response =>
    codatError(405, `Method ${request.method} is not allowed here; use ${allow}.`, correlationId);
  const [root, companyId, ...rest] = segments;
  if (root !== 'companies') return notFound();

  if (companyId === undefined) {
    return byMethod(
      request,
      {
        GET: () => listCompanies(url, correlationId, context),
        POST: () => createCompany(request, url, correlationId, context),
      },
      notAllowed,
    );
  }

  const withCompany =
    (then: (company: StoredCompany) => Response | Promise<Response>): (() => Response | Promise<Response>) =>
    () => {
      const company = context.store.get(companyId);
      return company ? then(company) : codatError(404, `Company ${companyId} was not found.`, correlationId);
    };
  const now = context.options.now;
  switch (rest.join('/')) {
    case '':
      return byMethod(
        request,
        {
          GET: withCompany((company) =>
            json(200, companyView(company, context.plan, viewOptionsOf(context))),
          ),
          DELETE: withCompany((company) => {
            context.store.deleteCompany(company.id);
            return new Response(null, { status: 204 });
          }),
        },
        notAllowed,
      );
    case 'connections':
      return byMethod(
        request,
        {
          GET: withCompany((company) => {
            const page = paginate(
              companyView(company, context.plan, viewOptionsOf(context)).dataConnections,
              url,
              correlationId,
            );
            return page instanceof Response ? page : json(200, page);
          }),
        },
        notAllowed,
      );
    case 'dataStatus':
      return byMethod(
        request,
        { GET: withCompany((company) => json(200, dataStatusAt(context.plan, company.syncs, now()))) },
        notAllowed,
      );
    case 'data/history':
      return byMethod(
        request,
        { GET: withCompany((company) => listPullOperations(company, url, correlationId, context)) },
        notAllowed,
      );
    case 'data/all':
      return byMethod(
        request,
        {
          POST: withCompany((company) => {
            // Nothing to read without a linked connection; we accept the request and queue nothing. The new
            // sync replays the company's scenario (see scenarios.ts).
            if (linkedConnections(context, company).length > 0) startSync(context, company);
            return new Response(null, { status: 204 });
          }),
        },
        notAllowed,
      );
    default:
      return handleItem(rest);
  }

  /**
   * The routes naming something inside the company: one connection (`GET`, and `PATCH` to unlink it, see
   * `unlink.ts`), or a data type to queue.
   */
  function handleItem([first, second, third, ...extra]: string[]): Response | Promise<Response> {
    if (first === 'connections' && second !== undefined && third === undefined) {
      return byMethod(
        request,
        {
          GET: withCompany((company) => {
            const found = company.connections.find((candidate) => candidate.id === second);
            return found
              ? json(200, connectionView(company, found, context.plan, viewOptionsOf(context)))
              : codatError(404, `Connection ${second} was not found.`, correlationId);
          }),
          PATCH: withCompany((company) => unlinkConnection(request, company, second, correlationId, context)),
        },
        notAllowed,
      );
    }
    if (first !== 'data' || second !== 'queue' || third === undefined || extra.length > 0) return notFound();
    return byMethod(
      request,
      { POST: withCompany((company) => queueDataType(company, third, url, correlationId, context)) },
      notAllowed,
    );
  }
}

/** `GET /companies`, filtered by the `tags` parameter (see {@link parseTagsFilter}); `query` is ignored. */
function listCompanies(url: URL, correlationId: string, context: SimulatorContext): Response {
  const filter = parseTagsFilter(url.searchParams.get('tags') ?? '');
  if (typeof filter !== 'function') return codatError(400, filter.problem, correlationId);
  const view = viewOptionsOf(context);
  const companies = context.store
    .all()
    .filter((company) => filter(company.tags))
    .map((company) => companyView(company, context.plan, view));
  const page = paginate(companies, url, correlationId);
  return page instanceof Response ? page : json(200, page);
}

/** The properties of a pull operation `data/history` can be ordered by. */
const PULL_OPERATION_ORDER: readonly (keyof PullOperation)[] = [
  'id',
  'connectionId',
  'dataType',
  'status',
  'requested',
  'completed',
  'progress',
];

/**
 * `GET /companies/{id}/data/history`: the read history (see `history.ts`) in the order requested unless
 * `orderBy` says otherwise (`-requested`: newest first), paged like every list; `query` is ignored.
 */
function listPullOperations(
  company: StoredCompany,
  url: URL,
  correlationId: string,
  context: SimulatorContext,
): Response {
  const history = pullHistoryAt(context.plan, company, context.options.now());
  const sorted = ordered(history, url, PULL_OPERATION_ORDER, 'Dataset', correlationId);
  if (sorted instanceof Response) return sorted;
  const page = paginate(sorted, url, correlationId);
  return page instanceof Response ? page : json(200, page);
}

async function createCompany(
  request: Request,
  url: URL,
  correlationId: string,
  context: SimulatorContext,
): Promise<Response> {
  const text = await readBodyText(request, MAX_BODY_BYTES, correlationId);
  if (text instanceof Response) return text;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return codatError(400, 'The request body is not valid JSON.', correlationId);
  }
  const input = parseCompanyInput(body, context.settings.nameCharacters);
  if (!input.ok) {
    return codatError(400, input.problems.map((problem) => problem.message).join(' '), correlationId, {
      validation: input.problems,
    });
  }
  // Only when asked (`scenarioTag`): otherwise it is a plain tag, as on the real platform.
  const scenario = context.options.scenarioTag ? input.value.tags?.[SCENARIO_TAG] : undefined;
  if (scenario !== undefined && !isSyncScenario(scenario)) {
    return codatError(400, notAScenario(scenario), correlationId, {
      validation: [
        {
          itemId: `tags.${SCENARIO_TAG}`,
          message: notAScenario(scenario),
          validatorName: 'SimulatorScenario',
        },
      ],
    });
  }
  const id = context.options.uuid();
  const company = newCompany(input.value, {
    id,
    redirect: `${url.origin}${context.options.basePath}/link/company/${id}`,
    created: new Date(context.options.now()).toISOString(),
    scenario,
  });
  context.store.addCompany(company);
  // Codat answers 200, not 201, to a create.
  return json(200, companyView(company, context.plan, viewOptionsOf(context)));
}
