import { base64 } from './base64.ts';
import type { Redact } from './responses.ts';

/**
 * A function that replaces each secret (and its base64 form, as it travels in `Authorization: Basic …`)
 * with `[redacted]`. Applied to every log line and response body: the API key must never leave the server,
 * even when the platform or a proxy echoes it back in an error.
 */
export function createRedactor(secrets: readonly string[]): Redact {
  const forms = secrets
    .filter((secret) => secret.length > 0)
    .flatMap((secret) => [secret, base64(secret)])
    // Longest first, so a secret that contains another is replaced whole.
    .sort((a, b) => b.length - a.length);
  return (text) => forms.reduce((result, form) => result.replaceAll(form, '[redacted]'), text);
}
