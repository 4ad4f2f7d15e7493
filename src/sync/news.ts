import type { CompanyNews } from '../backend/index.ts';

/**
 * Whether pushed news is worth reading the data status for now, rather than waiting: a connection changed
 * (access lost or back); a read ended in anything but `Complete` (the journey must say so); or every type the
 * last reading was waiting for has since been reported ended (`ended`, news so far). Each other type's news
 * only brings the end nearer: reading for each would cost a request per data type.
 */
export function newsWorthReading(
  news: CompanyNews,
  waiting: readonly string[] | null,
  ended: ReadonlySet<string>,
): boolean {
  if (news.type === 'connection-changed') return true;
  if (news.dataTypes.some(({ status }) => status !== undefined && status !== 'Complete')) return true;
  return waiting !== null && waiting.every((dataType) => ended.has(dataType));
}
