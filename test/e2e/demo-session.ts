import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { startServedApp, type ServedApp, type ServedAppOptions } from './served-app';

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

export interface DemoSessionOptions {
  /** Engine options for the served app (e.g. a scripted model host). */
  app?: ServedAppOptions;
  /**
   * Console errors recorded in `pageErrors` beside uncaught page errors: none (default); `true`, all but
   * Chromium's network-level "Failed to load resource" lines (a refused request is named on stderr by served-app.ts);
   * `'all'`, every console error.
   */
  consoleErrors?: boolean | 'all';
  /** Browser context settings over the default 1440 × 900, light (e.g. `acceptDownloads`). */
  context?: BrowserContextOptions;
  /** Writes into the fresh data directory (cache.sqlite, saved environments) before the page loads. */
  seed?: (app: ServedApp) => void | Promise<void>;
  /** Attaches listeners (dialogs, downloads) before the page loads. */
  onPage?: (page: Page) => void;
  /** What to wait for after loading: the Overview's heading, or nothing (default). */
  waitForOverview?: boolean;
}

/** The served app on a fresh Demo, opened in Chromium at 1440 × 900 (light): what every e2e file starts from. */
export async function openDemoSession(options: DemoSessionOptions = {}): Promise<DemoSession> {
  const app = await startServedApp(options.app);
  let browser: Browser | undefined;
  try {
    await options.seed?.(app);
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: 'light', ...options.context });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    if (options.consoleErrors) {
      const all = options.consoleErrors === 'all';
      page.on('console', (message) => {
        if (message.type() === 'error' && (all || !message.text().startsWith('Failed to load resource'))) pageErrors.push(message.text());
      });
    }
    options.onPage?.(page);
    await page.goto(app.url);
    if (options.waitForOverview) await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor({ timeout: 60_000 });
    const opened = browser;
    return {
      app,
      browser: opened,
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
        await opened.close();
        await app.close();
      },
    };
  } catch (error) {
    await browser?.close();
    await app.close();
    throw error;
  }
}
