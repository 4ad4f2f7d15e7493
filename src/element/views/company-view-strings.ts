/**
 * UI text of the views for an existing company (reconnect prompt, dashboard), loaded with them; override any
 * entry through `strings`. Platform statuses are keyed as the platform spells them.
 */
export const companyViewStrings = {
  reconnectTitle: (platformName: string): string => `Reconnect ${platformName}`,
  'reason.Deauthorized': 'Access was revoked or has expired, so we can no longer update your data.',
  'reason.PendingAuth': 'Authorisation was started but never finished.',
  continueButton: (platformName: string): string => `Continue with ${platformName}`,
  chooseOtherButton: 'Choose other software',
  'reason.Unlinked': 'This connection was switched off.',
  reconnectFallbackReason: 'This connection needs attention.',
  reconnectButton: 'Reconnect',
  overviewTitle: 'Your accounting connections',
  noConnections: 'No accounting software is connected yet.',
  connectButton: 'Connect',
  'status.Linked': 'Connected',
  'status.Deauthorized': 'Access revoked',
  'status.PendingAuth': 'Not finished',
  'status.Unlinked': 'Switched off',
  lastSync: (when: string): string => `Last synced ${when}`,
  neverSynced: 'Never synced',
  stale: 'This data may be out of date.',
  freshnessTitle: 'Data freshness',
  refreshButton: 'Refresh data',
};

export type CompanyViewStrings = typeof companyViewStrings;

/** An entry keyed by a platform value (a status); `undefined` for a value we have no words for. */
export const byValue = (
  t: CompanyViewStrings,
  prefix: 'reason' | 'status',
  value: string,
): string | undefined => (t as unknown as Record<string, string | undefined>)[`${prefix}.${value}`];
