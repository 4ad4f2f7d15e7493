import { ErrorCode, type LinkOutcome } from '../machine/index.ts';

/** Parameters Codat fills into the redirect URL, plus our `state`; all removed from the URL after parsing. */
const CALLBACK_PARAMS = [
  'clientid',
  'companyid',
  'connectionid',
  'integrationid',
  'sourceid',
  'platform',
  'platformname',
  'sourcetype',
  'statuscode',
  'errormessage',
  'statustext',
  'state',
]; // lower case: matched case-insensitively

/** Case-insensitive read: Codat documents the names as case-sensitive but its examples are lower case. */
function reader(params: URLSearchParams): (name: string) => string | null {
  const lower = new Map<string, string>();
  for (const [key, value] of params) {
    const k = key.toLowerCase();
    if (!lower.has(k)) lower.set(k, value);
  }
  return (name) => {
    const value = lower.get(name.toLowerCase());
    return value === undefined || value === '' ? null : value;
  };
}

/** Whether a query string looks like a return from hosted Link (it carries a `statusCode`). */
export function isLinkCallback(search: string): boolean {
  return reader(new URLSearchParams(search))('statusCode') !== null;
}

/** Turns the callback query string into an outcome. Never throws: garbage becomes `callback-invalid`. */
export function parseLinkCallback(search: string): LinkOutcome {
  const get = reader(new URLSearchParams(search));
  const state = get('state');
  const rawStatus = get('statusCode');
  const statusCode = rawStatus !== null && /^\d{3}$/.test(rawStatus.trim()) ? Number(rawStatus) : NaN;
  switch (statusCode) {
    case 200:
    case 201:
      return {
        kind: 'success',
        statusCode,
        state,
        companyId: get('companyId'),
        connectionId: get('connectionId'),
      };
    case 403:
      return { kind: 'cancelled', state };
    case 500:
      return { kind: 'failed', code: ErrorCode.LinkFailed, state, detail: get('errorMessage') };
    case 501:
      return { kind: 'failed', code: ErrorCode.PlatformNotSupported, state, detail: null };
    default:
      return { kind: 'failed', code: ErrorCode.CallbackInvalid, state, detail: null };
  }
}

/** The URL without Link's parameters and our `state`; the integrator's own parameters are kept. */
export function withoutCallbackParams(href: string): string {
  const url = new URL(href);
  for (const key of [...url.searchParams.keys()]) {
    if (CALLBACK_PARAMS.includes(key.toLowerCase())) url.searchParams.delete(key);
  }
  return url.href;
}
