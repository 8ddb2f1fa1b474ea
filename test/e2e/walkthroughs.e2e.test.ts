/**
 * Walk-throughs as an on-call engineer (issue 16): for each incident kind the Demo labels, from the Overview to the
 * brief of that incident in at most 3 clicks. A failure's brief must name the labelled task, its error pattern, the
 * DAGs it feeds downstream and its earlier occurrences among the label's runs; a finding without a failed try opens
 * its explanation naming the labelled DAG and task. One walk is keyboard-only (Tab and Enter, focus visible).
 */
import { describe, expect } from 'vitest';
import type { Locator } from 'playwright-core';
import { kindLabels } from '../../src-renderer/features/anomalies/kind-labels';
import type { AnomalyKind } from '../../src-shared/domain/analytics';
import { assetConsumersOf, labelRunIds } from './demo-incident-runs';
import { readDemoLabels, type DemoLabel } from './demo-labels';
import type { DemoSession } from './demo-session';
import { demoTest } from './demo-test';
import { AnomaliesPage } from './pages/AnomaliesPage';
import { FailureBriefPage } from './pages/FailureBriefPage';
import { OverviewPage } from './pages/OverviewPage';
import { screenshot } from './screenshots';

const FAILING: ReadonlySet<string> = new Set(['failure_burst', 'flaky_task', 'bad_deploy', 'new_error_pattern']);
const MAX_CLICKS = 3;

const it = demoTest({ consoleErrors: true, waitForOverview: true });

