/**
 * What the browser is told about a company, whatever the platform said it in: a data type's read ended, or a
 * connection changed. Small on purpose: the browser reads the data status itself (authorised as usual); the
 * news only says when it is worth reading.
 */
export type CompanyEvent =
  | {
      readonly type: 'read-completed';
      /** The data types whose read ended, with the status each ended in (`Complete`, `FetchError`, …). */
      readonly dataTypes: readonly { readonly dataType: string; readonly status?: string }[];
    }
  | {
      readonly type: 'connection-changed';
      readonly connectionId: string;
      /** The connection's status now (`Linked`, `Unlinked`, `Deauthorized`, `PendingAuth`), when said. */
      readonly status?: string;
    };

/** The pub/sub channel of one company's events. */
export const companyChannel = (companyId: string): string => `company-onboard:company:${companyId}`;
