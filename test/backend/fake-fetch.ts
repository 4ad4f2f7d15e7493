import {
  createFetchBackend,
  type FetchBackendOptions,
  type OnboardBackend,
} from '../../src/backend/index.ts';

/** A scripted `fetch`: each call takes the next reply; every request is recorded for assertions. */
export type Reply = Response | Error | 'hang' | ((request: Request) => Response | Promise<Response>);

export interface FakeFetch {
  readonly fetch: typeof fetch;
  readonly requests: Request[];
}

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

/** An empty 204, as the contract answers a refresh, a queued type or a delete. */
export const noContent = (): Response => new Response(null, { status: 204 });

/** What `promise` rejected with; fails the test if it resolved. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

export function fakeFetch(...replies: Reply[]): FakeFetch {
  const requests: Request[] = [];
  const fetchFn = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    requests.push(request);
    const reply = replies.shift();
    if (reply === undefined)
      return Promise.reject(new Error(`unexpected request ${request.method} ${request.url}`));
    if (reply === 'hang') {
      return new Promise((_, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    }
    if (reply instanceof Error) return Promise.reject(reply);
    return Promise.resolve(typeof reply === 'function' ? reply(request) : reply);
  };
  return { fetch: fetchFn, requests };
}

/**
 * The fetch backend under `https://api.example.test/onboard/` on a {@link fakeFetch} that answers with `replies`,
 * retrying at once unless `options` say otherwise.
 */
export function backendWith(
  replies: Reply[],
  options: Partial<FetchBackendOptions> = {},
): { backend: OnboardBackend; requests: Request[] } {
  const fake = fakeFetch(...replies);
  const backend = createFetchBackend({
    baseUrl: 'https://api.example.test/onboard/',
    fetch: fake.fetch,
    retryDelayMs: 0,
    ...options,
  });
  return { backend, requests: fake.requests };
}

export const company = {
  id: '6d5c8a0e-8c8b-4c44-9d0e-1b7a2c9f0a11',
  name: 'Acme Ltd',
  redirect: 'https://link.codat.io/company/6d5c8a0e-8c8b-4c44-9d0e-1b7a2c9f0a11',
};
