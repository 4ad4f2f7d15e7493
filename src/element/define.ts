import { CompanyOnboard } from './company-onboard.component.ts';

/**
 * Registers `<company-onboard>` where a custom-element registry exists, tolerating a second copy of the
 * package on the page: the first definition wins. In Node, Lit's server build installs its SSR registry
 * (no DOM), so importing the package there is safe and the element is defined only in that registry.
 */
if (typeof customElements !== 'undefined' && customElements.get('company-onboard') === undefined) {
  customElements.define('company-onboard', CompanyOnboard);
}

declare global {
  interface HTMLElementTagNameMap {
    'company-onboard': CompanyOnboard;
  }
}
