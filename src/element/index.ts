export { CompanyOnboard } from './company-onboard.component.ts';
export { defaultStrings, type OnboardStrings } from './strings.ts';
export type * from './events.ts';
