import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import type * as FetchBackendModule from '../../src/backend/fetch-backend.ts';

/** The demo's sign-up page and the simulator's hosted Link page, as a user sees them (Zag-style page object). */
export class SignupPage {
  constructor(readonly page: Page) {}

  static async open(page: Page, demoUrl: string, mode: 'auto' | 'popup' | 'redirect'): Promise<SignupPage> {
    await page.goto(`${demoUrl}?mode=${mode}`);
    await page.locator('company-onboard[state="idle"]').waitFor();
    return new SignupPage(page);
  }

  async createCompany(name: string): Promise<void> {
    await this.page.getByLabel('Company name').fill(name);
    await this.page.getByRole('button', { name: 'Continue' }).click();
    await this.waitForState('ready');
  }

  async clickConnect(): Promise<void> {
    await this.page.getByRole('button', { name: 'Connect' }).click();
  }

  async waitForState(state: string, timeout = 15_000): Promise<void> {
    await this.page.locator(`company-onboard[state="${state}"]`).waitFor({ timeout });
  }

  /** The events the demo page logged, in order (state changes as `state:<name>`). */
  async events(): Promise<string[]> {
    return this.page.locator('#events li').evaluateAll((items) =>
      items.map((li) => {
        const text = li.textContent ?? '';
        const [type = '', rest = ''] = text.split(/ (.*)/s);
        return type === 'onboard-state-change' ? `state:${rest}` : type;
      }),
    );
  }

  /** The logged events with their details (parsed JSON; a state change's detail is the state's name). */
  async eventLog(): Promise<LoggedEvent[]> {
    const lines = await this.page.locator('#events li').allTextContents();
    return lines.map((text) => {
      const [type = '', rest = ''] = text.split(/ (.*)/s);
      return { type, detail: type === 'onboard-state-change' ? rest : (JSON.parse(rest) as unknown) };
    });
  }

  /**
   * The detail of the last logged event of `type`, or `undefined` when there is none. Every detail must name
   * its journey (32 hex digits); the id is left out of what is returned, so tests compare the rest.
   */
  async lastDetail(type: string): Promise<Record<string, unknown> | undefined> {
    const found = (await this.eventLog()).filter((event) => event.type === type).at(-1);
    if (found === undefined) return undefined;
    const { journeyId, ...detail } = found.detail as Record<string, unknown>;
    if (!/^[0-9a-f]{32}$/.test(String(journeyId)))
      throw new Error(`${type} names no journey: ${String(journeyId)}`);
    return detail;
  }

  /** Waits until the log holds at least `count` events of `type` (e.g. a first `onboard-sync-progress`). */
  async waitForLogged(type: string, count = 1, timeout = 15_000): Promise<void> {
    await this.page
      .locator('#events li', { hasText: new RegExp(`^${type} `) })
      .nth(count - 1)
      .waitFor({ timeout });
  }

  /** The element's error message as shown to the user (its `role="alert"` paragraph). */
  errorAlert(): Locator {
    return this.page.locator('company-onboard').getByRole('alert');
  }
}

/** One line of the demo's event log. */
export interface LoggedEvent {
  readonly type: string;
  readonly detail: unknown;
}

/** The demo's re-authorisation page (`/reconnect.html`): the element with `intent="reconnect"`. */
export class ReconnectPage extends SignupPage {
  /**
   * Opens `/reconnect.html`, which asks the demo for a company with a deauthorised Xero connection and reloads
   * itself with `?company=<id>`; resolves once the element shows that company (`ready`).
   */
  static async visit(page: Page, demoUrl: string): Promise<ReconnectPage> {
    await page.goto(new URL('reconnect.html', demoUrl).href);
    await page.waitForURL(/\/reconnect\.html\?company=/);
    const reconnect = new ReconnectPage(page);
    await reconnect.waitForState('ready');
    return reconnect;
  }

  /** The company the page was given (`?company=`). */
  companyId(): string {
    const id = new URL(this.page.url()).searchParams.get('company');
    if (id === null) throw new Error(`No ?company= on ${this.page.url()}`);
    return id;
  }

  async clickReconnect(): Promise<void> {
    await this.page.getByRole('button', { name: 'Reconnect' }).click();
  }
}

/** The `state` nonce the element appended to a hosted Link URL (the Link page's own URL). */
export function linkStateOf(link: Page): string {
  const state = new URL(link.url()).searchParams.get('state');
  if (state === null) throw new Error(`No state on the Link URL ${link.url()}`);
  return state;
}

/**
 * Finishes the simulator's hosted Link from either of its pages: on the company page (a company's
 * `redirect`) it picks `platform` and selects Continue, then on that platform's connection page (where a
 * connection's `linkUrl` opens directly) presses `action`.
 */
