import type { CompanyRecord, ConnectionRecord } from './records.ts';

/**
 * The most urgent first: access revoked, then unlinked by the integrator. A `PendingAuth` connection is not
 * broken, only unfinished: the user may continue it or choose other software (the dashboard offers both).
 */
const BROKEN_FIRST = ['Deauthorized', 'Unlinked'];
const urgency = (status: string): number => {
  const index = BROKEN_FIRST.indexOf(status);
  return index === -1 ? BROKEN_FIRST.length : index;
};

/** The connection the user should re-authorise, if any: the most urgent broken one (unknown statuses last). */
export function brokenConnection(company: CompanyRecord): ConnectionRecord | undefined {
  return (company.dataConnections ?? [])
    .filter((connection) => connection.status !== 'Linked' && connection.status !== 'PendingAuth')
    .sort((a, b) => urgency(a.status) - urgency(b.status))[0];
}

/**
 * Where Link opens: the company's own Link URL, where the user chooses their software, when `adding` a source;
 * else the connection asked for (pending, or broken, being taken up again), else the broken connection's own
 * URL when re-authorising, else the company's.
 */
export function linkUrlOf(
  company: CompanyRecord,
  connectionId: string | null = null,
  adding = false,
): string {
  const target = adding
    ? undefined
    : connectionId === null
      ? brokenConnection(company)
      : company.dataConnections?.find((connection) => connection.id === connectionId);
  return target?.linkUrl ?? company.redirect;
}

/**
 * The connection that confirms a link: `Linked`, and the one the callback named when it named one (a 201
 * callback may name none: then any Linked connection will do). When adding a source, only one that was not
 * Linked `before` counts (new, pending, or taken up again): a 201 for a platform already linked adds nothing.
 */
export const confirmingConnection = (
  company: CompanyRecord,
  connectionId: string | null,
  before: CompanyRecord | null = null,
): ConnectionRecord | undefined =>
  (company.dataConnections ?? []).find(
    (c) =>
      c.status === 'Linked' &&
      (connectionId === null || c.id === connectionId) &&
      !before?.dataConnections?.some((old) => old.id === c.id && old.status === 'Linked'),
  );

/** Whether `connection` is a source `before` did not have (absent, or never finished): one added, not re-linked. */
export const isNewSource = (connection: ConnectionRecord, before: CompanyRecord | null): boolean =>
  !before?.dataConnections?.some((old) => old.id === connection.id && old.status !== 'PendingAuth');

/** Whether the company has been linked before (any connection past `PendingAuth`): linking again is a re-authorisation. */
export const wasEverLinked = (company: CompanyRecord): boolean =>
  (company.dataConnections ?? []).some((connection) => connection.status !== 'PendingAuth');
