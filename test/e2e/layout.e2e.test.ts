/**
 * Layout from a small laptop to a large screen (issue 16): at 1024 × 700, 1280 × 800 and 1920 × 1080, light and dark,
 * the DAG id column of the Overview and DAGs tables is at least 120 px wide (it was 0 px at 1152 px and below) and no
 * page is wider than the window (a wide table scrolls inside its own box). Then the leftovers a user noticed: the
 * window never scrolls under the top bar (opening "Add environment" did), the Settings scrollbar is at the window's
 * edge, the DAG grid is as tall as its rows with its hint under it, and the run page's buttons and Gantt notes stay
 * inside the window at 1440 px, with the seconds a try spent queued drawn.
 */
import { describe, expect } from 'vitest';
import { newestLabelledFailure } from './demo-failures';
import { readDemoLabels } from './demo-labels';
import type { DemoSession } from './demo-session';
import { demoTest } from './demo-test';
import { DagGridPage } from './pages/DagGridPage';
import { RunPage } from './pages/RunPage';
import { SettingsPage } from './pages/SettingsPage';

const SIZES = [
  { width: 1024, height: 700 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

const it = demoTest({ waitForOverview: true });

describe('layout at common window sizes, light and dark', () => {
  let s: DemoSession;
  it.beforeAll(({ session }) => {
    s = session;
  });

  for (const scheme of ['light', 'dark'] as const) {
    for (const size of SIZES) {
      it(`${size.width} × ${size.height}, ${scheme}: DAG ids stay readable and nothing overflows the window`, async () => {
        await s.page.emulateMedia({ colorScheme: scheme });
        await s.page.setViewportSize(size);
        for (const [hash, heading] of [
          ['#/overview', 'Overview'],
          ['#/dags', 'DAGs'],
        ] as const) {
          await s.go(hash);
          await s.page.getByRole('heading', { level: 1, name: heading }).waitFor();
          const table = s.page.locator('table.dag-table');
          await table.locator('tbody tr').first().waitFor({ timeout: 30_000 });
          const idColumn = await table
            .locator('thead th')
            .first()
            .evaluate((th) => th.getBoundingClientRect().width);
          expect(idColumn, `${hash}: DAG column width`).toBeGreaterThanOrEqual(120);
          const overflow = await s.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect(overflow, `${hash}: page wider than the window by`).toBeLessThanOrEqual(0);
        }
      });
    }
  }

  /** How far the window itself is scrolled or could be: the app frame never scrolls, its pages do. */
  const windowScroll = (): Promise<{ y: number; spare: number }> =>
    s.page.evaluate(() => ({ y: window.scrollY, spare: document.documentElement.scrollHeight - window.innerHeight }));

  it('opening "Add environment" leaves the top bar in place, and the Settings scrollbar is at the window edge', async () => {
    await s.page.setViewportSize({ width: 1440, height: 900 });
    await s.page.emulateMedia({ colorScheme: 'light' });
    await s.go('#/settings');
    const settings = new SettingsPage(s.page);
    await settings.heading.waitFor();
    await settings.environmentList.getByRole('listitem').first().waitFor();
    expect(await windowScroll()).toEqual({ y: 0, spare: 0 });
    const scroller = await s.page
      .locator('.settings-page')
      .evaluate((el) => ({ right: el.getBoundingClientRect().right, scrolls: el.scrollHeight > el.clientHeight }));
    expect(scroller.scrolls).toBe(true);
    expect(scroller.right, 'the Settings scroller ends at the window edge').toBeGreaterThanOrEqual(1440 - 1);
    await settings.openAdd();
    await s.page.waitForTimeout(300);
    expect(await windowScroll()).toEqual({ y: 0, spare: 0 });
    expect((await s.page.locator('.app-frame').boundingBox())?.y).toBe(0);
    await s.page.keyboard.press('Escape');
  });

  it('the DAG grid of a few tasks leaves no empty box under its rows, and its hint is under the grid', async () => {
    const target = newestLabelledFailure(s.app.dataDir, readDemoLabels(s.app.dataDir));
    await s.go(`#/dag?env=demo&dag=${encodeURIComponent(target.dagId)}`);
    const grid = new DagGridPage(s.page);
    await grid.grid.waitFor({ timeout: 30_000 });
    const rows = await grid.rowCount();
    const box = await s.page.locator('.grid-wrap').boundingBox();
    // The rows' own height (the scroller's sizer), not the scroller's, which is at least its box.
    const content = await grid.grid.evaluate((el) => (el.firstElementChild as HTMLElement).offsetHeight);
    expect(rows).toBeLessThan(20);
    expect((box?.height ?? 0) - content, `${rows} rows: empty height under them`).toBeLessThanOrEqual(24);
    const hint = await grid.status.boundingBox();
    expect(hint?.y ?? 0, 'the hint starts below the grid').toBeGreaterThanOrEqual((box?.y ?? 0) + (box?.height ?? 0));
  });

  it('at 1440 px the run page keeps its buttons and Gantt notes inside the window, and draws the queued seconds', async () => {
    const labels = readDemoLabels(s.app.dataDir);
    // A run of the bad deploy: a failed task, one left upstream_failed (its row's note) and queued tries.
    const deploy = labels.find((l) => l.kind === 'bad_deploy');
    const runId = ((deploy?.detail.upstreamFailed ?? []) as { runId: string }[])[0]?.runId ?? '';
    await s.go(`#/run?env=demo&dag=${encodeURIComponent(deploy?.dagId ?? '')}&run=${encodeURIComponent(runId)}`);
    const run = new RunPage(s.page);
    await run.heading.waitFor();
    await run.gantt.waitFor();
    const rights = await s.page
      .locator('.page-header a, .page-header button')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right));
    expect(Math.max(...rights)).toBeLessThanOrEqual(1440);
    // A writable environment adds its actions (Clear failed tasks, Mark run success / failed, Note, Open in Airflow),
    // which the synthetic Demo hides: with that many buttons they wrap inside the header instead of running off.
    await s.page.locator('.page-header-actions').evaluate((box) => {
      for (const label of ['Clear failed tasks', 'Mark run success', 'Mark run failed', 'Note', 'Open in Airflow']) {
        const b = document.createElement('button');
        b.className = 'button';
        b.textContent = label;
        box.appendChild(b);
      }
    });
    const widest = await s.page
      .locator('.page-header a, .page-header button')
      .evaluateAll((els) => Math.max(...els.map((e) => e.getBoundingClientRect().right)));
    expect(widest, 'the rightmost header button ends at').toBeLessThanOrEqual(1440);
    const notes = await run.gantt.locator('text.gantt-note').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right));
    expect(notes.length, 'a task that did not run has a note').toBeGreaterThan(0);
    const gantt = await run.gantt.boundingBox();
    for (const right of notes) expect(right).toBeLessThanOrEqual((gantt?.x ?? 0) + (gantt?.width ?? 0) + 1);
    // Every queued segment is drawn wide enough to see, before its try, and named in the legend.
    const queued = await run.segments('queued').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
    expect(queued.length).toBeGreaterThan(0);
    for (const w of queued) expect(w).toBeGreaterThanOrEqual(4);
    expect(await s.page.getByLabel('Legend').textContent()).toContain('queued');
  });

  it('leaves no page error', () => {
    expect(s.pageErrors).toEqual([]);
  });
});
