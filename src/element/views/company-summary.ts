import type { Company } from '../../backend/index.ts';
import type { CompanySummary } from '../../machine/index.ts';

/** The most urgent first: access revoked, then never finished, then unlinked by the integrator. */
const BROKEN_FIRST = ['Deauthorized', 'PendingAuth', 'Unlinked'];
const urgency = (status: string): number => {
  const index = BROKEN_FIRST.indexOf(status);
  return index === -1 ? BROKEN_FIRST.length : index;
};

/** What the journey needs of a company: its Link URL and the connection to re-authorise, if any. */
export function summarizeCompany({ id, name, redirect, dataConnections = [] }: Company): CompanySummary {
  const broken = dataConnections
    .filter((connection) => connection.status !== 'Linked')
    .sort((a, b) => urgency(a.status) - urgency(b.status))[0];
  if (broken === undefined) return { id, name, redirect };
  const { id: connectionId, platformName, status, linkUrl } = broken;
  return {
    id,
    name,
    redirect,
    broken: { id: connectionId, platformName, status, ...(linkUrl === undefined ? {} : { linkUrl }) },
  };
}
