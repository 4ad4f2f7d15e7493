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
  overviewTitle: 'Your connections',
  noConnections: 'No accounting software is connected yet.',
  connectButton: 'Connect',
  addButton: 'Connect another account',
  'source.Accounting': 'Accounting',
  'source.Banking': 'Banking',
  'source.BankFeed': 'Bank feeds',
  'source.Commerce': 'Commerce',
  'source.Expense': 'Expenses',
  'source.Other': 'Other',
  firstAuthorised: (when: string): string => `Connected ${when}`,
  disconnectButton: 'Disconnect',
  disconnectTitle: (platformName: string): string => `Disconnect ${platformName}?`,
  disconnectText:
    'Data already fetched is kept, but nothing new will be fetched from it. You can reconnect at any time.',
  disconnectConfirm: 'Disconnect',
  disconnecting: 'Disconnecting…',
  cancelButton: 'Cancel',
  refreshing: 'Refreshing your data…',
  historyButton: 'Show sync history',
  historyHide: 'Hide sync history',
  historyTitle: 'Sync history',
  historyLoading: 'Loading the sync history…',
  historyEmpty: 'Nothing has been synced yet.',
  historyFailed: (reason: string): string => `Failed: ${reason}`,
  historyCancelled: 'Replaced by a newer sync',
  historyRetry: 'Try again',
  deleteButton: 'Delete company and data',
  deleteTitle: (name: string): string => `Delete ${name} and all its data?`,
  deleteText:
    'This removes the company, every connection and all data fetched, for good. It cannot be undone.',
  deleteLabel: (name: string): string => `Type “${name}” to confirm`,
  deleteConfirm: 'Delete for good',
  deleting: 'Deleting…',
  deletedTitle: 'Company deleted',
  deletedText: (name: string): string => `${name} and all its data were deleted.`,
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
  prefix: 'reason' | 'status' | 'source',
  value: string,
): string | undefined => (t as unknown as Record<string, string | undefined>)[`${prefix}.${value}`];
