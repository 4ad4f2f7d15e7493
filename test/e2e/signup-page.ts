import type { Page } from 'playwright-core';

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
}

/** Picks a platform on the simulator's hosted Link page and presses one of its buttons. */
export async function finishLink(
  link: Page,
  platform: string,
  action: 'Authorise' | 'Cancel' | 'Fail',
): Promise<void> {
  await link.getByRole('heading', { name: /Connect .* to your accounting software/ }).waitFor();
  await link.getByLabel(platform).check();
  await link.getByRole('button', { name: action }).click();
}

/** Consecutive duplicates collapsed: sync-progress repeats once per poll, which depends on timing. */
export const collapseRepeats = (events: string[]): string[] => events.filter((e, i) => e !== events[i - 1]);
