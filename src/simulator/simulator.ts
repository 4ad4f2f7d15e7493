import { routeSegments } from '../server/base-path.ts';
import { handleApi } from './api.ts';
import { codatError } from './codat-error.ts';
import type { SimulatorContext } from './context.ts';
import { handleLink } from './link.ts';
import { ConnectionStatus, type Company } from './model.ts';
import { resolveSimulatorOptions, type SimulatorOptions } from './options.ts';
import { Store } from './store.ts';
import { companyView } from './views.ts';

/** An in-memory Codat Platform API plus hosted Link, as one framework-neutral request handler. */
export interface Simulator {
  /** Answers one request: the Platform API under `{basePath}/companies`, hosted Link under `{basePath}/link`. */
  handle(request: Request): Promise<Response>;
  /** Every company as the API would return it now, in creation order (for tests and the demo). */
  listCompanies(): readonly Company[];
  /** Marks the company's linked connections `Deauthorized`, as when a user revokes access. False if unknown. */
  deauthorize(companyId: string): boolean;
  /** Forgets every company. */
  reset(): void;
}

export function createSimulator(options?: SimulatorOptions): Simulator {
  const resolved = resolveSimulatorOptions(options);
  const context: SimulatorContext = {
    options: resolved,
    store: new Store(),
    plan: {
      dataTypes: resolved.dataTypes,
      neverSyncedTypes: resolved.neverSyncedTypes,
      durationMs: resolved.syncDurationMs,
    },
    clientId: resolved.uuid(),
  };

  return {
    async handle(request) {
      try {
        const segments = routeSegments(new URL(request.url).pathname, resolved.basePath);
        if (segments === null) return codatError(404, 'Not found.', resolved.uuid());
        if (segments[0] === 'link') return await handleLink(request, segments, context);
        return await handleApi(request, segments, context);
      } catch {
        // A bug in the simulator should look like a platform 500, not kill the host server.
        return codatError(500, 'The simulator failed to handle the request.', resolved.uuid());
      }
    },
    listCompanies() {
      const now = resolved.now();
      return context.store.all().map((company) => companyView(company, context.plan, now));
    },
    deauthorize(companyId) {
      const company = context.store.get(companyId);
      if (!company) return false;
      for (const connection of company.connections) {
        if (connection.status === ConnectionStatus.Linked) connection.status = ConnectionStatus.Deauthorized;
      }
      return true;
    },
    reset() {
      context.store.clear();
    },
  };
}
