import type Database from 'better-sqlite3';
import type { DagGrid, DagScheduleNote, GridCellPage, GridRun } from '../../../src-shared/domain/dag-history';
import { zoneName } from '../analytics/schedule/dag-timezone';
import { readSchedule } from '../analytics/schedule/read-schedule';
import { RunState, type TaskState } from '../../../src-shared/domain/states';
import { topologicalOrder } from './task-order';
import { toTaskState } from './task-state';
import { worseState } from '../../../src-shared/domain/worst-state';

type RunRow = [runId: string, state: string, at: string | null, durationS: number | null, version: string | null, startDate: string | null];
type CellRow = [taskId: string, state: string, tryNumber: number, mapIndex: number];

/** Task instances start after their run; this much past the window still belongs to runs inside it. */
export const TI_SLACK_MS = 3 * 86_400_000;

/**
 * The runs of one DAG in a window, newest first, placed by their logical date (else run_after, Airflow 3's manual
 * runs having none): five weeks of daily runs caught up in ten minutes are five weeks of columns, not one.
 * Read through the expression index of migration 80.
 */
export const GRID_RUNS_SQL = `SELECT run_id, state, COALESCE(logical_date, run_after, queued_at, start_date) AS at, duration_s, dag_version, start_date
   FROM dag_runs
   WHERE env_id = @envId AND dag_id = @dagId AND deleted_upstream = 0
     AND COALESCE(logical_date, run_after, queued_at, start_date) >= @from AND COALESCE(logical_date, run_after, queued_at, start_date) < @to
   ORDER BY at DESC LIMIT @limit`;

