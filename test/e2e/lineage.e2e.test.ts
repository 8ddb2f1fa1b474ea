import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_SEED } from '../../src-main/services/demo/demo-environment';
import { generateSyntheticHistory } from '../../src-main/services/synth/generate-history';
import { GraphQueryPage } from './pages/GraphQueryPage';
import { LineagePage } from './pages/LineagePage';
import { OverviewPage } from './pages/OverviewPage';
import { screenshot } from './screenshots';
import { demoTest } from './demo-test';
import { E2E_DEMO_AS_OF, type ServedApp } from './served-app';

const it = demoTest({
  consoleErrors: 'all',
  // A second, larger environment from the same seed: 150 DAGs, one asset URI shared with the Demo.
  seed: (app) => {
    const db = new Database(join(app.dataDir, 'cache.sqlite'));
    try {
      db.transaction(() =>
        generateSyntheticHistory(db, { envId: 'staging', envName: 'Staging', dags: 150, days: 2, seed: DEMO_SEED, asOf: E2E_DEMO_AS_OF }),
      )();
    } finally {
      db.close();
    }
  },
});

describe('served UI: lineage view and graph query on the Demo', () => {
  let app: ServedApp;
  let page: Page;
  let pageErrors: string[] = [];

  it.beforeAll(async ({ session }) => {
    ({ app, page, pageErrors } = session);
    await new OverviewPage(page).waitForDags(10);
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
    await expect
      .poll(() => lineage.namesWithClass('is-downstream'))
      .toEqual(expect.arrayContaining(['load_returns', 'publish_returns', 'returns_hourly', 'returns_mart_refresh']));
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

  it('collapses a DAG into one node with its edges re-routed, keeps it while navigating, and expands it again', async () => {
    const lineage = new LineagePage(page);
    await lineage.open(app.origin, 'scope=neighbours&dag=returns_snapshot_hourly');
    await lineage.node('transform_returns').click();
    await lineage.panel.getByRole('button', { name: 'Collapse DAG' }).click();
    const dag = lineage.node('returns_snapshot_hourly');
    await dag.waitFor();
    expect(await dag.getAttribute('class')).toContain('is-collapsed');
    expect(Number(await dag.getAttribute('data-members'))).toBeGreaterThanOrEqual(4);
    expect(await lineage.node('transform_returns').count()).toBe(0);
    // The DAG's own edge to the asset it produces now starts at the collapsed node.
    const dagKey = await dag.getAttribute('data-key');
    expect(
      await lineage.svg
        .locator('path.lineage-edge.edge-produces')
        .evaluateAll((els, key) => els.filter((e) => e.getAttribute('data-from') === key).length, dagKey),
    ).toBeGreaterThanOrEqual(1);
    await screenshot(page, 'lineage-collapsed-dag');

    await page.evaluate(() => (window.location.hash = '#/overview'));
    await new OverviewPage(page).waitForDags(10);
    await lineage.open(app.origin, 'scope=neighbours&dag=returns_snapshot_hourly');
    await lineage.node('returns_snapshot_hourly').waitFor();
    expect(await lineage.node('transform_returns').count()).toBe(0);

    // Double-click expands a collapsed DAG in place.
    await lineage.node('returns_snapshot_hourly').dblclick();
    await lineage.node('transform_returns').waitFor();
    expect(await lineage.node('returns_snapshot_hourly').count()).toBe(0);

    // A neighbour DAG the scope sends collapsed opens into its tasks, asked from the engine.
    const before = await lineage.svg.locator('g.lineage-node').count();
    await lineage.node('returns_mart_refresh').click();
    await lineage.panel.getByRole('button', { name: 'Expand DAG' }).click();
    await expect.poll(() => lineage.node('returns_mart_refresh').count()).toBe(0);
    expect(await lineage.svg.locator('g.lineage-node').count()).toBeGreaterThan(before);
    await screenshot(page, 'lineage-expanded-neighbour');
  });

  it('draws several environments joined by the asset URI they share', async () => {
    const lineage = new LineagePage(page);
    await page.goto(app.url);
    await lineage.open(app.origin, 'scope=environments&envs=demo,staging');
    expect(await lineage.root.getAttribute('data-render-mode')).toBe('svg');
    const shared = lineage.node('analytics_fct_orders');
    await shared.waitFor();
    const key = await shared.getAttribute('data-key');
    const ends = await lineage.svg.locator('path.lineage-edge').evaluateAll(
      (els, k) => ({
        from: els.filter((e) => e.getAttribute('data-to') === k).map((e) => e.getAttribute('data-from') ?? ''),
        to: els.filter((e) => e.getAttribute('data-from') === k).map((e) => e.getAttribute('data-to') ?? ''),
      }),
      key,
    );
    const envOf = (k: string): string => (JSON.parse(k) as string[])[1] ?? '';
    expect([...ends.from, ...ends.to].map(envOf)).toEqual(expect.arrayContaining(['demo', 'staging']));
    await page.getByRole('group', { name: 'Environments' }).getByRole('checkbox', { name: 'Staging' }).waitFor();
    await screenshot(page, 'lineage-environments');
  });

  it('draws a large scope on a canvas with a minimap; hover still traces, click opens the panel, export still works', async () => {
    const lineage = new LineagePage(page);
    await lineage.openLarge('scope=environments&envs=demo,staging&expand=1');
    expect(await lineage.root.getAttribute('data-render-mode')).toBe('canvas');
    expect(await lineage.svg.count()).toBe(0);
    await lineage.minimap.waitFor();
    await screenshot(page, 'lineage-canvas-large');

    await lineage.findAndFocus('transform_returns', 'demo');
    await lineage.panel.getByRole('heading', { name: 'transform_returns' }).waitFor();
    await page.waitForTimeout(700);
    const box = await lineage.raster.boundingBox();
    expect(box).not.toBeNull();
    if (box === null) return;
    // The focused node sits at the centre of the view (give or take the search list closing): find it under the pointer.
    const hoverAt = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    for (const dy of [0, -12, 12, -24, 24, -36, 36]) {
      await page.mouse.move(hoverAt.x, box.y + box.height / 2 + dy);
      hoverAt.y = box.y + box.height / 2 + dy;
      if ((await lineage.root.getAttribute('data-hovered'))?.includes('transform_returns')) break;
    }
    await expect
      .poll(() => lineage.traceStatus.textContent())
      .toMatch(/^Tracing transform_returns: [1-9]\d* upstream, \d+ downstream highlighted$/);
    expect(Number(/(\d+) downstream/.exec((await lineage.traceStatus.textContent()) ?? '')?.[1])).toBeGreaterThanOrEqual(1);
    expect(await lineage.root.getAttribute('data-hovered')).toContain('transform_returns');
    await screenshot(page, 'lineage-canvas-hover');

    // Closing the panel widens the canvas; the view keeps its transform, so the node stays where it was.
    await lineage.panel.getByRole('button', { name: 'Close details' }).click();
    await expect.poll(() => lineage.panel.count()).toBe(0);
    await page.mouse.click(hoverAt.x, hoverAt.y);
    await lineage.panel.getByRole('heading', { name: 'transform_returns' }).waitFor();

    const png = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export PNG' }).click()]).then(
      ([d]) => d,
    );
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    const svg = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export SVG' }).click()]).then(
      ([d]) => d,
    );
    expect(svg.suggestedFilename()).toMatch(/\.svg$/);
    const text = await readFile(await svg.path(), 'utf8');
    expect(text.startsWith('<svg')).toBe(true);
    expect(text).toContain('transform_returns');

    await page.emulateMedia({ colorScheme: 'dark' });
    await page.mouse.move(box.x + 5, box.y + 5);
    await screenshot(page, 'lineage-canvas-large-dark');
    await page.emulateMedia({ colorScheme: 'light' });
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
    // Any column sorts from its header button, ascending then descending, and says so (aria-sort).
    await graph.header(0).getByRole('button').click();
    expect(await graph.header(0).getAttribute('aria-sort')).toBe('ascending');
    const firstColumn = await graph.columnTexts(0);
    const numeric = firstColumn.every((t) => t.trim() !== '' && Number.isFinite(Number(t)));
    const ascending = [...firstColumn].sort((a, b) => (numeric ? Number(a) - Number(b) : a.localeCompare(b)));
    expect(firstColumn).toEqual(ascending);
    await graph.header(0).getByRole('button').click();
    expect(await graph.header(0).getAttribute('aria-sort')).toBe('descending');
    expect(await graph.columnTexts(0)).toEqual([...ascending].reverse());
    await screenshot(page, 'graph-query-saved');
    expect(pageErrors).toEqual([]);
  });
});
