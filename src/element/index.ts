export { CompanyOnboard } from './company-onboard.component.ts';
export { en as defaultStrings, type OnboardStrings } from './messages/en.ts';
export type * from './events.ts';
