import type Database from 'better-sqlite3';
import type { GridMapIndexes, GridMapRun } from '../../../src-shared/domain/dag-history';
import { GRID_RUNS_SQL, TI_SLACK_MS } from './dag-grid';
import { toTaskState } from './task-state';

type InstanceRow = [runId: string, mapIndex: number, state: string, tryNumber: number];

/**
 * A mapped task unfolded for the grid: one row per map index over the same runs as `dags.grid`
 * (same window, same limit), read from the task's index range, never beyond the window.
 */
export class GridMapIndexQuery {
  private readonly runs;
  private readonly instances;

  constructor(db: Database.Database) {
    this.runs = db.prepare(GRID_RUNS_SQL).raw();
    this.instances = db
      .prepare(
        `SELECT run_id, map_index, state, try_number FROM task_instances
         WHERE env_id = @envId AND dag_id = @dagId AND task_id = @taskId AND map_index >= 0 AND start_date >= @from AND start_date < @until
         UNION ALL
         SELECT run_id, map_index, state, try_number FROM task_instances
         WHERE env_id = @envId AND dag_id = @dagId AND task_id = @taskId AND map_index >= 0 AND start_date IS NULL`,
      )
      .raw();
  }

  mapIndexes(envId: string, dagId: string, taskId: string, from: string, to: string, limit: number, maxIndexes: number): GridMapIndexes {
    const runRows = this.runs.all({ envId, dagId, from, to, limit }) as [
      runId: string,
      state: string,
      at: string | null,
      durationS: number | null,
      version: string | null,
      startDate: string | null,
    ][];
    const runIds = runRows.map(([runId]) => runId);
    const runOf = new Set(runIds);
    const oldest = runRows.at(-1)?.[2] ?? from;
    // Runs sit at their logical date; a catch-up or backfill run started later than the window: read up to it.
    const latestStart = runRows.reduce((m, r) => Math.max(m, Date.parse(r[5] ?? '') || 0), 0);
    const until = new Date(Math.max(Date.parse(to), latestStart) + TI_SLACK_MS).toISOString();
    const rows = (this.instances.all({ envId, dagId, taskId, from: oldest > from ? oldest : from, until }) as InstanceRow[]).filter(
      ([runId]) => runOf.has(runId),
    );
    const all = [...new Set(rows.map(([, mapIndex]) => mapIndex))].sort((a, b) => a - b);
    const mapIndexes = all.slice(0, maxIndexes);
    const column = new Map(mapIndexes.map((m, i) => [m, i]));
    const byRun = new Map<string, GridMapRun>(
      runIds.map((runId) => [runId, { runId, cells: mapIndexes.map(() => null), tries: mapIndexes.map(() => 0) }]),
    );
    for (const [runId, mapIndex, state, tryNumber] of rows) {
      const col = column.get(mapIndex);
      const run = byRun.get(runId);
      if (col === undefined || run === undefined) continue;
      run.cells[col] = toTaskState(state);
      run.tries[col] = tryNumber;
    }
    return { taskId, mapIndexes, runs: [...byRun.values()], truncated: all.length > mapIndexes.length };
  }
}
