import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { DemoSession } from './demo-session';
import { demoTest } from './demo-test';
import { BulkActions } from './pages/BulkActions';
import { FleetPage } from './pages/FleetPage';
import { screenshot } from './screenshots';

// The Demo is synthetic: Airflow cannot be changed, so these check the selection, the preview's list of targets and
// the refusal; test/integration/actions/ runs the same bulk actions on real Airflows.
const it = demoTest();

describe('served UI: bulk actions on the Demo environment', () => {
  let session: DemoSession;
  let page: Page;
  let pageErrors: string[] = [];
  const go = (hash: string): Promise<void> => session.go(hash);

  it.beforeAll(({ session: opened }) => {
    session = opened;
    ({ page, pageErrors } = session);
  });

  it('selects failed runs with Space and Shift-click, lists every target in the preview, and explains the refusal', async () => {
    await go('#/runs?state=failed');
    const list = page.locator('table.run-table');
    await list.locator('tbody tr').first().waitFor();
    const bulk = new BulkActions(page, list);
    const labels = await bulk.checks.evaluateAll((boxes) => boxes.slice(0, 4).map((b) => b.getAttribute('aria-label') ?? ''));

    await bulk.checks.nth(0).focus();
    await page.keyboard.press('Space');
    expect(await bulk.count()).toBe(1);
    await bulk.checks.nth(3).click({ modifiers: ['Shift'] });
    expect(await bulk.count()).toBe(4);
    await bulk.checks.nth(3).focus();
    await page.keyboard.press('Space');
    expect(await bulk.count()).toBe(3);
    await bulk.checks.nth(3).click();

    await bulk.bar.getByRole('button', { name: 'Clear failed tasks' }).click();
    await bulk.dialog.waitFor();
    const targets = await bulk.targets();
    expect(targets).toHaveLength(4);
    // Each target names the DAG and run of the row that was ticked.
    for (const [i, label] of labels.entries()) {
      const [dagId, runId] = label.replace(/^Select /, '').split(' ');
      expect(targets[i]).toContain(`${dagId} · ${runId}`);
    }
    await expect.poll(() => bulk.dialog.locator('.notice, .error-panel, [role="alert"]').first().textContent()).toMatch(/synthetic/i);
    expect(await bulk.dialog.getByRole('button', { name: /^Run in / }).isDisabled()).toBe(true);
    await screenshot(page, 'bulk-runs-preview');
    await page.keyboard.press('Escape');
    await bulk.bar.getByRole('button', { name: 'Clear selection' }).click();
    expect(await bulk.bar.count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('selects failed runs across DAGs in the triage queue', async () => {
    await go('#/fleet?days=90');
    const fleet = new FleetPage(page);
    await fleet.heading.waitFor();
    await fleet.triageItems.first().waitFor({ timeout: 90_000 });
    const bulk = new BulkActions(page, fleet.triage);
    await bulk.checks.nth(0).click();
    await bulk.checks.nth(5).click({ modifiers: ['Shift'] });
    expect(await bulk.count()).toBe(6);
    const dags = new Set(
      await fleet.triageItems.locator('.triage-dag').evaluateAll((els) => els.slice(0, 6).map((e) => e.textContent ?? '')),
    );
    await bulk.bar.getByRole('button', { name: 'Mark runs success' }).click();
    await bulk.dialog.waitFor();
    const targets = await bulk.targets();
    expect(targets).toHaveLength(6);
    expect(new Set(targets.map((t) => t.split(' · ')[0]))).toEqual(dags);
    await expect.poll(() => bulk.dialog.textContent()).toMatch(/synthetic/i);
    await screenshot(page, 'bulk-triage-preview');
    await page.keyboard.press('Escape');
    expect(pageErrors).toEqual([]);
  }, 150_000);
});
