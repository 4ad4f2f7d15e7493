/**
 * What the browser is told about a company, whatever the platform said it in: a data type's read ended, or a
 * connection changed. The same shape the element's backend port receives (`CompanyNews`), small on purpose: the
 * browser reads the data status itself (authorised as usual); the news only says when it is worth reading.
 */
export type { CompanyNews as CompanyEvent } from '../backend/backend.ts';

/** The pub/sub channel of one company's events. */
export const companyChannel = (companyId: string): string => `company-onboard:company:${companyId}`;
