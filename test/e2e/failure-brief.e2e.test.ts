import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { newestLabelledFailure, type LabelledFailure } from './demo-failures';
import { readDemoLabels } from './demo-labels';
import { FailureBriefPage } from './pages/FailureBriefPage';
import { OverviewPage } from './pages/OverviewPage';
import { screenshot } from './screenshots';
import { demoTest } from './demo-test';
import type { ServedApp } from './served-app';

const VIEWPORT = { width: 1440, height: 900 };

const it = demoTest({ consoleErrors: 'all' });

describe('served UI: from the Overview to the failure brief of the newest labelled failure', () => {
  let app: ServedApp;
  let page: Page;
  let target: LabelledFailure;
  let pageErrors: string[] = [];

  it.beforeAll(({ session }) => {
    ({ app, page, pageErrors } = session);
    target = newestLabelledFailure(app.dataDir, readDemoLabels(app.dataDir));
  });

  it('reaches the brief in one click, and it names the task, its error line, pattern and earlier occurrences', async () => {
    const overview = new OverviewPage(page);
    await overview.heading.waitFor();
    await overview.newestFailures.first().waitFor({ timeout: 60_000 });
    const link = await overview.newestFailureOf(target.dagId, target.runId);
    expect(link, `${target.dagId} ${target.runId} among the newest failures`).not.toBeNull();
    await screenshot(page, 'overview-newest-failures');
    await link?.click(); // click 1 of at most 3

    const brief = new FailureBriefPage(page);
    await brief.heading.waitFor();
    await brief.task.waitFor();
    expect(await brief.task.textContent()).toBe(target.label.taskId);
    // The error line is marked and on screen without scrolling.
    await brief.errorLine.waitFor();
    const box = await brief.errorLine.boundingBox();
    expect(box).not.toBeNull();
    expect((box?.y ?? Infinity) + (box?.height ?? 0)).toBeLessThanOrEqual(VIEWPORT.height);
    expect((await brief.errorLine.textContent())?.length ?? 0).toBeGreaterThan(10);
    // Its error pattern (scored in the background after the Demo is built).
    await expect.poll(() => brief.pattern.count(), { timeout: 60_000, interval: 1000 }).toBe(1);
    expect(await brief.pattern.locator('code').textContent()).not.toBe('');
    // Earlier failures of this task with the same pattern, among the label's failed tries.
    const earlier = await brief.earlierRunIds();
    expect(Number(await brief.earlierCount.textContent())).toBeGreaterThan(0);
    expect(earlier.some((runId) => target.triedRunIds.includes(runId))).toBe(true);
    for (const name of ['What changed', 'Impact downstream', 'Happened before'] as const) await brief.section(name).waitFor();
    await screenshot(page, 'failure-brief');
    expect(pageErrors).toEqual([]);
  });

  it('the red "Failed runs, 7 d" tile opens exactly the failed runs it counts', async () => {
    await page.goto(app.url);
    const overview = new OverviewPage(page);
    await overview.heading.waitFor();
    await overview.waitForDags(10);
    const counted = await overview.stat('Failed runs, 7 d');
    await page.locator('a.stat-tile', { hasText: 'Failed runs, 7 d' }).click();
    await page.getByRole('heading', { level: 1, name: 'Runs' }).waitFor();
    await expect.poll(() => page.locator('.page-subtitle').textContent()).toContain(`${counted} runs in the last 7 days`);
  });

  it('without a model, "Explain" on a failed run opens its brief', async () => {
    const hash = `#/run?env=demo&dag=${encodeURIComponent(target.dagId)}&run=${encodeURIComponent(target.runId)}`;
    await page.evaluate((h) => {
      window.location.hash = h;
    }, hash);
    await page.getByRole('heading', { level: 1, name: 'Run' }).waitFor();
    await page.getByRole('link', { name: 'Explain', exact: true }).click();
    await new FailureBriefPage(page).task.waitFor();
    expect(await new FailureBriefPage(page).task.textContent()).toBe(target.label.taskId);
  });
});
