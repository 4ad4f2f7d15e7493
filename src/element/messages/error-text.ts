import type { JourneyError } from '../../machine/index.ts';
import { render, type ErrorKey, type Text } from './catalogue.ts';
import { en } from './en.ts';

/**
 * The sentence for an error: the integrator's own entry for its code first; else the backend's sentence when it
 * sent one (it speaks for codes of its own, e.g. `invalid-name`); else our entry for the code; else one by
 * HTTP status.
 */
export function errorText(overrides: Partial<Record<string, unknown>>, error: JourneyError): string {
  const key = `error.${error.code}`;
  const own = overrides[key] as Text | undefined;
  const ours = (en as Record<string, unknown>)[key] as Text | undefined;
  const { status } = error.params;
  const fallback: ErrorKey =
    status === undefined ? 'error.unexpected' : status >= 500 ? 'error.server-error' : 'error.http-error';
  return render(own ?? error.params.serverText ?? ours ?? en[fallback], error.params);
}