function stringList(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * The runs x tasks grid of one DAG in a window: one indexed range read for
 * runs, then one primary-key range read per run for its cells (task
 * instances are stored in key order, run by run, so each read is contiguous;
 * reading per task through the time index cost a key lookup per cell).
 */
export class DagGridQuery {
  private readonly runs;
  private readonly dag;
  private readonly tasks;
  private readonly cells;
  private readonly instanceTasks;
  private readonly mappedTasks;

  constructor(db: Database.Database) {
    this.runs = db.prepare(GRID_RUNS_SQL).raw();
    this.dag = db.prepare('SELECT schedule, timezone, timetable_description FROM dags WHERE env_id = ? AND dag_id = ?').raw();
    this.tasks = db.prepare(
      'SELECT task_id, task_group, is_mapped, downstream_json FROM tasks WHERE env_id = ? AND dag_id = ? ORDER BY task_id',
    );
    this.cells = db
      .prepare('SELECT task_id, state, try_number, map_index FROM task_instances WHERE env_id = ? AND dag_id = ? AND run_id = ?')
      .raw();
    this.mappedTasks = db.prepare(
      'SELECT DISTINCT task_id FROM task_instances WHERE env_id = ? AND dag_id = ? AND run_id = ? AND map_index >= 0',
    );
    this.instanceTasks = db.prepare('SELECT DISTINCT task_id FROM task_instances WHERE env_id = ? AND dag_id = ? AND run_id = ?');
  }

  /**
   * The grid of a window. Without `withCells` only its geometry: runs (ids, dates, states, versions) and task rows,
   * the runs' `cells` and `tries` left empty and `mapCounts` empty; `cellPage` then fills a range of runs.
   */
  grid(envId: string, dagId: string, from: string, to: string, limit: number, withCells = true): DagGrid {
    const { kept, truncated, order, meta } = this.geometry(envId, dagId, from, to, limit);
    const runs: GridRun[] = kept.map(([runId, state, at, durationS, version]) => ({
      runId,
      state: RunState.safeParse(state).success ? (state as RunState) : 'queued',
      at,
      durationS,
      version,
      versionChanged: false,
      cells: [],
      tries: [],
    }));
    for (let i = 0; i < runs.length - 1; i++) {
      const newer = runs[i];
      const older = runs[i + 1];
      if (newer && older && newer.version !== null && older.version !== null && newer.version !== older.version)
        newer.versionChanged = true;
    }
    const page = withCells ? this.readCells(envId, dagId, kept, order) : { runs: [], mapCounts: {} };
    page.runs.forEach((cells, r) => {
      const run = runs[r];
      if (run === undefined) return;
      run.cells = cells.cells;
      run.tries = cells.tries;
    });
    const mappedNewest = withCells ? new Set<string>() : this.mappedInRun(envId, dagId, kept[0]?.[0]);
    return {
      envId,
      dagId,
      tasks: order.map((id) => ({
        taskId: id,
        group: meta.get(id)?.task_group ?? null,
        isMapped: meta.get(id)?.is_mapped === 1 || page.mapCounts[id] !== undefined || mappedNewest.has(id),
      })),
      runs,
      mapCounts: page.mapCounts,
      truncated,
      ...this.scheduleNote(envId, dagId),
    };
  }

  /** The DAG's schedule as the detectors read it, and whether they check its runs (else why not). */
  private scheduleNote(envId: string, dagId: string): { schedule?: DagScheduleNote } {
    const row = this.dag.get(envId, dagId) as [schedule: string | null, timezone: string | null, description: string | null] | undefined;
    if (row === undefined) return {};
    const read = readSchedule(row[0], row[1], row[2]);
    const note = read.slots ? `Missed and late runs are checked against ${read.slots.label}.` : (read.noClaimReason ?? '');
    return { schedule: { text: row[0], timezone: zoneName(read.zone), checked: read.slots !== null, note } };
  }

  /** The cells of the runs at `offset` .. `offset + count - 1` of the window's runs (newest first), columns in the grid's task order. */
  cellPage(envId: string, dagId: string, from: string, to: string, limit: number, offset: number, count: number): GridCellPage {
    // Runs come newest first, so the runs past this page need no reading.
    const { kept, order } = this.geometry(envId, dagId, from, to, Math.min(limit, offset + count));
    return { offset, ...this.readCells(envId, dagId, kept.slice(offset, offset + count), order) };
  }

  private geometry(envId: string, dagId: string, from: string, to: string, limit: number) {
    const runRows = this.runs.all({ envId, dagId, from, to, limit: limit + 1 }) as RunRow[];
    const kept = runRows.slice(0, limit);
    const taskRows = this.tasks.all(envId, dagId) as {
      task_id: string;
      task_group: string | null;
      is_mapped: number;
      downstream_json: string;
    }[];
    const known = taskRows.length > 0 ? taskRows : this.tasksFromInstances(envId, dagId, kept);
    const order = topologicalOrder(known.map((t) => ({ taskId: t.task_id, downstream: stringList(t.downstream_json) })));
    return { kept, truncated: runRows.length > limit, order, meta: new Map(known.map((t) => [t.task_id, t])) };
  }

  /** One primary-key range read per run: the worst state and highest try per task, and map index counts of mapped tasks. */
  private readCells(envId: string, dagId: string, runRows: readonly RunRow[], order: readonly string[]): Omit<GridCellPage, 'offset'> {
    const column = new Map(order.map((id, i) => [id, i]));
    const mapCounts: Record<string, number[]> = {};
    const runs = runRows.map(([runId], r) => {
      const cells: (TaskState | null)[] = order.map(() => null);
      const tries = order.map(() => 0);
      for (const [taskId, state, tryNumber, mapIndex] of this.cells.all(envId, dagId, runId) as CellRow[]) {
        const col = column.get(taskId);
        if (col === undefined) continue;
        cells[col] = worseState(cells[col] ?? null, toTaskState(state));
        tries[col] = Math.max(tries[col] ?? 0, tryNumber);
        if (mapIndex < 0) continue;
        const counts = (mapCounts[taskId] ??= runRows.map(() => 0));
        counts[r] = (counts[r] ?? 0) + 1;
      }
      return { runId, cells, tries };
    });
    return { runs, mapCounts };
  }

  /** Tasks with map indexes in one run: the newest run tells the geometry which rows fold map indexes. */
  private mappedInRun(envId: string, dagId: string, runId: string | undefined): Set<string> {
    if (runId === undefined) return new Set();
    return new Set((this.mappedTasks.all(envId, dagId, runId) as { task_id: string }[]).map((r) => r.task_id));
  }

  /** Without cached task definitions (a sync that skipped them), the columns come from the newest run's instances. */
  private tasksFromInstances(envId: string, dagId: string, runs: readonly RunRow[]) {
    const newest = runs[0]?.[0];
    if (newest === undefined) return [];
    return (this.instanceTasks.all(envId, dagId, newest) as { task_id: string }[]).map((r) => ({
      task_id: r.task_id,
      task_group: null,
      is_mapped: 0,
      downstream_json: '[]',
    }));
  }
}