export async function finishLink(
  link: Page,
  platform: string,
  action: 'Authorise' | 'Cancel' | 'Fail',
): Promise<void> {
  // Both pages' headings start so; only the company page offers Continue.
  await link.getByRole('heading', { name: /^Connect / }).waitFor();
  const continueButton = link.getByRole('button', { name: 'Continue', exact: true });
  if ((await continueButton.count()) > 0) {
    await link.getByLabel(platform, { exact: true }).check();
    await continueButton.click();
    // The connection page is the one with Authorise.
    await link.getByRole('button', { name: 'Authorise', exact: true }).waitFor();
  }
  await link.getByRole('button', { name: action, exact: true }).click();
}

/** Consecutive duplicates collapsed: sync-progress repeats once per poll, which depends on timing. */
export const collapseRepeats = (events: string[]): string[] => events.filter((e, i) => e !== events[i - 1]);

/** The demo's customer dashboard (`/dashboard.html`): the element with `intent="manage"`. */
export class DashboardPage extends ReconnectPage {
  /**
   * Opens `/dashboard.html`, which asks the demo for a company linked to Xero whose first sync completed and
   * reloads itself with `?company=<id>`; resolves once the element shows that company (`overview`).
   */
  static override async visit(page: Page, demoUrl: string): Promise<DashboardPage> {
    await page.goto(new URL('dashboard.html', demoUrl).href);
    await page.waitForURL(/\/dashboard\.html\?company=/);
    const dashboard = new DashboardPage(page);
    await dashboard.waitForState('overview');
    return dashboard;
  }

  /** The card of one connection in "Your connections", by its platform's name. */
  connection(platformName: string): Locator {
    return this.page.locator('company-onboard li.connection').filter({
      has: this.page.getByRole('heading', { name: platformName }),
    });
  }

  /** The status badge of that connection, in words ("Connected", "Access revoked"…). */
  async connectionStatus(platformName: string): Promise<string> {
    return ((await this.connection(platformName).locator('.badge').textContent()) ?? '').trim();
  }

  async clickRefresh(): Promise<void> {
    await this.page.getByRole('button', { name: 'Refresh data' }).click();
  }

  /**
   * Presses the demo's "Simulate revoked access" (the simulator deauthorises the company) and waits for the
   * reloaded page to show the dashboard again.
   */
  async simulateRevokedAccess(): Promise<void> {
    const loads = this.page.waitForEvent('load');
    await this.page.getByRole('button', { name: 'Simulate revoked access' }).click();
    await loads;
    await this.waitForState('overview');
  }
}

/**
 * Chooses a "Simulated sync" scenario on the sign-up page by its label. Once the page knows the company (and
 * `scenario` is given) it waits until the simulator has taken it ("Simulated sync: <scenario>.").
 */
export async function chooseScenario(page: Page, label: string, scenario?: string): Promise<void> {
  await page.locator('#scenario').getByLabel(label).check();
  if (scenario !== undefined) {
    await page
      .locator('#scenario-status')
      .filter({ hasText: `Simulated sync: ${scenario}.` })
      .waitFor();
  }
}

/** The demo's Vite dev server serves the element's sources by absolute path (`/@fs/…`); the fetch backend's module. */
const FETCH_BACKEND_URL = `/@fs${fileURLToPath(new URL('../../src/backend/fetch-backend.ts', import.meta.url))}`;

/**
 * Gives the page's `<company-onboard>` a fetch backend on its own `api-base` with a per-request timeout of
 * `timeoutMs`, as the sign-up page's `?timeout=` does (the dashboard page has no such parameter). The module
 * is the one the page already loaded (same URL, same instance), so its errors are the element's own classes.
 * The element asks for its backend at each request: later requests use this one.
 */
export async function useRequestTimeout(page: Page, timeoutMs: number): Promise<void> {
  await page.evaluate(
    async ({ url, timeoutMs }) => {
      const loaded = performance
        .getEntriesByType('resource')
        .some((entry) => new URL(entry.name).pathname === url);
      if (!loaded) throw new Error(`The page has not loaded ${url}`);
      const { createFetchBackend } = (await import(url)) as typeof FetchBackendModule;
      const element = document.querySelector('company-onboard');
      if (element === null) throw new Error('No <company-onboard> on the page');
      element.backend = createFetchBackend({ baseUrl: element.apiBase, timeoutMs });
    },
    { url: FETCH_BACKEND_URL, timeoutMs },
  );
}

/** The text (or id) of what has focus inside the element; '' when focus is elsewhere. */
export const focusedInElement = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const active = document.querySelector('company-onboard')?.shadowRoot?.activeElement;
    return active ? active.textContent?.trim() || active.id : '';
  });

/** Presses Tab until the element's control named `name` has focus (as a keyboard user would reach it). */
export async function tabTo(page: Page, name: string): Promise<void> {
  for (let presses = 0; presses < 40; presses += 1) {
    if ((await focusedInElement(page)) === name) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached "${name}"`);
}
