/**
 * Every parameter Codat fills in the redirect (CODAT.md), plus our `state`: written out here, apart from the
 * source, so tests check the parser against the documentation rather than against itself.
 */
export const CALLBACK_NAMES: readonly string[] = [
  'clientId',
  'companyId',
  'connectionId',
  'integrationId',
  'sourceId',
  'platform',
  'platformName',
  'sourceType',
  'statusCode',
  'errorMessage',
  'statusText',
  'state',
];
