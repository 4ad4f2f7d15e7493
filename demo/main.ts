import './event-log.ts';
import { createFetchBackend, type CompanyOnboard } from '../src/index.ts';
import { isSyncScenario, type SyncScenario } from '../src/simulator/scenarios.ts';

/** The simulator's control API on this origin (`PLATFORM_PATH` in `platform-plugin.ts`, a Node-only module). */
const SIMULATOR_CONTROL = '/platform/_simulator';
/** The scenario the user chose, kept across a full-page trip to Link and back. */
const SCENARIO_KEY = 'company-onboard-demo:scenario';

const element = document.querySelector('company-onboard');
if (element !== null) {
  // The simulator's hosted Link runs on this very origin; allow it next to Codat's own hosts.
  element.linkOrigins = `${element.linkOrigins} ${window.location.origin}`;
  const chosen = new URLSearchParams(window.location.search).get('mode');
  const radios = document.querySelectorAll<HTMLInputElement>('#mode input[name="mode"]');
  for (const radio of radios) {
    if (radio.value === chosen) radio.checked = true;
    radio.addEventListener('change', () => {
      if (radio.checked) element.linkMode = radio.value as typeof element.linkMode;
    });
  }
  element.linkMode = ([...radios].find((r) => r.checked)?.value ?? 'auto') as typeof element.linkMode;
  setUpScenarioChoice(element);
  setUpLook(element);
  configureBackendForTests(element);
}

/** Language and theme, from the selects or `?lang=`/`?theme=`: the element follows its `lang` and `theme`. */
function setUpLook(element: CompanyOnboard): void {
  const query = new URLSearchParams(window.location.search);
  for (const name of ['lang', 'theme'] as const) {
    const select = document.querySelector<HTMLSelectElement>(`#look select[name="${name}"]`);
    if (select === null) continue;
    select.value = query.get(name) ?? select.value;
    const apply = (): void => {
      if (select.value === '') element.removeAttribute(name);
      else element.setAttribute(name, select.value);
    };
    select.addEventListener('change', apply);
    apply();
  }
}

declare global {
  interface Window {
    /** How often the `?token=provider` header provider was asked (see {@link configureBackendForTests}). */
    demoTokenCalls?: number;
  }
}

/**
 * Test configuration from the query; without these parameters the element keeps its own backend (`api-base`).
 * `?timeout=<ms>` gives it a fetch backend on the same base with that per-request timeout (a hang is seen in
 * seconds); `?token=provider` adds an async header provider that hands out `Authorization: Bearer
 * demo-token-<n>` and counts its calls in `window.demoTokenCalls` (a 401 asks it once more).
 */
function configureBackendForTests(element: CompanyOnboard): void {
  const params = new URLSearchParams(window.location.search);
  const timeoutMs = Number(params.get('timeout') ?? '');
  const withTimeout = Number.isFinite(timeoutMs) && timeoutMs > 0;
  const withProvider = params.get('token') === 'provider';
  if (!withTimeout && !withProvider) return;
  const provider = (): Promise<HeadersInit> => {
    window.demoTokenCalls = (window.demoTokenCalls ?? 0) + 1;
    return Promise.resolve({ Authorization: `Bearer demo-token-${window.demoTokenCalls}` });
  };
  if (withProvider) window.demoTokenCalls = 0;
  element.backend = createFetchBackend({
    baseUrl: element.apiBase,
    ...(withTimeout ? { timeoutMs } : {}),
    ...(withProvider ? { headers: provider } : {}),
  });
}

/**
 * The "Simulated sync" radios: the scenario reaches the simulator (its control API) for the company the
 * element creates, as soon as it is created and again whenever the choice changes. Until the user picks one
 * (here, with `?scenario=` or earlier in this tab) the simulator's own default stands, and the radios show it.
 */
function setUpScenarioChoice(element: HTMLElement): void {
  const radios = [...document.querySelectorAll<HTMLInputElement>('#scenario input[name="scenario"]')];
  const status = document.querySelector('#scenario-status');
  const fromUrl = new URLSearchParams(window.location.search).get('scenario');
  let explicit = [fromUrl, sessionStorage.getItem(SCENARIO_KEY)].find(isSyncScenario);
  let companyId: string | null = null;

  const show = (scenario: SyncScenario): void => {
    for (const radio of radios) radio.checked = radio.value === scenario;
  };
  const say = (message: string): void => {
    if (status) status.textContent = message;
  };
  const control = (id: string, init?: RequestInit): Promise<Response> =>
    fetch(`${SIMULATOR_CONTROL}/companies/${encodeURIComponent(id)}/scenario`, init);

  const send = async (id: string, scenario: SyncScenario): Promise<void> => {
    try {
      const response = await control(id, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ scenario }),
        // In redirect mode the page may leave for Link straight after; let the request finish anyway.
        keepalive: true,
      });
      say(
        response.ok
          ? `Simulated sync: ${scenario}.`
          : `The simulator refused the scenario (${response.status}).`,
      );
    } catch {
      say('The simulator could not be reached to set the scenario.');
    }
  };
  const readBack = async (id: string): Promise<void> => {
    try {
      const body = (await (await control(id)).json()) as { scenario?: unknown };
      if (isSyncScenario(body.scenario)) {
        show(body.scenario);
        say(`Simulated sync: ${body.scenario} (the simulator's default).`);
      }
    } catch {
      // The radios keep showing their default.
    }
  };

  if (explicit !== undefined) show(explicit);
  for (const radio of radios) {
    radio.addEventListener('change', () => {
      if (!radio.checked || !isSyncScenario(radio.value)) return;
      explicit = radio.value;
      sessionStorage.setItem(SCENARIO_KEY, explicit);
      if (companyId !== null) void send(companyId, explicit);
    });
  }
  element.addEventListener('onboard-company-created', (event) => {
    companyId = event.detail.companyId;
    void (explicit === undefined ? readBack(companyId) : send(companyId, explicit));
  });
  // After a return from Link (or a resume) there is no creation event; any event names the company.
  element.addEventListener('onboard-state-change', (event) => {
    companyId = event.detail.companyId ?? companyId;
  });
}
