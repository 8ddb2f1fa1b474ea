import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createEngine } from '../../src-main/engine/create-engine';
import type { Engine } from '../../src-main/engine/engine';
import { startServer } from '../../src-main/server/server';
import { launchChromium } from '../../test/e2e/browser';
import { rendererDir } from '../../test/e2e/served-app';
import { installRenderProbe } from './first-render';

/** The served app on a bench data dir, and a headless Debian Chromium tab logged in to it. */
export interface BenchSession {
  readonly engine: Engine;
  /** The app's origin, without the token. */
  readonly origin: string;
  readonly page: Page;
  /** Opens the app at a hash route in a fresh document (the token is in the tab's session storage by then). */
  load(hash: string): Promise<void>;
  close(): Promise<void>;
}

export const BENCH_VIEWPORT = { width: 1440, height: 900 } as const;

/**
 * Engine (no Demo, no output validation, as in the product) + loopback server
 * on `dataDir`, the current environment set to `envId`, and one Chromium page
 * that has opened the launch URL once.
 */
export async function startBenchSession(dataDir: string, envId: string): Promise<BenchSession> {
  const staticDir = rendererDir();
  const engine = await createEngine({ dataDir, mode: 'served', version: 'bench', demo: false });
  const chosen = await engine.handle('settings.update', { currentEnvId: envId });
  if (!chosen.ok) throw new Error(`settings.update: ${chosen.error.message}`);
  const server = await startServer({ engine, port: 0, staticDir });
  const origin = `http://127.0.0.1:${server.port}`;
  let browser: Browser | null = null;
  let context: BrowserContext | null = null;
  try {
    browser = await launchChromium();
    context = await browser.newContext({ viewport: BENCH_VIEWPORT, colorScheme: 'light' });
    await installRenderProbe(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => process.stderr.write(`bench page error: ${error.message}\n`));
    await page.goto(server.url);
    await page.locator('h1').first().waitFor({ timeout: 120_000 });
    const opened = { browser, context };
    return {
      engine,
      origin,
      page,
      async load(hash) {
        await page.goto(`${origin}/${hash}`);
      },
      async close() {
        await opened.context.close();
        await opened.browser.close();
        await server.close();
        await engine.close();
      },
    };
  } catch (error) {
    await context?.close();
    await browser?.close();
    await server.close();
    await engine.close();
    throw error;
  }
}