describe('walk-throughs: from the Overview to the brief of each labelled incident kind in at most 3 clicks', () => {
  let s: DemoSession;
  let labels: DemoLabel[];
  it.beforeAll(async ({ session }) => {
    s = session;
    labels = readDemoLabels(s.app.dataDir);
    // The findings come from the scoring, which runs in the background after the Demo is built.
    await s.go('#/anomalies?days=3650');
    await new AnomaliesPage(s.page).items.first().waitFor({ timeout: 90_000 });
  });

  /** The Overview's open finding of this label, if it is there. */
  async function overviewFinding(label: DemoLabel): Promise<Locator | null> {
    const overview = new OverviewPage(s.page);
    await overview.heading.waitFor();
    await s.page
      .getByRole('region', { name: 'Open findings' })
      .waitFor({ timeout: 30_000 })
      .catch(() => undefined);
    const links = s.page.locator(`[data-testid="open-finding"][data-kind="${label.kind}"]`, { hasText: label.dagId });
    return (await links.count()) > 0 ? links.first() : null;
  }

  /** Walks from the Overview to the label's brief (or explanation), counting clicks; returns the clicks. */
  async function walk(label: DemoLabel): Promise<number> {
    let clicks = 0;
    const click = async (target: Locator): Promise<void> => {
      clicks += 1;
      await target.click();
    };
    await s.go('#/overview');
    const direct = await overviewFinding(label);
    if (direct !== null) {
      await click(direct);
      return clicks;
    }
    await click(s.page.getByRole('link', { name: 'all findings' }));
    const anomalies = new AnomaliesPage(s.page);
    await anomalies.heading.waitFor();
    const item = anomalies.items
      .filter({ hasText: kindLabels[label.kind as AnomalyKind] })
      .filter({ hasText: label.dagId })
      .first();
    await item.waitFor({ timeout: 30_000 });
    await click(item);
    await anomalies.explanation.filter({ hasText: label.dagId }).waitFor();
    if (FAILING.has(label.kind)) await click(anomalies.explanation.getByRole('link', { name: 'Explain', exact: true }));
    return clicks;
  }

  async function checkBrief(label: DemoLabel): Promise<void> {
    const brief = new FailureBriefPage(s.page);
    await brief.heading.waitFor();
    await brief.task.waitFor();
    const runs = labelRunIds(label);
    const hash = await s.page.evaluate(() => window.location.hash);
    const runId = new URLSearchParams(hash.slice(hash.indexOf('?') + 1)).get('run') ?? '';
    expect(runs.has(runId), `${runId} is one of the label's runs`).toBe(true);
    const taskIds = label.kind === 'bad_deploy' ? (label.detail.taskIds as string[]) : [label.taskId];
    expect(taskIds).toContain(await brief.task.textContent());
    await expect.poll(() => brief.pattern.count(), { timeout: 30_000 }).toBe(1);
    expect(await brief.pattern.locator('code').textContent()).not.toBe('');
    // Earlier occurrences: this task's earlier failures with the same pattern, among the label's runs.
    if ([...runs].some((r) => r < runId)) {
      await expect.poll(async () => (await brief.earlierRunIds()).some((r) => runs.has(r)), { timeout: 10_000 }).toBe(true);
    }
    // This run's task instances left upstream_failed, as the label recorded them.
    const labelled = ((label.detail.upstreamFailed ?? []) as { runId: string; taskId: string }[])
      .filter((t) => t.runId === runId)
      .map((t) => t.taskId);
    if (labelled.length > 0)
      expect((await s.page.getByTestId('brief-upstream-failed').locator('li a').allTextContents()).sort()).toEqual(labelled.sort());
    // Downstream: the DAGs the labelled DAG feeds through its assets are named, and nothing else.
    const expected = [...assetConsumersOf(s.app.dataDir, label.dagId)].sort();
    console.log(`[walk-through] ${label.kind} brief of ${runId}: downstream ${expected.join(', ') || 'none'} expected`);
    const shown = (await s.page.getByTestId('brief-downstream-dags').locator('li a, li span.mono').allTextContents()).sort();
    expect(
      shown.every((d) => expected.includes(d)),
      `downstream ${shown.join(', ')} within ${expected.join(', ')}`,
    ).toBe(true);
  }

  async function checkExplanation(label: DemoLabel): Promise<void> {
    const explanation = new AnomaliesPage(s.page).explanation;
    await explanation.waitFor();
    const text = (await explanation.textContent()) ?? '';
    expect(text).toContain(label.dagId);
    if (label.taskId !== null) expect(text).toContain(label.taskId);
    expect(text).toContain(kindLabels[label.kind as AnomalyKind]);
  }

  const KINDS = [
    'failure_burst',
    'flaky_task',
    'bad_deploy',
    'new_error_pattern',
    'duration_spike',
    'gradual_slowdown',
    'late_schedule',
    'missed_schedule',
    'queue_spike',
  ];
  for (const kind of KINDS) {
    it(`${kind}: its brief in at most ${MAX_CLICKS} clicks`, async () => {
      const ofKind = labels.filter((l) => l.kind === kind);
      expect(ofKind.length, `the Demo labels a ${kind}`).toBeGreaterThan(0);
      // The first label of the kind that the scoring found (the anomalies e2e checks how many it finds).
      await s.go('#/anomalies?days=3650');
      const items = new AnomaliesPage(s.page).items;
      await items.first().waitFor();
      const listed = (await items.allTextContents()).filter((t) => t.includes(kindLabels[kind as AnomalyKind]));
      const label = ofKind.find((l) => listed.some((t) => t.includes(l.dagId)));
      expect(label, `a finding of a labelled ${kind}`).toBeDefined();
      if (label === undefined) return;
      const clicks = await walk(label);
      console.log(`[walk-through] ${kind} ${label.dagId}${label.taskId ? `.${label.taskId}` : ''}: ${clicks} clicks`);
      expect(clicks).toBeLessThanOrEqual(MAX_CLICKS);
      if (FAILING.has(kind)) await checkBrief(label);
      else await checkExplanation(label);
      if (kind === 'bad_deploy') await screenshot(s.page, 'walkthrough-bad-deploy-brief');
    });
  }

  it('keyboard only: Tab to the newest open finding of a failure on the Overview, focus visible, Enter opens its brief', async () => {
    await s.go('#/overview');
    const finding = s.page.locator('[data-testid="open-finding"][data-kind="flaky_task"]').first();
    await finding.waitFor({ timeout: 30_000 });
    const anomalyId = await finding.getAttribute('data-anomaly');
    const label = labels.find((l) => l.kind === 'flaky_task' && anomalyId?.includes(`:${l.dagId}:`));
    expect(label).toBeDefined();
    await s.page.locator('body').focus();
    let reached = false;
    for (let tabs = 0; tabs < 120 && !reached; tabs++) {
      await s.page.keyboard.press('Tab');
      reached = await s.page.evaluate((id) => document.activeElement?.getAttribute('data-anomaly') === id, anomalyId);
    }
    expect(reached, 'the finding is reachable with Tab').toBe(true);
    const focus = await s.page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return {
        visible: el.matches(':focus-visible'),
        outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
        shadow: style.boxShadow !== 'none',
      };
    });
    expect(focus.visible).toBe(true);
    expect(focus.outline || focus.shadow, 'a focus ring is drawn').toBe(true);
    await screenshot(s.page, 'walkthrough-overview-keyboard');
    await s.page.keyboard.press('Enter');
    if (label !== undefined) await checkBrief(label);
  });

  it('the Fleet page leads with what needs attention now, each one click from its brief', async () => {
    await s.go('#/fleet');
    await s.page.getByRole('heading', { level: 1, name: 'Fleet' }).waitFor();
    const attention = s.page.getByRole('region', { name: 'Needs attention now' });
    await attention.getByTestId('open-finding').first().waitFor({ timeout: 30_000 });
    await attention.getByTestId('newest-failure').first().waitFor();
    // Above every environment's health section.
    const top = (await attention.boundingBox())?.y ?? Infinity;
    const first = await s.page.locator('.fleet-main > :not(.fleet-attention)').first().boundingBox();
    expect(top).toBeLessThan(first?.y ?? Infinity);
    await screenshot(s.page, 'fleet-attention');
    const finding = attention.locator('[data-testid="open-finding"][data-kind="flaky_task"]').first();
    const anomalyId = (await finding.getAttribute('data-anomaly')) ?? '';
    const label = labels.find((l) => l.kind === 'flaky_task' && anomalyId.includes(`:${l.dagId}:`));
    expect(label).toBeDefined();
    await finding.click();
    if (label !== undefined) await checkBrief(label);
  });

  it('a failed task page lists this task\'s own earlier failures before similar ones elsewhere, linked as "this task failed before"', async () => {
    const label = labels.find((l) => l.kind === 'failure_burst');
    expect(label).toBeDefined();
    if (label === undefined) return;
    const runs = labelRunIds(label);
    const finals = ((label.detail.failedTaskInstances ?? []) as { runId: string }[]).map((t) => t.runId).sort();
    const runId = finals[finals.length - 1] ?? '';
    await s.go(
      `#/task?env=demo&dag=${encodeURIComponent(label.dagId)}&run=${encodeURIComponent(runId)}&task=${encodeURIComponent(label.taskId ?? '')}`,
    );
    const own = s.page.getByRole('region', { name: 'This task failed before' });
    await own.getByTestId('task-failed-before').waitFor({ timeout: 30_000 });
    const earlier = await own.getByTestId('task-earlier-failures').locator('li > a.mono').allTextContents();
    expect(earlier.length).toBeGreaterThan(0);
    expect(
      earlier.every((r) => runs.has(r) || r < runId),
      `earlier ${earlier.join(', ')}`,
    ).toBe(true);
    expect(earlier.some((r) => runs.has(r))).toBe(true);
    const similar = s.page.getByRole('region', { name: 'Similar past failures' });
    await similar.waitFor();
    expect((await own.boundingBox())?.y ?? Infinity).toBeLessThan((await similar.boundingBox())?.y ?? -1);
    await own.getByTestId('task-failed-before').click();
    await new FailureBriefPage(s.page).task.waitFor();
    expect(await new FailureBriefPage(s.page).task.textContent()).toBe(label.taskId);
  });

  it('a failure in a DAG that feeds others through its assets: one click from the Overview, its brief names those DAGs', async () => {
    // No labelled failure of this Demo is in a DAG that feeds another, so this one is found from the asset links.
    await s.go('#/overview');
    const overview = new OverviewPage(s.page);
    await overview.newestFailures.first().waitFor({ timeout: 30_000 });
    const hrefs = await overview.newestFailures.evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    const feeding = hrefs.findIndex(
      (h) => assetConsumersOf(s.app.dataDir, new URLSearchParams(h.slice(h.indexOf('?') + 1)).get('dag') ?? '').size > 0,
    );
    expect(feeding, 'a newest failure in a DAG that feeds another').toBeGreaterThanOrEqual(0);
    const dagId = new URLSearchParams((hrefs[feeding] ?? '').slice((hrefs[feeding] ?? '').indexOf('?') + 1)).get('dag') ?? '';
    await overview.newestFailures.nth(feeding).click();
    await new FailureBriefPage(s.page).task.waitFor();
    const shown = await s.page.getByTestId('brief-downstream-dags').locator('li a').allTextContents();
    for (const consumer of assetConsumersOf(s.app.dataDir, dagId)) expect(shown, `${dagId} feeds ${consumer}`).toContain(consumer);
  });

  it('leaves no page error', () => {
    expect(s.pageErrors).toEqual([]);
  });
});
