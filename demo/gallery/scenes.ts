/**
 * Every state of `<company-onboard>`, reached the way a user reaches it, against a scripted backend: the gallery
 * page shows them side by side (`gallery.html`), the screenshot script photographs them, and the browser tests
 * run axe on each, in every language and theme. `window.open` is stubbed: "Connect" opens no window here.
 */
import '../../src/index.ts';
import type { SceneName } from './scene-names.ts';
import type { CompanyOnboard, JourneyState } from '../../src/index.ts';
import { NetworkError } from '../../src/backend/index.ts';
import {
  COMPANY_ID,
  FakeBackend,
  company,
  linkedCompany,
  ofSync,
  statuses,
} from '../../test/element/fake-backend.ts';
import { sendCallbackOverChannel } from '../../test/element/popup-stub.ts';

export interface Look {
  readonly lang: string;
  readonly theme: 'light' | 'dark';
}

export interface Scene {
  /** A name for files and headings, e.g. `syncing`. */
  readonly name: SceneName;
  /** The state the element shows once set up. */
  readonly state: JourneyState;
  /** Puts a new element in `host` and takes it to its state. */
  readonly setUp: (host: HTMLElement, look: Look) => Promise<CompanyOnboard>;
}

const HOUR = 3_600_000;
const ago = (ms: number): string => new Date(Date.now() - ms).toISOString();
/** An answer that never comes: the element waits in the state that asked. */
const never = <T>(): Promise<T> => new Promise<T>(() => undefined);

/**
 * `window.open` for the scenes: each call gets a window of its own (so one scene closing its Link window leaves
 * another's open), and records the Link URL, whose `state` the callback must carry.
 */
const opened: string[] = [];
window.open = (url?: string | URL) => {
  opened.push(String(url));
  const link = {
    closed: false,
    focus: () => undefined,
    close: () => {
      link.closed = true;
    },
    location: {
      set href(target: string) {
        opened.push(target);
      },
    },
  };
  return link as unknown as Window;
};
const popup = { state: (): string => new URL(opened.at(-1) ?? '').searchParams.get('state') ?? '' };

function element(
  host: HTMLElement,
  look: Look,
  backend: FakeBackend,
  attributes: Record<string, string> = {},
) {
  const onboard = document.createElement('company-onboard');
  onboard.id = `scene-${Math.random().toString(36).slice(2)}`;
  onboard.backend = backend;
  onboard.lang = look.lang;
  onboard.setAttribute('theme', look.theme);
  onboard.setAttribute('link-mode', 'popup');
  onboard.setAttribute('poll-interval', '0');
  onboard.setAttribute('poll-max-interval', '0');
  for (const [name, value] of Object.entries(attributes)) onboard.setAttribute(name, value);
  host.append(onboard);
  return onboard;
}

