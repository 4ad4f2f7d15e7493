/**
 * Which `Host` headers the simulator answers: a defence against DNS rebinding, where a web page the developer
 * visits points its own name (`evil.example`) at 127.0.0.1 and, being "same-origin" with itself, reads and
 * drives a loopback server. The browser still sends `Host: evil.example`, so refusing unknown hosts stops it.
 */

/**
 * The host name of a `Host` header value or an `allowedHosts` entry, lower-cased and without port
 * (`Sim.Example:8080` → `sim.example`, `[::1]:80` → `[::1]`, `::1` → `[::1]`); `undefined` if it is not one.
 */
export function hostNameOf(value: string): string | undefined {
  return hostUrlOf(value)?.hostname;
}

/** `value` as the URL `http://{value}/`, a bare IPv6 address bracketed; `undefined` if it is more than a host. */
function hostUrlOf(value: string): URL | undefined {
  if (/[/?#@\\\s]/.test(value)) return undefined;
  try {
    const url = new URL(`http://${isBareIpv6(value) ? `[${value}]` : value}`);
    return url.hostname === '' ? undefined : url;
  } catch {
    return undefined;
  }
}

/** An IPv6 address without the brackets a URL or `Host` header puts around it (`::1`). */
function isBareIpv6(value: string): boolean {
  return value.split(':').length > 2 && !value.startsWith('[');
}

/** Whether `hostName` (as {@link hostNameOf} returns it) names this machine: no DNS answer can change that. */
export function isLoopbackName(hostName: string): boolean {
  return (
    hostName === 'localhost' ||
    hostName.endsWith('.localhost') ||
    /^127\.\d+\.\d+\.\d+$/.test(hostName) ||
    hostName === '[::1]'
  );
}

/**
 * The host names of `entries` (the `allowedHosts` option), each checked to be a host name alone: a mistake
 * must show when the simulator is created, not as refused requests later.
 */
export function allowedHostSet(entries: readonly string[]): ReadonlySet<string> {
  return new Set(
    entries.map((entry) => {
      const url = hostUrlOf(entry);
      // `url.host` keeps a port other than 80; the pattern also catches `:80` and a trailing `:`.
      if (url === undefined || url.host !== url.hostname || (!isBareIpv6(entry) && /:\d*$/.test(entry))) {
        throw new TypeError(
          `allowedHosts: ${JSON.stringify(entry)} is not a host name; write the name alone, without scheme, ` +
            'port or path (e.g. "sim.example"): every port is allowed.',
        );
      }
      return url.hostname;
    }),
  );
}

/**
 * `true` when the request's `Host` header is a loopback name or in `allowed` (any port), or when it has none
 * (a request built in-process, e.g. `simulator.handle(new Request('http://sim.test/…'))`, reaches no socket).
 */
export function isAllowedHost(request: Request, allowed: ReadonlySet<string>): boolean {
  const header = request.headers.get('host');
  if (header === null) return true;
  const name = hostNameOf(header);
  return name !== undefined && (isLoopbackName(name) || allowed.has(name));
}

/** Why a request with the `Host` header `header` was refused, and how to allow it. */
export function refusedHostMessage(header: string): string {
  const name = hostNameOf(header);
  const allow =
    name === undefined
      ? 'It is not a host name.'
      : `To allow it, create the simulator with allowedHosts: [${JSON.stringify(name)}].`;
  return (
    `This simulator does not answer to Host ${JSON.stringify(header)}: only to loopback names (localhost, ` +
    '127.0.0.1, [::1]) and the hosts in its allowedHosts option, so no web page can reach it under a name ' +
    `of its own (DNS rebinding). ${allow}`
  );
}
