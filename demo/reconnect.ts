/**
 * The re-authorisation prompt. `?company=<id>` names the company; without one the demo asks the simulator for
 * a company whose connection was just deauthorised.
 */
import './event-log.ts';

const company = new URLSearchParams(window.location.search).get('company');
if (company === null) {
  const response = await fetch('/demo/broken-company', { method: 'POST' });
  const { id } = (await response.json()) as { id: string };
  window.location.replace(`?company=${encodeURIComponent(id)}`);
} else {
  const element = document.querySelector('company-onboard');
  // Set before the element is defined, so it starts by loading this company.
  element?.setAttribute('company-id', company);
  element?.setAttribute(
    'link-origins',
    `https://link.codat.io https://link-api.codat.io ${window.location.origin}`,
  );
  await import('../src/index.ts');
}
