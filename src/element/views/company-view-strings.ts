/** UI text of the views for an existing company (reconnect prompt, dashboard); override through `strings`. */
export const companyViewStrings = {
  reconnectTitle: (platformName: string): string => `Reconnect ${platformName}`,
  reconnectReason: {
    Deauthorized: 'Access was revoked or has expired, so we can no longer update your data.',
    PendingAuth: 'Authorisation was started but never finished.',
    Unlinked: 'This connection was switched off.',
  } as Record<string, string>,
  reconnectFallbackReason: 'This connection needs attention.',
  reconnectButton: 'Reconnect',
  overviewTitle: 'Your accounting connections',
  noConnections: 'No accounting software is connected yet.',
  connectButton: 'Connect',
  connectionStatus: {
    Linked: 'Connected',
    Deauthorized: 'Access revoked',
    PendingAuth: 'Not finished',
    Unlinked: 'Switched off',
  } as Record<string, string>,
  lastSync: (when: string): string => `Last synced ${when}`,
  neverSynced: 'Never synced',
  stale: 'This data may be out of date.',
  freshnessTitle: 'Data freshness',
  refreshButton: 'Refresh data',
};

export type CompanyViewStrings = typeof companyViewStrings;
