import type Database from 'better-sqlite3';
import type { Overview } from '../../../src-shared/api/requests/history';
import type { RunSummary, TaskInstanceSummary } from '../../../src-shared/domain/history';
import type { RunState } from '../../../src-shared/domain/states';
import { toDagSummary, toRunSummary, toTaskInstanceSummary, type DagRecord } from './row-mappers';
import { RUN_COLUMNS, RunReads } from './run-reads';
import type { RunRecord } from './run-rows';
import { DagRunFiguresQuery, sumByState } from './figures/dag-run-figures';
import { daysUpTo, hoursUpTo } from './figures/figure-window';
import { TaskFiguresQuery } from './figures/task-figures';
import { RUN_TIME_SQL } from './run-time';

export interface RunFilter {
  envId: string;
  dagId?: string | undefined;
  states?: readonly RunState[] | undefined;
  since?: string | undefined;
  /** Only the runs Airflow no longer returns, which the cache keeps (default: only live runs). */
  gone?: boolean | undefined;
  limit: number;
}

/** Named read-only questions over the cache. All SQL is fixed here; values are bound parameters. */
export class HistoryQueries {
  private readonly lastRun;
  private readonly dagFigures;
  private readonly taskFigures;
  private readonly reads;

  constructor(private readonly db: Database.Database) {
    this.reads = RunReads.of(db);
    // One index seek per DAG on dag_runs_by_dag_run_time.
    this.lastRun = db.prepare(
      `SELECT state, ${RUN_TIME_SQL} AS at FROM dag_runs
       WHERE env_id = ? AND dag_id = ? AND deleted_upstream = 0 ORDER BY ${RUN_TIME_SQL} DESC LIMIT 1`,
    );
    this.dagFigures = new DagRunFiguresQuery(db);
    this.taskFigures = new TaskFiguresQuery(db);
  }

  /** The Overview: every count is a figure of `figures/` over the 24 h or 7 days up to `asOf`. */
  overview(envId: string, asOf: string): Overview {
    const day = hoursUpTo(asOf, 24);
    const dags = this.db
      .prepare(
        'SELECT env_id, dag_id, description, schedule, is_paused, owners_json, tags_json FROM dags WHERE env_id = ? AND deleted_at IS NULL ORDER BY dag_id',
      )
      .all(envId) as DagRecord[];
    const last = new Map(
      dags.map((d) => [d.dag_id, this.lastRun.get(envId, d.dag_id) as { state: string; at: string | null } | undefined] as const),
    );
    const ofDay = this.dagFigures.perDag(envId, day);
    const ofWeek = this.dagFigures.perDag(envId, daysUpTo(asOf, 7));
    const summaries = dags.map((d) =>
      toDagSummary(d, last.get(d.dag_id), {
        runs24h: ofDay.get(d.dag_id)?.runs ?? 0,
        failed24h: ofDay.get(d.dag_id)?.byState.failed ?? 0,
        failed7d: ofWeek.get(d.dag_id)?.byState.failed ?? 0,
      }),
    );
    return {
      envId,
      asOf,
      dagCount: dags.length,
      runs24h: sumByState(ofDay.values()),
      failedRuns7d: sumByState(ofWeek.values()).failed,
      failedTasks24h: this.taskFigures.inWindow(envId, day).failedTaskInstances,
      dags: summaries,
    };
  }

  runs(filter: RunFilter): RunSummary[] {
    const where = ['env_id = @envId', 'deleted_upstream = @gone'];
    const params: Record<string, unknown> = { envId: filter.envId, limit: filter.limit, gone: filter.gone === true ? 1 : 0 };
    if (filter.dagId !== undefined) {
      where.push('dag_id = @dagId');
      params.dagId = filter.dagId;
    }
    if (filter.since !== undefined) {
      where.push(`${RUN_TIME_SQL} >= @since`);
      params.since = filter.since;
    }
    if (filter.states && filter.states.length > 0) {
      const names = filter.states.map((_, i) => `@state${i}`);
      where.push(`state IN (${names.join(', ')})`);
      filter.states.forEach((s, i) => (params[`state${i}`] = s));
    }
    const rows = this.db
      .prepare(`SELECT ${RUN_COLUMNS} FROM dag_runs WHERE ${where.join(' AND ')} ORDER BY ${RUN_TIME_SQL} DESC LIMIT @limit`)
      .all(params) as RunRecord[];
    return rows.map(toRunSummary);
  }

  run(envId: string, dagId: string, runId: string): { run: RunSummary; taskInstances: TaskInstanceSummary[] } | null {
    const run = this.reads.run(envId, dagId, runId);
    if (!run) return null;
    const tis = this.reads.taskInstances(envId, dagId, runId);
    return { run: toRunSummary(run), taskInstances: tis.map(toTaskInstanceSummary) };
  }
}
