export { CompanyOnboard } from './company-onboard.component.ts';
export type { Catalogue as OnboardStrings } from './messages/catalogue.ts';
export type * from './events.ts';
