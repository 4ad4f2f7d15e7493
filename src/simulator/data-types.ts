/**
 * The data types and sync statuses the simulator speaks. They mirror the closed enums of the official SDK
 * (`DataTypes` and `Status` in `@codat/platform`); a test checks they stay in step. They are copied rather than
 * imported so the simulator does not need the SDK at run time.
 */

/** Every data type key the Platform API reports in `dataStatus`. */
export const DataType = {
  AccountTransactions: 'accountTransactions',
  BalanceSheet: 'balanceSheet',
  BankAccounts: 'bankAccounts',
  BankTransactions: 'bankTransactions',
  BillCreditNotes: 'billCreditNotes',
  BillPayments: 'billPayments',
  Bills: 'bills',
  CashFlowStatement: 'cashFlowStatement',
  ChartOfAccounts: 'chartOfAccounts',
  Company: 'company',
  CreditNotes: 'creditNotes',
  Customers: 'customers',
  DirectCosts: 'directCosts',
  DirectIncomes: 'directIncomes',
  Invoices: 'invoices',
  ItemReceipts: 'itemReceipts',
  Items: 'items',
  JournalEntries: 'journalEntries',
  Journals: 'journals',
  PaymentMethods: 'paymentMethods',
  Payments: 'payments',
  ProfitAndLoss: 'profitAndLoss',
  PurchaseOrders: 'purchaseOrders',
  SalesOrders: 'salesOrders',
  Suppliers: 'suppliers',
  TaxRates: 'taxRates',
  TrackingCategories: 'trackingCategories',
  Transfers: 'transfers',
  BankingAccountBalances: 'banking-accountBalances',
  BankingAccounts: 'banking-accounts',
  BankingTransactionCategories: 'banking-transactionCategories',
  BankingTransactions: 'banking-transactions',
  CommerceCompanyInfo: 'commerce-companyInfo',
  CommerceCustomers: 'commerce-customers',
  CommerceDisputes: 'commerce-disputes',
  CommerceLocations: 'commerce-locations',
  CommerceOrders: 'commerce-orders',
  CommercePaymentMethods: 'commerce-paymentMethods',
  CommercePayments: 'commerce-payments',
  CommerceProductCategories: 'commerce-productCategories',
  CommerceProducts: 'commerce-products',
  CommerceTaxComponents: 'commerce-taxComponents',
  CommerceTransactions: 'commerce-transactions',
} as const;
export type DataType = (typeof DataType)[keyof typeof DataType];

const DATA_TYPES: readonly unknown[] = Object.values(DataType);

export function isDataType(value: unknown): value is DataType {
  return DATA_TYPES.includes(value);
}

/** The data types a simulated company syncs unless told otherwise: a typical accounting set. */
export const DEFAULT_DATA_TYPES: readonly DataType[] = [
  DataType.Company,
  DataType.ChartOfAccounts,
  DataType.Invoices,
  DataType.Bills,
  DataType.Customers,
  DataType.Suppliers,
];

/** The `currentStatus` values the simulator produces (a subset of the platform's). */
export const SyncStatus = {
  Queued: 'Queued',
  Fetching: 'Fetching',
  Mapping: 'Mapping',
  Complete: 'Complete',
  /** The `fetch-error` scenario's failing type. */
  FetchError: 'FetchError',
  /** The `auth-error` scenario's failing type: the platform refused the credentials; the company must re-link. */
  AuthError: 'AuthError',
  /** Only in the read history: a pull operation a newer sync of its type replaced before it finished. */
  Cancelled: 'Cancelled',
} as const;
export type SyncStatus = (typeof SyncStatus)[keyof typeof SyncStatus];
