import type { ErrorKey, NoticeKey, PhaseKey, Text } from './catalogue.ts';

const httpError: Text = ({ status }) => `The request failed (HTTP ${status ?? '?'}).`;

/**
 * Every sentence of the sign-up journey, in English, keyed by what it says. Errors and notices are keyed by the
 * codes the lower layers return (`error.<code>`, `notice.<code>`); override any entry with the element's
 * `strings` property.
 */
export const en = {
  nameLabel: 'Company name',
  nameRequired: 'Enter your company name.',
  nameSavedAs: ((stored: string): string =>
    `It will be saved as “${stored}” (the platform keeps only Latin letters); the name as you typed it is kept too.`) as (
    stored: string,
  ) => string,
  createButton: 'Continue',
  creating: 'Setting up your company…',
  loading: 'Loading your company…',
  readyTitle: 'Connect your accounting software',
  readyText: 'You will sign in to it securely and choose what to share.',
  connectButton: 'Connect',
  reconnectButton: 'Reconnect',
  linkingPopup: 'Finish connecting in the window that opened.',
  focusLinkButton: 'Bring the window back',
  cancelLinkButton: 'Cancel',
  linkingRedirect: 'Taking you to your accounting software…',
  confirming: 'Confirming your connection…',
  syncing: 'Fetching your data. This can take minutes.',
  syncProgress: ((finished: number, total: number): string =>
    total === 0 ? 'Waiting for your data…' : `${finished} of ${total} data types ready`) as (
    finished: number,
    total: number,
  ) => string,
  completeTitle: 'You’re all set',
  complete: ((platform: string | undefined): string =>
    `${platform ?? 'Your accounting software'} is connected and your data is synced.`) as (
    platform: string | undefined,
  ) => string,
  errorTitle: 'Something went wrong',
  retryButton: 'Try again',
  popupHandedOff: 'You can close this window.',
  'phase.pending': 'Waiting',
  'phase.in-progress': 'In progress',
  'phase.finished': 'Done',
  'phase.failed': 'Failed',
  'notice.user-cancelled': 'You cancelled connecting your accounting software.',
  'notice.popup-closed': 'The window was closed before you finished connecting.',
  'notice.link-unfinished': 'Connecting was not finished.',
  'notice.data-refreshed': 'Your data is up to date.',
  'error.network-error': 'We could not reach the server. Check your connection and try again.',
  'error.timeout': 'The server did not answer in time. Please try again.',
  'error.bad-response': 'The server sent an answer we could not understand. Please try again.',
  'error.invalid-request': httpError,
  'error.unauthorized': 'Your session has expired. Sign in again and retry.',
  'error.forbidden': httpError,
  'error.not-found': 'We could not find this company.',
  'error.rate-limited': httpError,
  'error.server-error': ({ status }) => `The server had a problem (HTTP ${status ?? '?'}). Please try again.`,
  'error.http-error': httpError,
  'error.unexpected': 'Something went wrong. Please try again.',
  'error.callback-invalid': 'The connection page sent an answer we did not understand. Please connect again.',
  'error.callback-state-mismatch':
    'This answer does not belong to the connection you started. Please connect again.',
  'error.callback-company-mismatch': 'That answer was for another company. Please connect again.',
  'error.link-failed': ({ detail }) =>
    `Connecting your accounting software failed${detail ? `: ${detail}` : '.'} Please try again.`,
  'error.platform-not-supported': 'That software is not supported yet. Please choose another.',
  'error.link-not-confirmed': 'We could not confirm the connection. Please connect again.',
  'error.link-url-rejected': 'The connection page address is not allowed, so it was not opened.',
  'error.popup-blocked': 'Your browser blocked the connection window. Allow pop-ups here, then try again.',
  'error.storage-unavailable':
    'Your browser blocks site storage, so leaving this page would lose your progress. Allow storage or pop-ups, then try again.',
  'error.sync-failed': ({ types = [] }) => `These data types failed to sync: ${types.join(', ')}.`,
  'error.sync-auth-error': 'Please connect your accounting software again.',
  'error.sync-timeout': 'Your data is taking longer than usual. Try again to keep waiting.',
  'error.sync-not-started': ({ types = [] }) =>
    `These data types did not start syncing: ${types.join(', ')}. Try again to ask for them once more.`,
  'error.account-limit':
    'We cannot connect your company right now. This is not something you did, and trying again will not help: please contact us.',
  'error.conflict': 'Someone else changed this at the same time. Please try again.',
  'error.unavailable': 'The service is unavailable for a moment. Please try again in a few minutes.',
  'error.link-url-unavailable':
    'We could not get the connection page, so its window was closed. Please try again.',
} satisfies Record<ErrorKey | NoticeKey | PhaseKey, Text> & Record<string, unknown>;

export type OnboardStrings = typeof en;