async function until(onboard: CompanyOnboard, state: JourneyState): Promise<CompanyOnboard> {
  for (let waited = 0; onboard.state !== state; waited += 10) {
    if (waited > 5000) throw new Error(`never reached ${state} (stuck in ${onboard.state})`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await onboard.updateComplete;
  return onboard;
}

const shadow = (onboard: CompanyOnboard): ShadowRoot => onboard.shadowRoot as ShadowRoot;

async function submitName(onboard: CompanyOnboard, name: string): Promise<void> {
  await onboard.updateComplete;
  const input = shadow(onboard).querySelector('input') as HTMLInputElement;
  input.value = name;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await onboard.updateComplete;
  shadow(onboard).querySelector('form')?.requestSubmit();
}

/** Clicks the element's first button (the primary action of the state). */
async function pressPrimary(onboard: CompanyOnboard): Promise<void> {
  await onboard.updateComplete;
  (shadow(onboard).querySelector('button') as HTMLButtonElement).click();
}

/** A company created and its Link popup open. */
async function linking(host: HTMLElement, look: Look, backend: FakeBackend): Promise<CompanyOnboard> {
  backend.created = [company()];
  const onboard = element(host, look, backend);
  await submitName(onboard, 'Acme Trading Ltd');
  await until(onboard, 'ready');
  await pressPrimary(onboard);
  return until(onboard, 'linking');
}

/** Back from Link with a connection: the journey confirms it, then follows the sync. */
async function linked(host: HTMLElement, look: Look, backend: FakeBackend): Promise<CompanyOnboard> {
  const onboard = await linking(host, look, backend);
  sendCallbackOverChannel(`?statusCode=200&connectionId=conn-1&state=${popup.state()}`);
  return onboard;
}

const dashboardCompany = () =>
  company({
    dataConnections: [
      {
        id: 'conn-1',
        platformName: 'Xero',
        sourceType: 'Accounting',
        status: 'Linked',
        created: ago(30 * 24 * HOUR),
        lastSync: ago(2 * HOUR),
      },
      {
        id: 'conn-2',
        platformName: 'Lloyds Bank',
        sourceType: 'Banking',
        status: 'Deauthorized',
        linkUrl: `https://link-api.codat.io/companies/${COMPANY_ID}/connections/conn-2/start`,
        created: ago(90 * 24 * HOUR),
        lastSync: ago(40 * 24 * HOUR),
      },
    ],
  });

const dashboardStatuses = () =>
  ofSync('s-1', {
    invoices: { dataType: 'invoices', currentStatus: 'Complete', lastSuccessfulSync: ago(2 * HOUR) },
    chartOfAccounts: {
      dataType: 'chartOfAccounts',
      currentStatus: 'Complete',
      lastSuccessfulSync: ago(2 * HOUR),
    },
    'banking-accounts': {
      dataType: 'banking-accounts',
      currentStatus: 'Complete',
      lastSuccessfulSync: ago(40 * 24 * HOUR),
    },
  });

export const SCENES: readonly Scene[] = [
  {
    name: 'idle',
    state: 'idle',
    setUp: (host, look) => until(element(host, look, new FakeBackend()), 'idle'),
  },
  {
    name: 'name-refused',
    state: 'idle',
    setUp: async (host, look) => {
      const onboard = element(host, look, new FakeBackend());
      await submitName(onboard, 'Acme <Holdings>');
      for (let waited = 0; !shadow(onboard).querySelector('#name-error'); waited += 10) {
        if (waited > 5000) throw new Error('the name was not refused');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return until(onboard, 'idle');
    },
  },
  {
    name: 'creating',
    state: 'creating',
    setUp: async (host, look) => {
      const backend = new FakeBackend();
      backend.createCompany = () => never();
      const onboard = element(host, look, backend);
      await submitName(onboard, 'Acme Trading Ltd');
      return until(onboard, 'creating');
    },
  },
  {
    name: 'create-failed',
    state: 'error',
    setUp: async (host, look) => {
      const backend = new FakeBackend();
      backend.created = [new NetworkError()];
      const onboard = element(host, look, backend);
      await submitName(onboard, 'Acme Trading Ltd');
      return until(onboard, 'error');
    },
  },
  {
    name: 'ready',
    state: 'ready',
    setUp: async (host, look) => {
      const backend = new FakeBackend();
      backend.created = [company()];
      const onboard = element(host, look, backend);
      await submitName(onboard, 'Acme Trading Ltd');
      return until(onboard, 'ready');
    },
  },
  {
    name: 'linking',
    state: 'linking',
    setUp: (host, look) => linking(host, look, new FakeBackend()),
  },
  {
    name: 'confirming',
    state: 'confirming',
    setUp: async (host, look) => {
      const backend = new FakeBackend();
      const onboard = await linking(host, look, backend);
      backend.getCompany = () => never();
      sendCallbackOverChannel(`?statusCode=200&connectionId=conn-1&state=${popup.state()}`);
      return until(onboard, 'confirming');
    },
  },
  {
    name: 'syncing',
    state: 'syncing',
    setUp: async (host, look) => {
      const backend = new FakeBackend();
      backend.companies = [linkedCompany()];
      backend.statuses = [
        statuses(
          ['company', 'Complete'],
          ['chartOfAccounts', 'Complete'],
          ['invoices', 'Fetching'],
          ['bills', 'Queued'],
        ),
      ];
      const onboard = await linked(host, look, backend);
      await until(onboard, 'syncing');
      for (let waited = 0; !shadow(onboard).querySelector('[part="types"]'); waited += 10) {
        if (waited > 5000) throw new Error('no progress shown');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return onboard;
    },
  },
  {
    name: 'complete',
    state: 'complete',
    setUp: async (host, look) => {
      const backend = new FakeBackend();
      backend.companies = [linkedCompany()];
      backend.statuses = [
        statuses(['company', 'Complete'], ['chartOfAccounts', 'Complete'], ['invoices', 'Complete']),
      ];
      const onboard = await linked(host, look, backend);
      return until(onboard, 'complete');
    },
  },
  {
    name: 'sync-failed',
    state: 'error',
    setUp: async (host, look) => {
      const backend = new FakeBackend();
      backend.companies = [linkedCompany()];
      backend.statuses = [statuses(['chartOfAccounts', 'Complete'], ['invoices', 'FetchError'])];
      const onboard = await linked(host, look, backend);
      return until(onboard, 'error');
    },
  },
  {
    name: 'loading',
    state: 'loading',
    setUp: async (host, look) => {
      const backend = new FakeBackend();
      backend.getCompany = () => never();
      backend.getDataStatus = () => never();
      return until(element(host, look, backend, { 'company-id': COMPANY_ID, intent: 'manage' }), 'loading');
    },
  },
  {
    name: 'reconnect',
    state: 'ready',
    setUp: async (host, look) => {
      const backend = new FakeBackend();
      backend.companies = [dashboardCompany()];
      return until(element(host, look, backend, { 'company-id': COMPANY_ID, intent: 'reconnect' }), 'ready');
    },
  },
  {
    name: 'dashboard',
    state: 'overview',
    setUp: async (host, look) => {
      const backend = new FakeBackend();
      backend.companies = [dashboardCompany()];
      backend.statuses = [dashboardStatuses()];
      return until(element(host, look, backend, { 'company-id': COMPANY_ID, intent: 'manage' }), 'overview');
    },
  },
  {
    name: 'deleted',
    state: 'deleted',
    setUp: async (host, look) => {
      const backend = new FakeBackend();
      backend.companies = [dashboardCompany()];
      backend.statuses = [dashboardStatuses()];
      const onboard = element(host, look, backend, {
        'company-id': COMPANY_ID,
        intent: 'manage',
        'allow-delete': '',
      });
      await until(onboard, 'overview');
      (shadow(onboard).querySelector('[data-delete]') as HTMLButtonElement).click();
      await onboard.updateComplete;
      const confirm = shadow(onboard).querySelector('#delete-name') as HTMLInputElement;
      confirm.value = 'Acme Ltd';
      confirm.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await onboard.updateComplete;
      shadow(onboard).querySelector<HTMLFormElement>('form.confirm')?.requestSubmit();
      return until(onboard, 'deleted');
    },
  },
];
