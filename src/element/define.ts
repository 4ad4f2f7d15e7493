import { CompanyOnboard } from './company-onboard.component.ts';

/**
 * Registers `<company-onboard>` where custom elements exist (not in plain Node), tolerating a second copy
 * of the package on the page: the first definition wins.
 */
if (typeof customElements !== 'undefined' && customElements.get('company-onboard') === undefined) {
  customElements.define('company-onboard', CompanyOnboard);
}

declare global {
  interface HTMLElementTagNameMap {
    'company-onboard': CompanyOnboard;
  }
}
