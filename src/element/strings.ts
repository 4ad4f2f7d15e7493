/** Every piece of UI text; override any of them with the element's `strings` property. */
export const defaultStrings = {
  nameLabel: 'Company name',
  nameRequired: 'Enter your company name.',
  createButton: 'Continue',
  creating: 'Setting up your company…',
  loading: 'Loading your company…',
  readyTitle: 'Connect your accounting software',
  readyText: 'You will sign in to it securely and choose what to share.',
  connectButton: 'Connect',
  reconnectButton: 'Reconnect',
  linkingPopup: 'Finish connecting in the window that opened.',
  linkingRedirect: 'Taking you to your accounting software…',
  confirming: 'Confirming your connection…',
  syncing: 'Fetching your data. This can take minutes.',
  syncProgress: (finished: number, total: number): string =>
    total === 0 ? 'Waiting for your data…' : `${finished} of ${total} data types ready`,
  complete: 'All set: your accounting data is connected and synced.',
  errorTitle: 'Something went wrong',
  retryButton: 'Try again',
  popupHandedOff: 'You can close this window.',
  phase: {
    pending: 'Waiting',
    'in-progress': 'In progress',
    finished: 'Done',
    failed: 'Failed',
  },
};

export type OnboardStrings = typeof defaultStrings;
