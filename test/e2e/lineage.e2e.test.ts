import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { GraphQueryPage } from './pages/GraphQueryPage';
import { LineagePage } from './pages/LineagePage';
import { OverviewPage } from './pages/OverviewPage';
import { screenshot } from './screenshots';
import { startServedApp, type ServedApp } from './served-app';

const VIEWPORT = { width: 1440, height: 900 };

describe('served UI: lineage view and graph query on the Demo', () => {
  let app: ServedApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    app = await startServedApp();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: VIEWPORT, colorScheme: 'light' });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    await page.goto(app.url);
    await new OverviewPage(page).waitForDags(10);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.close();
  });

  it("draws the Demo's cross-DAG chain with its asset edges", async () => {
    const lineage = new LineagePage(page);
    await lineage.open(app.origin, 'scope=neighbours&dag=returns_snapshot_hourly');
    await lineage.node('returns_hourly').waitFor();
    await lineage.node('returns_mart_refresh').waitFor();
    expect(await lineage.edges('produces').count()).toBeGreaterThanOrEqual(1);
    expect(await lineage.edges('consumes').count()).toBeGreaterThanOrEqual(1);
    expect(await lineage.edges('task').count()).toBeGreaterThanOrEqual(3);
    await screenshot(page, 'lineage-cross-dag');
  });

  it('highlights everything downstream of a hovered task, across the asset', async () => {
    const lineage = new LineagePage(page);
    await lineage.node('transform_returns').hover();
    await expect.poll(() => lineage.namesWithClass('is-downstream')).toEqual(expect.arrayContaining(['load_returns', 'publish_returns', 'returns_hourly', 'returns_mart_refresh']));
    expect(await lineage.namesWithClass('is-upstream')).toEqual(['extract_returns']);
    expect(await lineage.svg.locator('path.lineage-edge.is-down').count()).toBeGreaterThanOrEqual(4);
    await screenshot(page, 'lineage-hover-downstream');
  });

  it('opens a node panel on click', async () => {
    const lineage = new LineagePage(page);
    await lineage.node('returns_mart_refresh').click();
    const panel = page.getByRole('complementary', { name: 'Node details' });
    await panel.getByRole('heading', { name: 'returns_mart_refresh' }).waitFor();
    await expect.poll(() => panel.textContent()).toContain('CONSUMES');
    await screenshot(page, 'lineage-node-panel');
  });

  it('draws the whole environment with tasks (large view) and in dark theme', async () => {
    const lineage = new LineagePage(page);
    await lineage.open(app.origin, 'scope=environment&expand=1');
    await expect.poll(() => lineage.svg.locator('g.lineage-node').count()).toBeGreaterThan(100);
    await screenshot(page, 'lineage-environment');
  });

  it('answers a saved query from the embedded graph and says so', async () => {
    await page.evaluate(() => (window.location.hash = '#/graph'));
    const graph = new GraphQueryPage(page);
    await graph.heading.waitFor();
    await page.getByText('No Neo4j is configured').waitFor();
    await graph.runSaved('Flakiest tasks');
    await expect.poll(() => graph.resultRows.count()).toBeGreaterThan(3);
    expect(await page.locator('.source-badge').textContent()).toBe('Embedded graph');
    expect(await page.locator('.cypher-input').inputValue()).toContain('MATCH (t:Task)');
    await screenshot(page, 'graph-query-saved');
    expect(pageErrors).toEqual([]);
  });
});
