import type Database from 'better-sqlite3';
import type { RunStateCounts } from '../../../../src-shared/api/requests/history';
import { runTimeOf } from '../run-time';
import { runInWindow, type FigureWindow } from './figure-window';

/** What every page says about one DAG's runs in a window. */
export interface DagRunFigures {
  readonly dagId: string;
  /** Counted runs in the window, whatever their state. */
  readonly runs: number;
  /** The runs by state; a state this version does not know reads as queued, as the run lists show it. */
  readonly byState: RunStateCounts;
  /** Runs that ended: success + failed. */
  readonly finished: number;
  /** Failed runs / finished runs; null when none finished. */
  readonly failureRate: number | null;
  /** Mean duration of the successful runs, in seconds; null when none succeeded (or none had a duration). */
  readonly meanDurationS: number | null;
  /** When the newest failed run of the window ended (else its run time); null without one. */
  readonly lastFailureAt: string | null;
}

/** The failure rate of any set of runs: failed / finished (success + failed); null when none finished. */
export const failureRate = (failed: number, finished: number): number | null => (finished > 0 ? failed / finished : null);

/**
 * SQL: one row per DAG of @envId with a counted run in @from..@to: the columns `toDagRunFigures` reads. The DAGs list
 * uses it as a CTE, so its failure rate and mean duration are this statement's, not a copy.
 */
export const DAG_RUN_TOTALS_SQL = `SELECT d.dag_id, COUNT(*) AS runs, SUM(d.state = 'success') AS success, SUM(d.state = 'failed') AS failed,
    SUM(d.state = 'running') AS running, AVG(CASE WHEN d.state = 'success' THEN d.duration_s END) AS mean_s,
    MAX(CASE WHEN d.state = 'failed' THEN COALESCE(d.end_date, ${runTimeOf('d')}) END) AS last_failure
  FROM dag_runs d WHERE ${runInWindow('d')} GROUP BY d.dag_id`;

export interface DagTotalsRow {
  dag_id: string;
  runs: number;
  success: number;
  failed: number;
  running: number;
  mean_s: number | null;
  last_failure: string | null;
}

export function toDagRunFigures(r: DagTotalsRow): DagRunFigures {
  const byState = { queued: r.runs - r.success - r.failed - r.running, running: r.running, success: r.success, failed: r.failed };
  const finished = r.success + r.failed;
  return {
    dagId: r.dag_id,
    runs: r.runs,
    byState,
    finished,
    failureRate: failureRate(r.failed, finished),
    meanDurationS: r.mean_s,
    lastFailureAt: r.last_failure,
  };
}

export const noRuns = (): RunStateCounts => ({ queued: 0, running: 0, success: 0, failed: 0 });

/** Adds up runs by state (of several DAGs): the environment's figure is the sum of its DAGs'. */
export function sumByState(figures: Iterable<DagRunFigures>): RunStateCounts {
  const total = noRuns();
  for (const f of figures) {
    total.queued += f.byState.queued;
    total.running += f.byState.running;
    total.success += f.byState.success;
    total.failed += f.byState.failed;
  }
  return total;
}

/** Runs, runs by state, failure rate and mean duration of each DAG in a window: one range of dag_runs_by_run_time. */
export class DagRunFiguresQuery {
  private readonly totals;

  constructor(db: Database.Database) {
    this.totals = db.prepare(DAG_RUN_TOTALS_SQL);
  }

  /** Per DAG id; a DAG without a counted run in the window is absent. */
  perDag(envId: string, w: FigureWindow): Map<string, DagRunFigures> {
    const rows = this.totals.all({ envId, from: w.from, to: w.to }) as DagTotalsRow[];
    return new Map(rows.map((r) => [r.dag_id, toDagRunFigures(r)]));
  }
}
