import { describe, expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { AppFrame } from './pages/AppFrame';
import { CommandPalette } from './pages/CommandPalette';
import { OverviewPage } from './pages/OverviewPage';
import { screenshot } from './screenshots';
import { demoTest } from './demo-test';
import type { ServedApp } from './served-app';

const VIEWPORT = { width: 1440, height: 900 };

const it = demoTest({ consoleErrors: 'all' });

describe('served UI: Overview of the Demo environment', () => {
  let app: ServedApp;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[] = [];

  it.beforeAll(({ session }) => {
    ({ app, browser, page, pageErrors } = session);
  });

  it('shows the Demo banner and the Demo DAGs, with failures', async () => {
    const frame = new AppFrame(page);
    const overview = new OverviewPage(page);
    await overview.heading.waitFor();
    await overview.waitForDags(10);
    await frame.demoBanner.waitFor();

    expect(await overview.dagRows.count()).toBeGreaterThanOrEqual(10);
    expect(await overview.stat('DAGs')).toBeGreaterThanOrEqual(10);
    expect(await overview.stat('Failed runs, 7 d')).toBeGreaterThan(0);
    // The token left the address bar as soon as it was read.
    expect(page.url()).not.toContain('token=');
    await expect.poll(() => frame.statusBar.textContent()).toContain('synthetic history');
    expect(pageErrors).toEqual([]);
  });

  it('switches theme (light and dark screenshots)', async () => {
    const frame = new AppFrame(page);
    await frame.chooseTheme('Light');
    await expect.poll(() => frame.appliedTheme()).toBe('light');
    await screenshot(page, 'overview-light');
    await frame.chooseTheme('Dark');
    await expect.poll(() => frame.appliedTheme()).toBe('dark');
    await screenshot(page, 'overview-dark');
  });

  it('sorts and filters the DAG table', async () => {
    const overview = new OverviewPage(page);
    const first = (await overview.dagIds())[0] ?? '';
    await overview.sortBy('DAG');
    const sorted = await overview.dagIds();
    expect(sorted).toEqual([...sorted].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base', numeric: true })));
    const needle = first.slice(0, Math.min(6, first.length));
    await overview.filter.fill(needle);
    await expect.poll(async () => (await overview.dagIds()).every((id) => id.toLowerCase().includes(needle.toLowerCase()))).toBe(true);
    await overview.filter.fill('');
    await overview.waitForDags(10);
  });

  it('opens the palette with Ctrl+K and jumps to a DAG’s runs', async () => {
    const frame = new AppFrame(page);
    const overview = new OverviewPage(page);
    const dagId = (await overview.dagIds())[0] ?? '';
    expect(dagId.length).toBeGreaterThan(3);
    const palette = new CommandPalette(page);
    await palette.open();
    const hit = await palette.searchDag(dagId.slice(0, Math.max(4, dagId.length - 2)));
    await screenshot(page, 'palette');
    const target = await hit.locator('.palette-label').textContent();
    expect(await hit.getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    await palette.dialog.waitFor({ state: 'detached' });
    await expect.poll(() => frame.hash()).toBe(`#/runs?dag=${target ?? ''}`);
    await page.getByRole('heading', { level: 1, name: 'Runs' }).waitFor();
    await page.locator('table.run-table tbody tr').first().waitFor();
    await screenshot(page, 'runs');
  });

  it('opens a run with its task instances', async () => {
    await page.locator('table.run-table a.run-link').first().click();
    const detail = page.getByRole('complementary', { name: 'Run detail' });
    await detail.locator('table.task-table tbody tr').first().waitFor();
    await screenshot(page, 'run-detail');
    await page.keyboard.press('Escape');
  });

  it('closes the palette with Escape and keeps focus inside while open', async () => {
    const palette = new CommandPalette(page);
    await palette.open();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null)).toBe(true);
    await page.keyboard.press('Escape');
    await palette.dialog.waitFor({ state: 'detached' });
  });

  it('without a token, says to open the URL printed by npm run serve', async () => {
    const fresh = await browser.newContext({ viewport: VIEWPORT, colorScheme: 'light' });
    const other = await fresh.newPage();
    await other.goto(`${app.origin}/`);
    await other.getByRole('heading', { name: 'Open the URL printed by npm run serve' }).waitFor();
    await screenshot(other, 'no-token');
    await fresh.close();
  });
});
