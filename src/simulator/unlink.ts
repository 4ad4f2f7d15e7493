import { codatError, json, type ValidationItem } from './codat-error.ts';
import { viewOptionsOf, type SimulatorContext } from './context.ts';
import { ConnectionStatus, type StoredCompany } from './model.ts';
import { readBodyText } from './read-body.ts';
import { connectionStatusAt } from './sync-progress.ts';
import { connectionView } from './views.ts';

/** Largest body read; `{"status":"Unlinked"}` is 21 bytes. */
const MAX_BODY_BYTES = 16 * 1024;

/**
 * `PATCH /companies/{id}/connections/{connectionId}` with `{"status": "Unlinked"}` (the SDK's
 * `connections.unlink`): the connection becomes `Unlinked` and is answered (200). As on Codat, data already
 * fetched is kept (the data status does not change), nothing new is read from it (a refresh skips it, a
 * queued type naming it is refused), and re-linking it through Link makes it `Linked` again.
 *
 * Refused with 400 in Codat's error shape: a body that is not a JSON object whose `status` is `"Unlinked"`
 * (the only value the operation takes), and a connection that is not `Linked` now (Codat's docs: "Only
 * `Linked` data connections can be unlinked"; which status Codat answers is not documented, the spec lists
 * no 400 or 409 for this operation: the simulator says 400). 404 for a connection the company does not have.
 * A sync already reading from the connection runs on: the simulator does not model cutting it short.
 */
export async function unlinkConnection(
  request: Request,
  company: StoredCompany,
  connectionId: string,
  correlationId: string,
  context: SimulatorContext,
): Promise<Response> {
  const connection = company.connections.find((candidate) => candidate.id === connectionId);
  if (!connection) return codatError(404, `Connection ${connectionId} was not found.`, correlationId);
  const text = await readBodyText(request, MAX_BODY_BYTES, correlationId);
  if (text instanceof Response) return text;
  const problem = statusProblem(text);
  if (problem !== undefined) {
    return codatError(400, problem.message, correlationId, { validation: [problem] });
  }
  const now = context.options.now();
  const status = connectionStatusAt(context.plan, connection, company.syncs, now);
  if (status !== ConnectionStatus.Linked) {
    return codatError(
      400,
      `Only a Linked connection can be unlinked; connection ${connection.id} is ${status}.`,
      correlationId,
    );
  }
  // `linkedAt` stays: linking it again is a re-link, which starts no sync.
  connection.status = ConnectionStatus.Unlinked;
  return json(200, connectionView(company, connection, context.plan, viewOptionsOf(context)));
}

/** What is wrong with the body, or `undefined` when it asks for `Unlinked`. */
function statusProblem(text: string): ValidationItem | undefined {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return item('The request body must be a JSON object such as {"status": "Unlinked"}.');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return item('The request body must be a JSON object such as {"status": "Unlinked"}.');
  }
  const status: unknown = (body as Record<string, unknown>)['status'];
  if (status === ConnectionStatus.Unlinked) return undefined;
  return item(
    status === undefined || status === null
      ? 'status is required: a connection can only be set to Unlinked.'
      : `A connection can only be set to Unlinked, not ${JSON.stringify(status)}.`,
  );
}

function item(message: string): ValidationItem {
  return { itemId: 'status', message, validatorName: 'UpdateConnectionStatusValidator' };
}
