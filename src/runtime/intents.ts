import type { CompanyRecord, ConnectionRecord, DataStatusRecords } from '../machine/index.ts';

/** What a user can ask of a journey. The runner adds what the machine's events need (nonces, how to open Link). */
export type JourneyIntent =
  | { readonly type: 'NAME.SUBMIT'; readonly name: string }
  /** Opens Link; with `connectionId`, to continue that (pending) connection rather than choose software anew. */
  /** With `adding`, to add another source at the company's own Link URL ("Connect another account"). */
  | { readonly type: 'LINK.OPEN'; readonly connectionId?: string; readonly adding?: boolean }
  | { readonly type: 'RETRY' }
  /** While Link is open in its popup: bring the window back, or give up connecting for now. */
  | { readonly type: 'LINK.FOCUS' }
  | { readonly type: 'LINK.CANCEL' }
  /** From the dashboard, once the backend has done it: a connection disconnected, as the platform answered. */
  | { readonly type: 'CONNECTION.DISCONNECTED'; readonly connection: ConnectionRecord }
  /** From the dashboard, the company and its data status read again after news of them. */
  | {
      readonly type: 'COMPANY.LOADED';
      readonly company: CompanyRecord;
      readonly statuses: DataStatusRecords | null;
    }
  /** From the dashboard, once the backend has deleted the company. */
  | { readonly type: 'COMPANY.DELETED' }
  | { readonly type: 'DATA.REFRESH' };
