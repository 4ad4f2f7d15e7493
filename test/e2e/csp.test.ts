import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { REDIRECT_TEMPLATE } from '../../demo/start-demo.ts';
import { createOnboardHandler, mountAt, toNodeListener, type FetchHandler } from '../../src/server/index.ts';
import { createSimulator, type Simulator } from '../../src/simulator/index.ts';
import { launchChromium } from './browser.ts';
import { SignupPage, finishLink } from './signup-page.ts';

const CSP = "default-src 'self'";
const API_KEY = 'csp-api-key';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.map': 'application/json',
};

/** The demo pages built for production (no dev-server inline injection), served under a strict CSP. */
async function serveBuiltDemo(simulator: Simulator): Promise<{ url: string; server: Server; dir: string }> {
  const root = fileURLToPath(new URL('../../demo/', import.meta.url));
  const dir = await mkdtemp(join(tmpdir(), 'company-onboard-csp-'));
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    build: {
      outDir: dir,
      emptyOutDir: true,
      target: 'es2022',
      rolldownOptions: { input: { index: join(root, 'index.html'), callback: join(root, 'callback.html') } },
    },
  });
  let api: FetchHandler | null = null;
  const platform = mountAt(
    '/platform',
    toNodeListener((request) => simulator.handle(request)),
  );
  const backend = mountAt(
    '/api',
    toNodeListener((request) => {
      api ??= createOnboardHandler({
        apiKey: API_KEY,
        platformUrl: new URL('/platform', request.url).href,
        basePath: '/api',
        authorize: 'allow-everyone',
        log: () => {},
      });
      return api(request);
    }),
  );
  const server = createServer((req, res) => {
    platform(req, res, () =>
      backend(req, res, () => {
        const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(
          /^(\.\.[/\\])+/,
          '',
        );
        const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
        readFile(file).then(
          (body) =>
            res
              .writeHead(200, {
                'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
                'Content-Security-Policy': CSP,
              })
              .end(body),
          () => res.writeHead(404, { 'Content-Security-Policy': CSP }).end(),
        );
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server, dir };
}

/** Every CSP violation any page of the context reports, from the event and from the console. */
async function recordViolations(context: BrowserContext): Promise<string[]> {
  const seen: string[] = [];
  await context.exposeFunction('__reportCsp', (line: string) => void seen.push(line));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      void (window as unknown as { __reportCsp(line: string): Promise<void> }).__reportCsp(
        `${event.violatedDirective} ${event.blockedURI} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  const watch = (page: Page): void => {
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) seen.push(message.text());
    });
  };
  context.on('page', watch);
  return seen;
}

describe(`the whole journey under Content-Security-Policy: ${CSP}`, () => {
  const simulator = createSimulator({
    apiKey: API_KEY,
    basePath: '/platform',
    redirectUrlTemplate: REDIRECT_TEMPLATE,
    syncDurationMs: 1000,
  });
  let served: Awaited<ReturnType<typeof serveBuiltDemo>>;
  let browser: Browser;

  before(async () => {
    served = await serveBuiltDemo(simulator);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    served?.server.closeAllConnections();
    served?.server.close();
    if (served) await rm(served.dir, { recursive: true, force: true });
  });

  for (const mode of ['popup', 'redirect'] as const) {
    it(`${mode} mode completes with zero CSP violations`, async () => {
      simulator.reset();
      const context = await browser.newContext();
      try {
        const violations = await recordViolations(context);
        const page = await context.newPage();
        const response = await page.goto(`${served.url}?mode=${mode}`);
        assert.equal(response?.headers()['content-security-policy'], CSP);
        const signup = await SignupPage.open(page, served.url, mode);
        await signup.createCompany('Strict Policy Ltd');
        if (mode === 'popup') {
          const [popup] = await Promise.all([page.waitForEvent('popup'), signup.clickConnect()]);
          await finishLink(popup, 'Xero', 'Authorise');
        } else {
          await Promise.all([page.waitForURL(/\/platform\/link\/company\//), signup.clickConnect()]);
          await finishLink(page, 'Xero', 'Authorise');
        }
        await signup.waitForState('complete');
        assert.deepEqual(violations, []);
        assert.equal(simulator.listCompanies().length, 1);
      } finally {
        await context.close();
      }
    });
  }
});
