import { codatError, json } from './codat-error.ts';
import { byMethod } from './dispatch.ts';
import { faultFromJson, type SimulatorFaults } from './faults.ts';

/** The first path segment of the simulator's own control API (not part of Codat's). */
export const CONTROL_SEGMENT = '_simulator';

const MAX_BODY_BYTES = 16 * 1024;

/**
 * The simulator's control API under `{basePath}/_simulator/`, for e2e tests and the demo, which drive the
 * simulator over HTTP:
 *
 * - `POST /_simulator/faults` with a JSON `FaultSpec` (`path` a string) → 201 and the fault as listed;
 *   400 if malformed.
 * - `GET /_simulator/faults` → `{ faults: ActiveFault[] }`.
 * - `DELETE /_simulator/faults` → 204, every fault removed.
 *
 * **Unauthenticated**: anyone who can reach the simulator can break it. The simulator is for loopback only
 * (`startSimulator` binds 127.0.0.1 by default); never expose it, or a server mounting it, to a network.
 * Faults never apply to these routes.
 */
export async function handleControl(
  request: Request,
  segments: readonly string[],
  faults: SimulatorFaults,
  correlationId: string,
): Promise<Response> {
  const notAllowed = (allow: string): Response =>
    codatError(405, `Method ${request.method} is not allowed here; use ${allow}.`, correlationId);
  if (segments.length !== 2 || segments[1] !== 'faults') {
    return codatError(404, 'Not found: the control API has only /_simulator/faults.', correlationId);
  }
  return byMethod(
    request,
    {
      GET: () => json(200, { faults: faults.list() }),
      POST: () => inject(request, faults, correlationId),
      DELETE: () => {
        faults.clear();
        return new Response(null, { status: 204 });
      },
    },
    notAllowed,
  );
}

async function inject(request: Request, faults: SimulatorFaults, correlationId: string): Promise<Response> {
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > MAX_BODY_BYTES) return codatError(413, 'The fault is too large.', correlationId);
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return codatError(400, 'The fault must be JSON.', correlationId);
  }
  try {
    return json(201, faults.inject(faultFromJson(body)));
  } catch (error) {
    if (error instanceof TypeError) return codatError(400, error.message, correlationId);
    throw error;
  }
}
