import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { largestDemoDag, readDemoLabels, type DemoLabel } from './demo-labels';
import { ComparePage } from './pages/ComparePage';
import { DagGridPage } from './pages/DagGridPage';
import { FleetPage } from './pages/FleetPage';
import { RunPage } from './pages/RunPage';
import { TaskPage } from './pages/TaskPage';
import { screenshot } from './screenshots';
import { demoTest } from './demo-test';
import { E2E_DEMO_AS_OF, type ServedApp } from './served-app';

const VIEWPORT = { width: 1440, height: 900 };

function label(labels: readonly DemoLabel[], kind: string): DemoLabel {
  const found = labels.find((l) => l.kind === kind);
  if (!found) throw new Error(`The Demo has no ${kind} label`);
  return found;
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

const it = demoTest({ consoleErrors: true, waitForOverview: true });

describe('served UI: investigating an incident on the Demo', () => {
  let app: ServedApp;
  let page: Page;
  let labels: DemoLabel[];
  let pageErrors: string[] = [];

  const go = async (hash: string): Promise<void> => {
    await page.evaluate((h) => {
      window.location.hash = h;
    }, hash);
  };

  it.beforeAll(({ session }) => {
    ({ app, page, pageErrors } = session);
    labels = readDemoLabels(app.dataDir);
  });

  it('fleet overview counts link to their lists, and the triage queue lists the injected failures and marks one seen', async () => {
    const fleet = new FleetPage(page);
    await go('#/fleet?days=90');
    await fleet.heading.waitFor();
    await fleet.triageItems.first().waitFor();
    const burst = label(labels, 'failure_burst');
    const deploy = label(labels, 'bad_deploy');
    const listed = await fleet.triageRunIds();
    for (const runId of [...strings(burst.detail.affectedRunIds), ...strings(deploy.detail.affectedRunIds)])
      expect(listed).toContain(runId);
    expect(listed).toEqual([...listed]);

    expect(await fleet.tileCount('Import errors')).toBe(2);
    await fleet.tile('Import errors').click();
    await page.locator('table.fleet-list tbody tr').first().waitFor();
    expect(await page.locator('table.fleet-list tbody tr').count()).toBe(2);
    expect(decodeURIComponent(await page.evaluate(() => window.location.hash))).toContain('list=importErrors');
    await screenshot(page, 'fleet');

    const before = await fleet.unseenCount();
    const target = strings(burst.detail.affectedRunIds)[0] ?? '';
    await fleet.itemForRun(target).getByRole('button', { name: 'Mark seen' }).click();
    await expect.poll(() => fleet.unseenCount()).toBe(before - 1);
    await expect.poll(() => fleet.itemForRun(target).count()).toBe(0);

    await fleet.triage.getByLabel('Show seen').check();
    const seenItem = fleet.itemForRun(target);
    await seenItem.getByRole('button', { name: 'Seen ✓' }).waitFor();
    await seenItem.getByRole('button', { name: /^Add a note to/ }).click();
    await seenItem.locator('textarea').fill('pricing-db refused connections; DBA paged');
    await seenItem.getByRole('button', { name: 'Save note' }).click();
    await seenItem.locator('.triage-note-text', { hasText: 'pricing-db refused connections; DBA paged' }).waitFor();
    await screenshot(page, 'triage-seen-with-note');
    expect(pageErrors).toEqual([]);
  });

  it("a failed run's Gantt shows queue time, retries and the critical path, with its upstream and downstream runs", async () => {
    const burst = label(labels, 'failure_burst');
    const runId = strings(burst.detail.affectedRunIds)[0] ?? '';
    await go(`#/run?env=demo&dag=${encodeURIComponent(burst.dagId)}&run=${encodeURIComponent(runId)}`);
    const run = new RunPage(page);
    await run.heading.waitFor();
    await run.gantt.waitFor();
    expect(await run.segments('queued').count()).toBeGreaterThan(0);
    expect(await run.segments('retry').count()).toBeGreaterThanOrEqual(3);
    expect(await run.criticalRows.count()).toBeGreaterThan(0);
    expect(await run.queueTotal.textContent()).toMatch(/queue time in this run: \d/);
    const queuedTitle = await run.segments('queued').first().locator('title').textContent();
    expect(queuedTitle).toContain('queued');
    await screenshot(page, 'run-gantt');
  });

  it('a task instance lists every try, and a log search finds the injected error', async () => {
    const burst = label(labels, 'failure_burst');
    const runId = strings(burst.detail.affectedRunIds)[0] ?? '';
    await page
      .locator('svg.gantt-svg a', { hasText: burst.taskId ?? '' })
      .first()
      .click();
    const task = new TaskPage(page);
    await task.heading.waitFor();
    expect(decodeURIComponent(await page.evaluate(() => window.location.hash))).toContain(`run=${runId}`);
    expect(await task.tries.count()).toBeGreaterThanOrEqual(2);
    await task.log.waitFor();
    // The failed try's log opens at its traceback: the first error line is inside the log box's visible part.
    await expect
      .poll(() =>
        page.evaluate(() => {
          const box = document.querySelector('.log-viewer .log-body');
          const row = document.querySelector('.log-viewer li.log-line.is-error');
          if (!box || !row) return false;
          const b = box.getBoundingClientRect();
          const r = row.getBoundingClientRect();
          return r.top >= b.top && r.bottom <= b.bottom;
        }),
      )
      .toBe(true);
    const resource = String(burst.detail.resource);
    await task.search.fill(resource);
    await expect.poll(() => task.matchedLines.count()).toBeGreaterThan(0);
    expect(await task.matchCount.textContent()).toMatch(/of \d+ matching lines/);
    expect(await task.errorLines.count()).toBeGreaterThan(0);
    await task.jumpToTraceback();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Traceback (most recent call last)');
    await screenshot(page, 'task-log-search');
    await page.goBack();
    await new RunPage(page).heading.waitFor();
  });

  it('compare runs shows which tasks changed state between the last good run and the bad deploy', async () => {
    const deploy = label(labels, 'bad_deploy');
    const bad = strings(deploy.detail.affectedRunIds)[0] ?? '';
    await go(`#/compare?env=demo&dag=${encodeURIComponent(deploy.dagId)}&bad=${encodeURIComponent(bad)}`);
    const compare = new ComparePage(page);
    await compare.heading.waitFor();
    await compare.changedRows.first().waitFor();
    expect(await compare.changedTasks()).toContain(deploy.taskId);
    await page.locator('.compare-version').waitFor();
    await screenshot(page, 'compare-runs');
  });

  it('the grid of the largest demo DAG scrolls in both directions and opens a cell', async () => {
    const dagId = largestDemoDag(app.dataDir);
    const last = E2E_DEMO_AS_OF.slice(0, 10);
    const first = new Date(Date.parse(E2E_DEMO_AS_OF) - 89 * 86_400_000).toISOString().slice(0, 10);
    await go(`#/dag?env=demo&dag=${encodeURIComponent(dagId)}&from=${first}&to=${last}`);
    const grid = new DagGridPage(page);
    await grid.grid.waitFor();
    await expect.poll(async () => (await grid.scroll()).left).toBeGreaterThan(0);
    const start = await grid.scroll();
    expect(start.width).toBeGreaterThan(VIEWPORT.width * 4);
    await screenshot(page, 'dag-grid');
    const box = await grid.grid.boundingBox();
    if (box === null) throw new Error('grid has no box');
    await page.mouse.move(box.x + 300, box.y + 60);
    const newest = await grid.status.textContent();
    await grid.scrollTo(0, 0);
    await page.mouse.move(box.x + 301, box.y + 61);
    await expect.poll(() => grid.status.textContent()).not.toBe(newest);
    expect((await grid.scroll()).left).toBe(0);
    await grid.grid.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    expect(await grid.status.textContent()).toContain('run ');
    await grid.durationChart.waitFor();
    await screenshot(page, 'dag-grid-scrolled');
    await page.keyboard.press('Enter');
    await new TaskPage(page).heading.waitFor();
  });

  it('the cross-DAG timeline draws swimlanes and zooms with the wheel (dark theme)', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await go('#/timeline?scope=demo');
    const svg = page.locator('svg.timeline-svg');
    await svg.waitFor();
    expect(await svg.locator('rect.timeline-run').count()).toBeGreaterThan(10);
    const box = await svg.boundingBox();
    if (box === null) throw new Error('timeline has no box');
    // It opens on the last 24 hours: "now" near the right edge, not a calendar day of mostly empty future; with a legend.
    const nowX = Number(await svg.locator('line.timeline-now').getAttribute('x1'));
    expect(nowX / box.width).toBeGreaterThan(0.9);
    expect(await page.locator('.timeline .chart-legend .legend-item').allTextContents()).toEqual([
      'success',
      'failed',
      'running',
      'queued',
      'now',
    ]);
    const before = await svg.locator('g.axis-time text').first().textContent();
    await page.mouse.move(box.x + box.width / 2, box.y + 60);
    await page.mouse.wheel(0, -600);
    await expect.poll(() => svg.locator('g.axis-time text').first().textContent()).not.toBe(before);
    await screenshot(page, 'timeline-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    expect(pageErrors).toEqual([]);
  });
});
