import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvestigationService } from '../../../src-main/services/investigate/investigation-service';
import { AS_OF, generate, type Generated } from '../synth/synth-fixture';

const RUN_TIME = 'COALESCE(start_date, queued_at, run_after, logical_date)';
const sinceDays = (days: number): string => new Date(Date.parse(AS_OF) - days * 86_400_000).toISOString();

describe('DAG list statistics and mapped-task rows on a synthetic cache', () => {
  let g: Generated;
  let inv: InvestigationService;

  beforeAll(() => {
    g = generate({ dags: 14, days: 40, seed: 5 });
    inv = new InvestigationService(g.db);
  });
  afterAll(() => g.dispose());

  it('gives each DAG its failure rate and mean duration over the window, and only its newest runs, oldest first', () => {
    const since = sinceDays(30);
    const stats = inv.dagStats.forEnvironment('demo', { from: since, to: AS_OF }, 20);
    const dagIds = g.db
      .prepare(`SELECT DISTINCT dag_id FROM dag_runs WHERE env_id = 'demo' AND ${RUN_TIME} >= ?`)
      .pluck()
      .all(since) as string[];
    expect([...stats.keys()].sort()).toEqual([...dagIds].sort());
    for (const dagId of dagIds) {
      const s = stats.get(dagId);
      if (!s) throw new Error(`no stats for ${dagId}`);
      const runs = g.db
        .prepare(
          `SELECT run_id, state, ${RUN_TIME} AS at, duration_s FROM dag_runs WHERE env_id = 'demo' AND dag_id = ? AND ${RUN_TIME} >= ? ORDER BY at DESC, run_id DESC`,
        )
        .all(dagId, since) as { run_id: string; state: string; at: string; duration_s: number | null }[];
      const finished = runs.filter((r) => r.state === 'success' || r.state === 'failed');
      const failed = runs.filter((r) => r.state === 'failed').length;
      const ok = runs.filter((r) => r.state === 'success' && r.duration_s !== null);
      expect(s.finishedRuns).toBe(finished.length);
      if (finished.length === 0) expect(s.failureRate).toBeNull();
      else expect(s.failureRate).toBeCloseTo(failed / finished.length, 9);
      if (ok.length > 0) expect(s.meanDurationS).toBeCloseTo(ok.reduce((sum, r) => sum + (r.duration_s ?? 0), 0) / ok.length, 6);
      expect(s.recent.map((r) => r.runId)).toEqual(
        runs
          .slice(0, 20)
          .map((r) => r.run_id)
          .reverse(),
      );
    }
  });

  it('reads nothing older than the window', () => {
    const stats = inv.dagStats.forEnvironment('demo', { from: sinceDays(2), to: AS_OF }, 50);
    for (const s of stats.values()) for (const run of s.recent) expect((run.at ?? '') >= sinceDays(2)).toBe(true);
  });

  it('the grid counts map indexes per run, and unfolds a mapped task to one row per map index', () => {
    const mapped = g.db.prepare("SELECT dag_id, task_id FROM tasks WHERE env_id = 'demo' AND is_mapped = 1 LIMIT 1").get() as
      | { dag_id: string; task_id: string }
      | undefined;
    if (mapped === undefined) throw new Error('the synthetic history has no mapped task');
    const from = sinceDays(20);
    const grid = inv.grid.grid('demo', mapped.dag_id, from, AS_OF, 10_000);
    const counts = grid.mapCounts[mapped.task_id];
    expect(counts).toHaveLength(grid.runs.length);
    const unfolded = inv.gridMapIndexes.mapIndexes('demo', mapped.dag_id, mapped.task_id, from, AS_OF, 10_000, 256);
    expect(unfolded.runs.map((r) => r.runId)).toEqual(grid.runs.map((r) => r.runId));
    const instances = g.db.prepare(
      "SELECT map_index, state, try_number FROM task_instances WHERE env_id = 'demo' AND dag_id = ? AND run_id = ? AND task_id = ? AND map_index >= 0",
    );
    grid.runs.slice(0, 30).forEach((run, i) => {
      const rows = instances.all(mapped.dag_id, run.runId, mapped.task_id) as { map_index: number; state: string; try_number: number }[];
      expect(counts?.[i]).toBe(rows.length);
      const row = unfolded.runs[i];
      for (const ti of rows) {
        const col = unfolded.mapIndexes.indexOf(ti.map_index);
        expect(row?.cells[col]).toBe(ti.state);
        expect(row?.tries[col]).toBe(ti.try_number);
      }
    });
    expect(unfolded.mapIndexes).toEqual([...unfolded.mapIndexes].sort((a, b) => a - b));
    const few = inv.gridMapIndexes.mapIndexes('demo', mapped.dag_id, mapped.task_id, from, AS_OF, 10_000, 2);
    expect(few.mapIndexes).toHaveLength(2);
    expect(few.truncated).toBe(true);
  });
});
