import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { startServedApp, type ServedApp } from './served-app';

export interface DemoSession {
  app: ServedApp;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors (and console errors, when asked for), for tests to assert empty. */
  pageErrors: string[];
  /** Navigates the app by its hash route. */
  go(hash: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * The served app on a fresh Demo, opened in Chromium at 1440 × 900 (light): what most e2e files start from.
 * `consoleErrors` also records console errors other than network-level "Failed to load resource" noise;
 * `waitForOverview` waits until the first view has rendered.
 */
export async function openDemoSession(options: { consoleErrors?: boolean; waitForOverview?: boolean } = {}): Promise<DemoSession> {
  const app = await startServedApp();
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: 'light' });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  if (options.consoleErrors) {
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) pageErrors.push(message.text());
    });
  }
  await page.goto(app.url);
  if (options.waitForOverview) await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor({ timeout: 60_000 });
  return {
    app,
    browser,
    context,
    page,
    pageErrors,
    go: async (hash) => {
      await page.evaluate((h) => {
        window.location.hash = h;
      }, hash);
    },
    close: async () => {
      await context.close();
      await browser.close();
      await app.close();
    },
  };
}
