import type { Browser, BrowserContext } from 'playwright-core';
import { startDemo, type DemoOptions, type RunningDemo } from '../../demo/start-demo.ts';
import { launchChromium } from './browser.ts';

/** What a suite of journeys works with; read the fields inside tests (they exist once `before` ran). */
export interface DemoFixture {
  readonly demo: RunningDemo;
  readonly browser: Browser;
  /** A fresh browser context (no storage, no cookies) for the current test. */
  readonly context: BrowserContext;
}

const ready = <T>(value: T | undefined, what: string): T => {
  if (value === undefined) throw new Error(`${what} is not ready: use the fixture inside a test`);
  return value;
};

/**
 * Registers the suite's hooks: one demo server (first sync of 1.5 s unless `options` say otherwise) and one
 * Chromium per suite; before each test a simulator with no companies and a new browser context.
 */
export function useDemo(options: DemoOptions = {}): DemoFixture {
  let demo: RunningDemo | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;

  before(async () => {
    demo = await startDemo({ port: 0, syncDurationMs: 1500, ...options });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await demo?.close();
  });
  beforeEach(async () => {
    ready(demo, 'the demo').simulator.reset();
    context = await ready(browser, 'the browser').newContext();
  });
  afterEach(async () => {
    await context?.close();
    context = undefined;
  });

  return {
    get demo() {
      return ready(demo, 'the demo');
    },
    get browser() {
      return ready(browser, 'the browser');
    },
    get context() {
      return ready(context, 'the browser context');
    },
  };
}
