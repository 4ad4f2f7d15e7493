import { fixture, html, waitUntil } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../src/index.ts';
import type { CompanyOnboard } from '../../src/index.ts';
import { FakeBackend } from './fake-backend.ts';

// Every test starts a fresh journey: saved journeys would otherwise resume from the test before.
beforeEach(() => sessionStorage.clear());

/** Drives `<company-onboard>` the way a user would, hiding its shadow DOM (after Material Web's harness). */
export class OnboardHarness {
  readonly events: { type: string; detail: Record<string, unknown> }[] = [];

  constructor(
    readonly element: CompanyOnboard,
    readonly backend: FakeBackend,
  ) {
    for (const type of [
      'onboard-state-change',
      'onboard-company-created',
      'onboard-link-ready',
      'onboard-link-opened',
      'onboard-popup-blocked',
      'onboard-before-redirect',
      'onboard-linked',
      'onboard-cancel',
      'onboard-sync-progress',
      'onboard-complete',
      'onboard-error',
      'onboard-connection-added',
      'onboard-disconnected',
      'onboard-company-deleted',
    ] as const) {
      element.addEventListener(type, (event) => {
        this.events.push({ type, detail: event.detail as unknown as Record<string, unknown> });
      });
    }
  }

  get root(): ShadowRoot {
    const root = this.element.shadowRoot;
    if (root === null) throw new Error('no shadow root');
    return root;
  }
  get input(): HTMLInputElement | null {
    return this.root.querySelector('input');
  }
  button(name: string): HTMLButtonElement {
    const found = [...this.root.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
    if (found === undefined) throw new Error(`no button "${name}" in state ${this.element.state}`);
    return found;
  }
  text(): string {
    return this.root.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }
  alert(): string | null {
    const alert = this.root.querySelector('[role="alert"], #name-error');
    return alert?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
  }
  liveRegion(): string {
    return this.root.querySelector('[aria-live="polite"]')?.textContent?.trim() ?? '';
  }

  async type(value: string): Promise<void> {
    const input = this.input;
    if (input === null) throw new Error('no input');
    input.value = value;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await this.element.updateComplete;
  }
  async submit(): Promise<void> {
    this.root.querySelector('form')?.requestSubmit();
    await this.element.updateComplete;
  }
  async click(name: string): Promise<void> {
    this.button(name).click();
    await this.element.updateComplete;
  }
  async until(state: string): Promise<void> {
    await waitUntil(
      () => this.element.state === state,
      `never reached ${state} (stuck in ${this.element.state})`,
      {
        timeout: 3000,
      },
    );
    // Views for an existing company arrive with their own chunk: wait for them where the state shows them.
    if (state === 'ready' || state === 'overview') {
      await waitUntil(() => this.root.querySelector('[aria-busy="true"]') === null, `views never arrived`);
    }
    await this.element.updateComplete;
  }
  /** The journey id every event carries (they must all carry the same one). */
  journeyId(): string {
    const ids = new Set(this.events.map((e) => e.detail['journeyId']));
    const [id] = ids;
    if (ids.size !== 1 || typeof id !== 'string' || id === '')
      throw new Error(`journey ids: ${[...ids].join(', ')}`);
    return id;
  }
  eventTypes(): string[] {
    return this.events.map((e) =>
      e.type === 'onboard-state-change' ? `state:${String(e.detail['state'])}` : e.type,
    );
  }
}

export async function mount(
  backend = new FakeBackend(),
  attributes: {
    linkMode?: string;
    dataTypes?: string;
    companyId?: string;
    id?: string;
    intent?: string;
    allowDelete?: boolean;
  } = {},
): Promise<OnboardHarness> {
  const element = await fixture<CompanyOnboard>(
    html`<company-onboard
      id=${attributes.id ?? 'signup'}
      .backend=${backend}
      link-mode=${attributes.linkMode ?? 'popup'}
      data-types=${ifDefined(attributes.dataTypes)}
      company-id=${ifDefined(attributes.companyId)}
      intent=${ifDefined(attributes.intent)}
      ?allow-delete=${attributes.allowDelete === true}
      poll-interval="0"
      poll-max-interval="0"
    ></company-onboard>`,
  );
  return new OnboardHarness(element, backend);
}
