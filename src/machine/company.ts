import type { CompanyRecord, ConnectionRecord } from './records.ts';

/** The most urgent first: access revoked, then never finished, then unlinked by the integrator. */
const BROKEN_FIRST = ['Deauthorized', 'PendingAuth', 'Unlinked'];
const urgency = (status: string): number => {
  const index = BROKEN_FIRST.indexOf(status);
  return index === -1 ? BROKEN_FIRST.length : index;
};

/** The connection the user should re-authorise, if any: the most urgent one that is not `Linked`. */
export function brokenConnection(company: CompanyRecord): ConnectionRecord | undefined {
  return (company.dataConnections ?? [])
    .filter((connection) => connection.status !== 'Linked')
    .sort((a, b) => urgency(a.status) - urgency(b.status))[0];
}

/** Where Link opens: the broken connection's own URL when re-authorising, else the company's. */
export const linkUrlOf = (company: CompanyRecord): string =>
  brokenConnection(company)?.linkUrl ?? company.redirect;

/**
 * The connection that confirms a link: `Linked`, and the one the callback named when it named one (a 201
 * callback may name none: then any Linked connection will do).
 */
export const confirmingConnection = (
  company: CompanyRecord,
  connectionId: string | null,
): ConnectionRecord | undefined =>
  (company.dataConnections ?? []).find(
    (c) => c.status === 'Linked' && (connectionId === null || c.id === connectionId),
  );
