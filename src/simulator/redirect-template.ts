/** The parameters hosted Link fills itself; any other `{name}` comes from the Link URL's query string. */
export interface ReservedRedirectParams {
  clientId: string;
  companyId: string;
  connectionId: string;
  integrationId: string;
  sourceId: string;
  /** The platform's four-character integration key. */
  platform: string;
  platformName: string;
  sourceType: string;
  statusCode: string;
  errorMessage: string;
  statusText: string;
}

/**
 * The URL hosted Link redirects to: every `{name}` in `template` replaced by the URL-encoded reserved value of
 * that name or, failing that, by the Link page's query parameter of that name (empty when absent). Reserved
 * values win so a query string cannot forge `statusCode`. A relative template is resolved against `origin`.
 */
export function fillRedirectTemplate(
  template: string,
  reserved: ReservedRedirectParams,
  linkQuery: URLSearchParams,
  origin: string,
): string {
  const reservedValues = new Map<string, string>(Object.entries(reserved));
  const filled = template.replace(/\{([^{}]+)\}/g, (_placeholder, name: string) =>
    encodeURIComponent(reservedValues.get(name) ?? linkQuery.get(name) ?? ''),
  );
  return new URL(filled, origin).href;
}
