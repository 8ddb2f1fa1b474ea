import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { IncidentPage, newestFailedRun } from './pages/IncidentPage';
import { screenshot } from './screenshots';
import { startServedApp, type ServedApp } from './served-app';

describe('served UI: an incident from a failed run, and its report', () => {
  let app: ServedApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    app = await startServedApp();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: 'light', acceptDownloads: true });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(app.url);
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor({ timeout: 60_000 });
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.close();
  });

  it('pins a failed run to a new incident, shows its timeline, and downloads its HTML report', async () => {
    const run = newestFailedRun(app.dataDir);
    const incident = new IncidentPage(page);
    await incident.openFromRun(run);
    await expect.poll(() => incident.pinCards.count()).toBe(1);
    await incident.timelineKind('first_failure').first().waitFor();
    expect(await incident.timelineKind('pin').count()).toBe(1);
    await page.getByRole('combobox', { name: 'Status' }).selectOption('mitigated');
    await incident.timelineKind('status').first().waitFor();
    await screenshot(page, 'incident');

    await page.getByRole('button', { name: 'Report…' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), incident.dialog.getByRole('button', { name: 'Download' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^incident-.*\.html$/);
    const html = readFileSync(await download.path(), 'utf8');
    expect(html).toContain('Content-Security-Policy');
    expect(html).toContain(run.run_id);
    expect(html).not.toMatch(/<script/i);
    expect(pageErrors).toEqual([]);
  });
});
