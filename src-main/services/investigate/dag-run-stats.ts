import type Database from 'better-sqlite3';
import type { DagRunStats, RecentRun } from '../../../src-shared/domain/dag-list';
import { RunState } from '../../../src-shared/domain/states';
import { DAG_RUN_TOTALS_SQL, toDagRunFigures, type DagTotalsRow } from '../history/figures/dag-run-figures';
import { countedRun, type FigureWindow } from '../history/figures/figure-window';
import { runTimeOf } from '../history/run-time';

type StatsRow = DagTotalsRow & {
  run_id: string;
  state: string;
  at: string | null;
  duration_s: number | null;
};

const runState = (s: string): RunState => (RunState.safeParse(s).success ? (s as RunState) : 'queued');

/**
 * Failure rate, mean duration and the newest runs of every DAG of an environment over a window, in one statement:
 * totals per DAG are the figures' own statement (`DAG_RUN_TOTALS_SQL`, one range of `dag_runs_by_run_time`), and
 * for each DAG only its newest `runs` rows, read backwards from `dag_runs_by_dag_run_time` (a correlated LIMIT, so
 * a busy DAG costs no more than a quiet one; the window's end is a `+` term, since with both ends on the index SQLite
 * prefers the environment-wide one and reads the whole window once per DAG). A window function (ROW_NUMBER over the whole window) gave the same
 * rows at about five times the CPU. Never reads outside the window.
 */
export class DagRunStatsQuery {
  private readonly stats;

  constructor(db: Database.Database) {
    this.stats = db.prepare(
      `WITH totals AS (${DAG_RUN_TOTALS_SQL})
       SELECT t.*, r.run_id, r.state, ${runTimeOf('r')} AS at, r.duration_s
       FROM totals t JOIN dag_runs r ON r.rowid IN (
         SELECT x.rowid FROM dag_runs x
         WHERE x.env_id = @envId AND x.dag_id = t.dag_id AND ${countedRun('x')} AND ${runTimeOf('x')} >= @from AND +${runTimeOf('x')} <= @to
         ORDER BY ${runTimeOf('x')} DESC LIMIT @runs)
       ORDER BY t.dag_id, at, r.run_id`,
    );
  }

  /** Per DAG id; a DAG without a run in the window is absent. */
  forEnvironment(envId: string, w: FigureWindow, runs: number): Map<string, DagRunStats> {
    const out = new Map<string, DagRunStats>();
    for (const row of this.stats.all({ envId, from: w.from, to: w.to, runs }) as StatsRow[]) {
      let stats = out.get(row.dag_id);
      if (stats === undefined) {
        const f = toDagRunFigures(row);
        stats = { finishedRuns: f.finished, failureRate: f.failureRate, meanDurationS: f.meanDurationS, recent: [] };
        out.set(row.dag_id, stats);
      }
      const run: RecentRun = { runId: row.run_id, state: runState(row.state), at: row.at, durationS: row.duration_s };
      stats.recent.push(run);
    }
    return out;
  }
}

export const noRunStats = (): DagRunStats => ({ finishedRuns: 0, failureRate: null, meanDurationS: null, recent: [] });
