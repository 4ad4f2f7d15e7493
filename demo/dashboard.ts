/**
 * The customer dashboard ("Connection health"): the element with `intent="manage"`. `?company=<id>` names the
 * company; without one the demo asks for a company linked to Xero whose first sync has completed (`?scenario=`
 * chooses how its later syncs play) and reloads with its id. "Simulate revoked access" revokes the
 * connection in the simulator and reloads, to show the Reconnect flow by hand.
 */
import './event-log.ts';
import { isSyncScenario } from '../src/simulator/scenarios.ts';

const params = new URLSearchParams(window.location.search);
const company = params.get('company');
if (company === null) {
  const status = document.querySelector('#setup-status');
  const say = (message: string): void => {
    if (status !== null) status.textContent = message;
  };
  say('Setting up a demo company with a synced Xero connection…');
  const scenario = params.get('scenario');
  try {
    const response = await fetch('/demo/linked-company', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(isSyncScenario(scenario) ? { scenario } : {}),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const { id } = (await response.json()) as { id: string };
    window.location.replace(`?company=${encodeURIComponent(id)}`);
  } catch (error) {
    say(`The demo could not set up a company (${String(error)}). Reload to try again.`);
  }
} else {
  const element = document.querySelector('company-onboard');
  // Set before the element is defined, so it starts by loading this company.
  element?.setAttribute('company-id', company);
  // The simulator's hosted Link runs on this very origin; allow it next to Codat's own hosts.
  element?.setAttribute(
    'link-origins',
    `https://link.codat.io https://link-api.codat.io ${window.location.origin}`,
  );
  setUpRevokeControl(company);
  await import('../src/index.ts');
}

/** "Simulate revoked access": `POST /demo/deauthorize/{id}`, then a reload that shows the result. */
function setUpRevokeControl(companyId: string): void {
  const controls = document.querySelector<HTMLElement>('#demo-controls');
  const button = document.querySelector<HTMLButtonElement>('#revoke');
  const status = document.querySelector('#revoke-status');
  if (controls === null || button === null) return;
  controls.hidden = false;
  const say = (message: string): void => {
    if (status !== null) status.textContent = message;
  };
  button.addEventListener('click', () => {
    button.disabled = true;
    say('Revoking access…');
    void fetch(`/demo/deauthorize/${encodeURIComponent(companyId)}`, { method: 'POST' })
      .then((response) => {
        if (!response.ok) throw new Error(String(response.status));
        window.location.reload();
      })
      .catch(() => {
        button.disabled = false;
        say('The simulator could not revoke access. Try again.');
      });
  });
}
