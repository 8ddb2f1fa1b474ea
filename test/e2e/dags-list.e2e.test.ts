import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { DemoSession } from './demo-session';
import { demoTest } from './demo-test';
import { DagGridPage } from './pages/DagGridPage';
import { DagsListPage } from './pages/DagsListPage';
import { screenshot } from './screenshots';
import { E2E_DEMO_AS_OF } from './served-app';

const RUN_TIME = 'COALESCE(start_date, queued_at, run_after, logical_date)';

/** Straight from the cache file: what the list should show, computed independently of the app's query. */
function readDemo(dataDir: string) {
  const db = new Database(join(dataDir, 'cache.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const since = new Date(Date.parse(E2E_DEMO_AS_OF) - 30 * 86_400_000).toISOString();
    const rates = db
      .prepare(
        `SELECT dag_id, SUM(state = 'failed') * 1.0 / SUM(state IN ('success', 'failed')) AS rate, SUM(state IN ('success', 'failed')) AS finished
         FROM dag_runs WHERE env_id = 'demo' AND deleted_upstream = 0 AND ${RUN_TIME} >= ? GROUP BY dag_id HAVING finished > 0
         ORDER BY rate DESC, finished DESC, dag_id`,
      )
      .all(since) as { dag_id: string; rate: number }[];
    const dags = db.prepare("SELECT dag_id, owners_json, tags_json FROM dags WHERE env_id = 'demo' AND deleted_at IS NULL").all() as {
      dag_id: string;
      owners_json: string;
      tags_json: string;
    }[];
    const parsed = dags.map((d) => ({
      dagId: d.dag_id,
      owners: JSON.parse(d.owners_json) as string[],
      tags: JSON.parse(d.tags_json) as string[],
    }));
    const grouped = db
      .prepare(
        "SELECT dag_id, task_group, COUNT(*) AS n FROM tasks WHERE env_id = 'demo' AND task_group IS NOT NULL GROUP BY dag_id, task_group ORDER BY n DESC, dag_id LIMIT 1",
      )
      .get() as { dag_id: string; task_group: string; n: number };
    const mapped = db
      .prepare("SELECT dag_id, task_id FROM tasks WHERE env_id = 'demo' AND is_mapped = 1 ORDER BY dag_id LIMIT 1")
      .get() as { dag_id: string; task_id: string };
    return { mostFailing: rates[0]?.dag_id ?? '', dags: parsed, grouped, mapped };
  } finally {
    db.close();
  }
}

const it = demoTest({ consoleErrors: true, waitForOverview: true });

describe('served UI: the DAGs list and the grid folds on the Demo', () => {
  let session: DemoSession;
  let page: Page;
  let demo: ReturnType<typeof readDemo>;
  let pageErrors: string[] = [];
  const go = (hash: string): Promise<void> => session.go(hash);

  it.beforeAll(({ session: opened }) => {
    session = opened;
    ({ page, pageErrors } = session);
    demo = readDemo(session.app.dataDir);
  });

  it('sorts by failure rate with the most failing DAG first, and every row has a sparkline that says what it shows', async () => {
    const list = new DagsListPage(page);
    await go('#/dags');
    await list.heading.waitFor();
    await list.waitForRows(10);
    expect(await list.sortOrder('Failure rate')).toBe('descending');
    expect((await list.dagIds())[0]).toBe(demo.mostFailing);
    // Another column, then back: the first click on a rate sorts the worst first again.
    await list.sortButton('Mean duration').click();
    expect(await list.sortOrder('Mean duration')).toBe('descending');
    await list.sortButton('Failure rate').click();
    expect((await list.dagIds())[0]).toBe(demo.mostFailing);
    const rows = await list.rows.count();
    expect(await list.sparklines.count()).toBe(rows);
    expect(await list.sparklines.first().getAttribute('aria-label')).toMatch(/^Last \d+ runs?, oldest to newest: /);
    expect(await list.sparklines.first().locator('rect, circle').count()).toBeGreaterThan(1);
    await screenshot(page, 'dags-list');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'dags-list-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('filters by tag and owner (kept in the route), and moves between rows with the keyboard', async () => {
    const list = new DagsListPage(page);
    const tagCounts = new Map<string, number>();
    for (const d of demo.dags) for (const t of d.tags) tagCounts.set(t, (tagCounts.get(t) ?? 0) + 1);
    const tag = [...tagCounts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? '';
    const tagged = demo.dags.filter((d) => d.tags.includes(tag));
    await list.filter('Tag').selectOption(tag);
    await expect.poll(() => list.rows.count()).toBe(tagged.length);
    for (const row of await list.tagsAndOwners()) expect(row.tags).toContain(tag);
    expect(decodeURIComponent(await page.evaluate(() => window.location.hash))).toContain(`tag=${tag}`);

    const owner = tagged[0]?.owners[0] ?? '';
    await list.filter('Owner').selectOption(owner);
    const both = tagged.filter((d) => d.owners.includes(owner));
    await expect.poll(() => list.rows.count()).toBe(both.length);
    for (const row of await list.tagsAndOwners()) {
      expect(row.tags).toContain(tag);
      expect(row.owners).toContain(owner);
    }
    expect(await list.count.textContent()).toBe(`${both.length} of ${demo.dags.length} DAGs`);
    await screenshot(page, 'dags-list-filtered');

    await list.filter('Owner').selectOption('');
    await list.filter('Tag').selectOption('');
    await expect.poll(() => list.rows.count()).toBeGreaterThan(both.length);
    await list.rows.first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await list.focusedRow()).toBe(2);
    await page.keyboard.press('End');
    await expect.poll(() => list.focusedRow()).toBe(demo.dags.length - 1);
    await page.keyboard.press('Home');
    await expect.poll(() => list.focusedRow()).toBe(0);
    await screenshot(page, 'dags-list-keyboard');
    await page.keyboard.press('Enter');
    await new DagGridPage(page).grid.waitFor();
    expect(decodeURIComponent(await page.evaluate(() => window.location.hash))).toContain(`dag=${demo.mostFailing}`);
    expect(pageErrors).toEqual([]);
  });

  it('in the grid a task group collapses and expands (button, and Space on its row), and stays folded across navigation', async () => {
    const grid = new DagGridPage(page);
    const { dag_id: dagId, task_group: group, n } = demo.grouped;
    const last = E2E_DEMO_AS_OF.slice(0, 10);
    await go(`#/dag?env=demo&dag=${encodeURIComponent(dagId)}&from=2025-05-20&to=${last}`);
    await grid.grid.waitFor();
    const expanded = await grid.rowCount();
    const chip = grid.foldButton(group);
    expect(await chip.getAttribute('aria-expanded')).toBe('true');
    await chip.click();
    await expect.poll(() => grid.rowCount()).toBe(expanded - n);
    expect(await chip.getAttribute('aria-expanded')).toBe('false');
    await screenshot(page, 'dag-grid-group-collapsed');

    await go('#/dags');
    await new DagsListPage(page).heading.waitFor();
    await page.goBack();
    await grid.grid.waitFor();
    expect(await grid.rowCount()).toBe(expanded - n);

    // On the canvas: walk down to the group's row and unfold it with Space.
    await grid.grid.focus();
    for (let i = 0; i < expanded && !((await grid.status.textContent()) ?? '').startsWith(`group ${group} `); i++)
      await page.keyboard.press('ArrowDown');
    expect(await grid.status.textContent()).toContain(`group ${group} (${n} tasks, collapsed)`);
    await page.keyboard.press('Space');
    await expect.poll(() => grid.rowCount()).toBe(expanded);
    expect(await grid.status.textContent()).toContain(`group ${group} (${n} tasks, expanded)`);
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'dag-grid-group-expanded-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('a mapped task expands to one row per map index', async () => {
    const grid = new DagGridPage(page);
    await go(`#/dag?env=demo&dag=${encodeURIComponent(demo.mapped.dag_id)}&from=2025-05-26&to=${E2E_DEMO_AS_OF.slice(0, 10)}`);
    await grid.grid.waitFor();
    // The previous test's grid stays on screen until this DAG's answer arrives: count rows only once this DAG's
    // mapped task is offered for unfolding.
    await grid.foldButton(`${demo.mapped.task_id} map indexes`).waitFor();
    const folded = await grid.rowCount();
    await grid.foldButton(`${demo.mapped.task_id} map indexes`).click();
    await expect.poll(() => grid.rowCount()).toBeGreaterThan(folded + 1);
    await screenshot(page, 'dag-grid-mapped-expanded');
    await grid.foldButton(`${demo.mapped.task_id} map indexes`).click();
    await expect.poll(() => grid.rowCount()).toBe(folded);
    expect(pageErrors).toEqual([]);
  });
});
