import type Database from 'better-sqlite3';
import { DAG_RUN_TOTALS_SQL, type DagTotalsRow } from './figures/dag-run-figures';
import { RUN_TIME_SQL } from './run-time';
import type { RunDetailRecord, TaskInstanceRecord } from './run-rows';

/** The activity window (the lineage graph's, `graph/build/graph-window.ts`): recent runs, failed ones for longer, statistics over `statsSince`. */
export interface ActivityWindow {
  asOf: string;
  recentSince: string;
  failedSince: string;
  statsSince: string;
}

export type DagStatsRow = DagTotalsRow;
export interface LastStateRow {
  dag_id: string;
  task_id: string;
  state: string;
  at: string | null;
}
export interface TaskStatsRow {
  dag_id: string;
  task_id: string;
  tries: number;
  failures: number;
  flaky: number;
  mean_s: number | null;
}
export type RunRow = Pick<
  RunDetailRecord,
  'dag_id' | 'run_id' | 'state' | 'run_type' | 'start_date' | 'end_date' | 'duration_s' | 'dag_version'
> & {
  at: string | null;
};
export type InstanceRow = Pick<
  TaskInstanceRecord,
  'dag_id' | 'run_id' | 'task_id' | 'map_index' | 'state' | 'try_number' | 'start_date' | 'end_date' | 'duration_s' | 'hostname'
>;

const IN_WINDOW = `(${RUN_TIME_SQL} >= @recentSince OR (state = 'failed' AND ${RUN_TIME_SQL} >= @failedSince))`;

/** Run history of the activity window (what the lineage graph carries): per-DAG and per-task statistics, recent runs and their task instances. */
export class ActivityReader {
  private readonly dagStats;
  private readonly lastRuns;
  private readonly taskStats;
  private readonly lastTaskStates;
  private readonly runs;
  private readonly instances;

  constructor(db: Database.Database) {
    // The DAG figures every page shows (history/figures): runs, failed and finished runs of the window.
    this.dagStats = db.prepare(DAG_RUN_TOTALS_SQL);
    this.lastRuns = db.prepare(
      `SELECT dag_id, '' AS task_id, state, at FROM (
         SELECT dag_id, state, ${RUN_TIME_SQL} AS at, ROW_NUMBER() OVER (PARTITION BY dag_id ORDER BY ${RUN_TIME_SQL} DESC, run_id DESC) AS rn
         FROM dag_runs WHERE env_id = @envId AND deleted_upstream = 0 AND ${RUN_TIME_SQL} <= @asOf) WHERE rn = 1`,
    );
    this.taskStats = db.prepare(
      `SELECT dag_id, task_id, COUNT(*) AS tries, SUM(state = 'failed') AS failures,
              SUM(state = 'success' AND try_number > 1) AS flaky, AVG(duration_s) AS mean_s
       FROM task_instances WHERE env_id = @envId AND start_date >= @statsSince AND start_date <= @asOf GROUP BY dag_id, task_id`,
    );
    this.lastTaskStates = db.prepare(
      `SELECT dag_id, task_id, state, at FROM (
         SELECT dag_id, task_id, state, start_date AS at,
                ROW_NUMBER() OVER (PARTITION BY dag_id, task_id ORDER BY start_date DESC, run_id DESC, map_index DESC) AS rn
         FROM task_instances WHERE env_id = @envId AND start_date >= @statsSince AND start_date <= @asOf) WHERE rn = 1`,
    );
    this.runs = db.prepare(
      `SELECT dag_id, run_id, state, run_type, start_date, end_date, duration_s, dag_version, ${RUN_TIME_SQL} AS at
       FROM dag_runs WHERE env_id = @envId AND deleted_upstream = 0 AND ${IN_WINDOW} AND ${RUN_TIME_SQL} <= @asOf
       ORDER BY dag_id, at, run_id`,
    );
    this.instances = db.prepare(
      `SELECT ti.dag_id, ti.run_id, ti.task_id, ti.map_index, ti.state, ti.try_number, ti.start_date, ti.end_date, ti.duration_s, ti.hostname
       FROM (SELECT dag_id, run_id FROM dag_runs WHERE env_id = @envId AND deleted_upstream = 0 AND ${IN_WINDOW} AND ${RUN_TIME_SQL} <= @asOf) r
       JOIN task_instances ti ON ti.env_id = @envId AND ti.dag_id = r.dag_id AND ti.run_id = r.run_id
       ORDER BY ti.dag_id, ti.run_id, ti.task_id, ti.map_index`,
    );
  }

  dagStatsOf(envId: string, w: ActivityWindow): DagStatsRow[] {
    return this.dagStats.all({ envId, from: w.statsSince, to: w.asOf }) as DagStatsRow[];
  }

  lastRunOf(envId: string, w: ActivityWindow): LastStateRow[] {
    return this.lastRuns.all({ envId, asOf: w.asOf }) as LastStateRow[];
  }

  taskStatsOf(envId: string, w: ActivityWindow): TaskStatsRow[] {
    return this.taskStats.all({ envId, statsSince: w.statsSince, asOf: w.asOf }) as TaskStatsRow[];
  }

  lastTaskStateOf(envId: string, w: ActivityWindow): LastStateRow[] {
    return this.lastTaskStates.all({ envId, statsSince: w.statsSince, asOf: w.asOf }) as LastStateRow[];
  }

  runsOf(envId: string, w: ActivityWindow): RunRow[] {
    return this.runs.all({ envId, recentSince: w.recentSince, failedSince: w.failedSince, asOf: w.asOf }) as RunRow[];
  }

  instancesOf(envId: string, w: ActivityWindow): InstanceRow[] {
    return this.instances.all({ envId, recentSince: w.recentSince, failedSince: w.failedSince, asOf: w.asOf }) as InstanceRow[];
  }
}
