type Handler = () => Response | Promise<Response>;

/** Runs the handler for the request's method, or answers 405 through `notAllowed` with the `Allow` value. */
export function byMethod(
  request: Request,
  handlers: Partial<Record<string, Handler>>,
  notAllowed: (allow: string) => Response,
): Response | Promise<Response> {
  const handler = handlers[request.method];
  if (handler) return handler();
  const response = notAllowed(Object.keys(handlers).join(', '));
  response.headers.set('allow', Object.keys(handlers).join(', '));
  return response;
}
