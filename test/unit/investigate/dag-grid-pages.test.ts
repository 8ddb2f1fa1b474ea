import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvestigationService } from '../../../src-main/services/investigate/investigation-service';
import { pagesAround, withCellPages } from '../../../src-renderer/features/dag/use-grid-cell-pages';
import { AS_OF, generate, type Generated } from '../synth/synth-fixture';

describe('the DAG grid in pages: geometry first, cells per page of runs', () => {
  let g: Generated;
  let inv: InvestigationService;
  const from = new Date(Date.parse(AS_OF) - 30 * 86_400_000).toISOString();

  beforeAll(() => {
    g = generate({ dags: 12, days: 30, seed: 11 });
    inv = new InvestigationService(g.db);
  });
  afterAll(() => g.dispose());

  const dagWith = (sql: string): string => g.db.prepare(sql).pluck().get() as string;

  it('the geometry has every run and task of the full grid, without cells', () => {
    const dagId = dagWith("SELECT dag_id FROM dag_runs WHERE env_id = 'demo' GROUP BY dag_id ORDER BY COUNT(*) DESC LIMIT 1");
    const full = inv.grid.grid('demo', dagId, from, AS_OF, 10_000);
    const geometry = inv.grid.grid('demo', dagId, from, AS_OF, 10_000, false);
    expect(geometry.tasks).toEqual(full.tasks);
    expect(geometry.runs.map(({ cells: _c, tries: _t, ...run }) => run)).toEqual(full.runs.map(({ cells: _c, tries: _t, ...run }) => run));
    expect(geometry.runs.every((r) => r.cells.length === 0)).toBe(true);
  });

  it('the cells of a page equal the same runs of the full grid, and the pages together rebuild it', () => {
    const dagId = dagWith(
      "SELECT t.dag_id FROM tasks t JOIN dag_runs r ON r.env_id = t.env_id AND r.dag_id = t.dag_id WHERE t.env_id = 'demo' AND t.is_mapped = 1 GROUP BY t.dag_id ORDER BY COUNT(*) DESC LIMIT 1",
    );
    const full = inv.grid.grid('demo', dagId, from, AS_OF, 10_000);
    expect(full.runs.length).toBeGreaterThan(10);
    const count = 7;
    const page = inv.grid.cellPage('demo', dagId, from, AS_OF, 10_000, 3, count);
    expect(page.offset).toBe(3);
    expect(page.runs).toEqual(full.runs.slice(3, 3 + count).map((r) => ({ runId: r.runId, cells: r.cells, tries: r.tries })));
    for (const [taskId, counts] of Object.entries(page.mapCounts)) expect(counts).toEqual(full.mapCounts[taskId]?.slice(3, 3 + count));

    const geometry = inv.grid.grid('demo', dagId, from, AS_OF, 10_000, false);
    const pages = [];
    for (let offset = 0; offset < full.runs.length; offset += count)
      pages.push(inv.grid.cellPage('demo', dagId, from, AS_OF, 10_000, offset, count));
    const rebuilt = withCellPages(geometry, pages);
    expect(rebuilt.runs).toEqual(full.runs);
    expect(rebuilt.mapCounts).toEqual(full.mapCounts);
    expect(rebuilt.tasks).toEqual(full.tasks);
  });

  it('a page past the window is empty', () => {
    const dagId = dagWith("SELECT dag_id FROM dag_runs WHERE env_id = 'demo' LIMIT 1");
    expect(inv.grid.cellPage('demo', dagId, from, AS_OF, 10_000, 10_000, 200).runs).toEqual([]);
  });

  it('the pages fetched cover the runs in view and one page either side', () => {
    expect(pagesAround(0, 80, 2000)).toEqual([0, 1]);
    expect(pagesAround(450, 520, 2000)).toEqual([3, 4, 5, 6]);
    expect(pagesAround(1950, 1999, 2000)).toEqual([18, 19]);
    expect(pagesAround(0, 10, 0)).toEqual([]);
  });
});
