import type { MessageParams } from '../../machine/index.ts';

/*
 * The English the first screen does without, loaded on demand like every other language (see `catalogue.ts`):
 * each error's heading and message, the name rules' complaints, and data types in human words. Errors are keyed
 * by the codes the journey and the reference server report (`heading.<code>`, `error.<code>`); no message shows
 * an HTTP status or an internal name: those stay in `onboard-error`'s detail for the integrator.
 */

type Types = Pick<MessageParams, 'types'>;
type Detail = Pick<MessageParams, 'detail'>;

/** Names of data types inside a sentence: "your invoices and bills". */
const list = (types: readonly string[] = []): string =>
  new Intl.ListFormat('en').format(types.map((type) => type.toLowerCase()));

const tryAgain = 'Please try again.';
const ourSide = 'Please try again in a moment. If it keeps happening, contact us.';
const expired = 'Your session has expired';
const notFound = 'We can’t find your company';
const busy = 'Too many requests';
const down = 'The service is down for a moment';
const badAnswer = 'We got an answer we didn’t understand';
const refused = 'This wasn’t allowed';
const blocked = 'We couldn’t save that';
// `platform-*` codes are about the data platform our server calls (Codat), not the user's own software.
const platformDown = 'Our connection service isn’t answering';

export const enExtra = {
  // Notices that come late in a journey (or on the dashboard), and the hint the name rules give.
  'notice.data-refreshed': 'Your data is up to date.',
  'notice.sync-queued':
    'Your accounting software has not started sending data yet. If it runs on your own computer, make sure that computer is on and connected: the sync starts as soon as it is.',
  nameSavedAs: (stored: string): string =>
    `It will be saved as “${stored}” (the platform keeps only Latin letters); the name as you typed it is kept too.`,
  'heading.network-error': 'You seem to be offline',
  'error.network-error': 'We couldn’t reach the server. Check your internet connection, then try again.',
  'heading.timeout': 'This is taking too long',
  'error.timeout': 'The server didn’t answer in time. Please try again.',
  'heading.bad-response': badAnswer,
  'error.bad-response': ourSide,
  'heading.invalid-request': blocked,
  'error.invalid-request':
    'Something in the request wasn’t right. Please check what you entered and try again.',
  'heading.unauthorized': expired,
  'error.unauthorized': 'Sign in again, then try once more.',
  'heading.forbidden': refused,
  'error.forbidden': 'Your account isn’t allowed to do this. If you think it should be, contact us.',
  'heading.not-found': notFound,
  'error.not-found': 'It may have been deleted. Start again, or contact us if you think this is wrong.',
  'heading.rate-limited': busy,
  'error.rate-limited': 'Please wait a minute, then try again.',
  'heading.server-error': 'Something went wrong on our side',
  'error.server-error': ourSide,
  'heading.http-error': 'Something went wrong',
  'error.http-error': ourSide,
  'heading.unexpected': 'Something went wrong',
  'error.unexpected': tryAgain,
  'heading.callback-invalid': 'We couldn’t finish connecting',
  'error.callback-invalid':
    'The page you came back from didn’t say how connecting went. Please connect again.',
  'heading.callback-state-mismatch': 'This isn’t the connection you started',
  'error.callback-state-mismatch':
    'You came back from a connection started elsewhere, perhaps in another tab. Please connect again here.',
  'heading.callback-company-mismatch': 'This was for another company',
  'error.callback-company-mismatch': 'You connected a different company than this one. Please connect again.',
  'heading.link-failed': 'Connecting didn’t work',
  'error.link-failed': ({ detail }: Detail): string =>
    `Your accounting software said: “${detail ?? 'no reason given'}”. Please try again.`,
  'heading.platform-not-supported': 'That software isn’t supported yet',
  'error.platform-not-supported': 'Please choose other accounting software.',
  'heading.link-not-confirmed': 'We couldn’t confirm the connection',
  'error.link-not-confirmed':
    'Your accounting software didn’t confirm that it is connected. Please connect again.',
  'heading.link-url-rejected': 'We didn’t open that page',
  'error.link-url-rejected':
    'The connection page was at an address we don’t trust, so we didn’t open it. Please contact us.',
  'heading.popup-blocked': 'Your browser blocked the window',
  'error.popup-blocked': 'Allow pop-ups for this site, then try again.',
  'heading.storage-unavailable': 'Your browser blocks site storage',
  'error.storage-unavailable':
    'Leaving this page would lose your progress. Allow storage or pop-ups for this site, then try again.',
  'heading.sync-failed': 'Some of your data didn’t arrive',
  'error.sync-failed': ({ types }: Types): string =>
    `We couldn’t fetch your ${list(types)}. Try again to fetch them once more.`,
  'heading.sync-auth-error': 'Your accounting software needs you again',
  'error.sync-auth-error': 'Its permission to share data has ended. Connect it again to carry on.',
  'heading.sync-timeout': 'Your data is taking longer than usual',
  'error.sync-timeout': 'It is still on its way. Try again to keep waiting.',
  'heading.sync-not-started': 'Some of your data hasn’t started',
  'error.sync-not-started': ({ types }: Types): string =>
    `Your accounting software hasn’t started sending your ${list(types)}. Try again to ask once more.`,
  'heading.account-limit': 'We can’t connect your company right now',
  'error.account-limit': 'This isn’t something you did, and trying again won’t help. Please contact us.',
  'heading.conflict': 'Something changed at the same time',
  'error.conflict': 'Someone or something else changed this just now. Please try again.',
  'heading.unavailable': down,
  'error.unavailable': 'Please try again in a few minutes.',
  'heading.link-url-unavailable': 'We couldn’t open the connection page',
  'error.link-url-unavailable': 'Its window was closed because the page never came. Please try again.',
  // The reference server's own codes.
  'heading.invalid-json': blocked,
  'error.invalid-json': ourSide,
  'heading.invalid-body': blocked,
  'error.invalid-body': ourSide,
  'heading.invalid-name': 'This name can’t be used',
  'error.invalid-name': 'Use letters, numbers, spaces and - ’ & @ . , ? !, then try again.',
  'heading.invalid-description': blocked,
  'error.invalid-description': ourSide,
  'heading.invalid-tags': blocked,
  'error.invalid-tags': ourSide,
  'heading.invalid-company-id': notFound,
  'error.invalid-company-id':
    'The link to your company isn’t right. Open this page again from where you started.',
  'heading.invalid-connection-id': 'We can’t find that connection',
  'error.invalid-connection-id': 'Reload the page to see your connections as they are now.',
  'heading.invalid-data-type': blocked,
  'error.invalid-data-type': ourSide,
  'heading.invalid-idempotency-key': blocked,
  'error.invalid-idempotency-key': ourSide,
  'heading.idempotency-key-reused': 'This was already sent with other details',
  'error.idempotency-key-reused': 'Reload the page and start again.',
  'heading.idempotency-key-in-flight': 'Still working on it',
  'error.idempotency-key-in-flight':
    'Your company is still being set up. Please wait a moment, then try again.',
  'heading.unsupported-media-type': blocked,
  'error.unsupported-media-type': ourSide,
  'heading.payload-too-large': blocked,
  'error.payload-too-large': 'What you entered is too long. Shorten it, then try again.',
  'heading.method-not-allowed': blocked,
  'error.method-not-allowed': ourSide,
  'heading.cross-site-request': refused,
  'error.cross-site-request':
    'For your safety, this can only be done from our own pages. Reload the page and try again.',
  'heading.request-timeout': 'This is taking too long',
  'error.request-timeout': 'Your connection seems slow. Please try again.',
  'heading.company-not-found': notFound,
  'error.company-not-found':
    'It may have been deleted. Start again, or contact us if you think this is wrong.',
  'heading.platform-rejected': 'Our connection service turned this down',
  'error.platform-rejected': ourSide,
  'heading.platform-auth': 'Our connection service turned us away',
  'error.platform-auth': 'This isn’t something you did. Please contact us.',
  'heading.platform-unavailable': platformDown,
  'error.platform-unavailable': 'Please try again in a few minutes.',
  'heading.platform-error': platformDown,
  'error.platform-error': ourSide,
  'heading.platform-unreachable': platformDown,
  'error.platform-unreachable': ourSide,
  'heading.platform-timeout': platformDown,
  'error.platform-timeout': 'It is slow to answer right now. Please try again.',
  'heading.platform-bad-response': badAnswer,
  'error.platform-bad-response': ourSide,
  'heading.events-unavailable': 'Live updates are paused',
  'error.events-unavailable': 'We will keep checking for changes. You do not need to do anything.',
  'heading.internal-error': 'Something went wrong on our side',
  'error.internal-error': ourSide,
  // The name rules (`backend/company-name.ts`), by reason.
  'name.too-long': (max: number): string => `Use at most ${max} characters.`,
  'name.invisible': 'The name contains invisible characters, perhaps from copying. Please type it again.',
  'name.forbidden': (chars: string): string =>
    `The name can’t contain ${chars}. Use letters, numbers, spaces and - ’ & @ . , ? !`,
  'name.no-latin': 'The platform stores names in Latin letters (A–Z) or digits. Please add some.',
  // Data types, as the platform names them.
  'type.accountTransactions': 'Account transactions',
  'type.balanceSheet': 'Balance sheet',
  'type.bankAccounts': 'Bank accounts',
  'type.bankTransactions': 'Bank transactions',
  'type.billCreditNotes': 'Bill credit notes',
  'type.billPayments': 'Bill payments',
  'type.bills': 'Bills',
  'type.cashFlowStatement': 'Cash flow statement',
  'type.chartOfAccounts': 'Chart of accounts',
  'type.company': 'Company details',
  'type.creditNotes': 'Credit notes',
  'type.customers': 'Customers',
  'type.directCosts': 'Direct costs',
  'type.directIncomes': 'Direct incomes',
  'type.invoices': 'Invoices',
  'type.itemReceipts': 'Item receipts',
  'type.items': 'Items',
  'type.journalEntries': 'Journal entries',
  'type.journals': 'Journals',
  'type.paymentMethods': 'Payment methods',
  'type.payments': 'Payments',
  'type.profitAndLoss': 'Profit and loss',
  'type.purchaseOrders': 'Purchase orders',
  'type.salesOrders': 'Sales orders',
  'type.suppliers': 'Suppliers',
  'type.taxRates': 'Tax rates',
  'type.trackingCategories': 'Tracking categories',
  'type.transfers': 'Transfers',
  'type.banking-accountBalances': 'Bank balances',
  'type.banking-accounts': 'Bank accounts',
  'type.banking-transactionCategories': 'Bank transaction categories',
  'type.banking-transactions': 'Bank transactions',
  'type.commerce-companyInfo': 'Shop details',
  'type.commerce-customers': 'Shop customers',
  'type.commerce-disputes': 'Disputes',
  'type.commerce-locations': 'Locations',
  'type.commerce-orders': 'Orders',
  'type.commerce-paymentMethods': 'Shop payment methods',
  'type.commerce-payments': 'Shop payments',
  'type.commerce-productCategories': 'Product categories',
  'type.commerce-products': 'Products',
  'type.commerce-taxComponents': 'Tax components',
  'type.commerce-transactions': 'Shop transactions',
};

export default enExtra;
