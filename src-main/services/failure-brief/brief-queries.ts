import type Database from 'better-sqlite3';
import type { BriefOccurrence, BriefPattern } from '../../../src-shared/domain/failure-brief';
import { countedRun } from '../history/figures/figure-window';
import { RunReads } from '../history/run-reads';
import { runTimeOf } from '../history/run-time';
import type { InstanceKey } from '../history/run-rows';

export interface RunKey {
  readonly envId: string;
  readonly dagId: string;
  readonly runId: string;
}

/** The run time of the run @envId/@dagId/@runId. */
const THIS_RUN_TIME = `(SELECT ${runTimeOf('c')} FROM dag_runs c WHERE c.env_id = @envId AND c.dag_id = @dagId AND c.run_id = @runId)`;

interface PatternRow {
  pattern_id: string;
  template: string;
  exception: string;
  count: number;
  first_seen: string;
  last_seen: string;
  is_new: number;
}

/** The brief's own questions over the cache; all SQL fixed, values bound. */
export class BriefQueries {
  private readonly previousSuccessRun;
  private readonly reads;
  private readonly patternOfTry;
  private readonly sameTaskPattern;
  private readonly newestFirstFailure;
  private readonly newestFailedTry;

  constructor(db: Database.Database) {
    this.previousSuccessRun = db.prepare(
      `SELECT r.run_id AS runId, COALESCE(r.end_date, ${runTimeOf('r')}) AS at FROM dag_runs r
       WHERE r.env_id = @envId AND r.dag_id = @dagId AND r.state = 'success' AND ${countedRun('r')} AND ${runTimeOf('r')} < ${THIS_RUN_TIME}
       ORDER BY ${runTimeOf('r')} DESC LIMIT 1`,
    );
    this.reads = RunReads.of(db);
    // The pattern the scoring assigned to this try's log (error_pattern_hits): the same answer as the Patterns tab.
    this.patternOfTry = db.prepare(
      `SELECT p.pattern_id, p.template, p.exception, p.count, p.first_seen, p.last_seen, p.is_new
       FROM error_pattern_hits h JOIN error_patterns p ON p.env_id = h.env_id AND p.pattern_id = h.pattern_id
       WHERE h.env_id = ? AND h.dag_id = ? AND h.run_id = ? AND h.task_id = ? AND h.map_index = ? AND h.try_number = ?`,
    );
    this.sameTaskPattern = db.prepare(
      `SELECT h.run_id AS runId, r.state AS runState, MIN(h.map_index) AS mapIndex, MAX(h.try_number) AS tryNumber,
              MAX(COALESCE(t.end_date, t.start_date)) AS at, ${runTimeOf('r')} AS runAt
       FROM error_pattern_hits h
       JOIN dag_runs r ON r.env_id = h.env_id AND r.dag_id = h.dag_id AND r.run_id = h.run_id
       LEFT JOIN task_instances t ON t.env_id = h.env_id AND t.dag_id = h.dag_id AND t.run_id = h.run_id AND t.task_id = h.task_id AND t.map_index = h.map_index
       WHERE h.env_id = @envId AND h.dag_id = @dagId AND h.task_id = @taskId AND h.pattern_id = @patternId AND h.run_id <> @runId
         AND ${countedRun('r')} AND ${runTimeOf('r')} < ${THIS_RUN_TIME}
       GROUP BY h.run_id ORDER BY runAt DESC, h.run_id`,
    );
    // A failed run whose first failed task instance (by end time) is this task's, so that its brief names this task.
    this.newestFirstFailure = db
      .prepare(
        `SELECT t.run_id FROM task_instances t
       JOIN dag_runs r ON r.env_id = t.env_id AND r.dag_id = t.dag_id AND r.run_id = t.run_id
       WHERE t.env_id = @envId AND t.dag_id = @dagId AND t.task_id = @taskId AND t.state = 'failed' AND r.state = 'failed'
         AND ${countedRun('r')} AND t.end_date >= @since AND t.end_date <= @until
         AND NOT EXISTS (SELECT 1 FROM task_instances o WHERE o.env_id = t.env_id AND o.dag_id = t.dag_id AND o.run_id = t.run_id
                         AND o.state = 'failed' AND o.task_id <> t.task_id AND o.end_date < t.end_date)
       ORDER BY t.end_date DESC, t.run_id LIMIT 1`,
      )
      .pluck();
    // A run in which a try of this task failed (retried, or the last one), whatever became of the run.
    this.newestFailedTry = db
      .prepare(
        `SELECT y.run_id FROM task_tries y
       JOIN dag_runs r ON r.env_id = y.env_id AND r.dag_id = y.dag_id AND r.run_id = y.run_id
       WHERE y.env_id = @envId AND y.dag_id = @dagId AND y.task_id = @taskId AND y.state IN ('failed', 'up_for_retry')
         AND ${countedRun('r')} AND y.end_date >= @since AND y.end_date <= @until
       ORDER BY y.end_date DESC, y.run_id LIMIT 1`,
      )
      .pluck();
  }

  /** The newest run in which a try of this task failed (a retry may have rescued it), ending in [since, until]; null when none. */
  newestFailedTryOfTask(q: { envId: string; dagId: string; taskId: string; since: string; until: string }): string | null {
    return (this.newestFailedTry.get(q) as string | undefined) ?? null;
  }

  /** The newest failed run in which this task failed first, its failure ending in [since, until]; null when none. */
  newestFailureOfTask(q: { envId: string; dagId: string; taskId: string; since: string; until: string }): string | null {
    return (this.newestFirstFailure.get(q) as string | undefined) ?? null;
  }

  /** The newest successful run of the DAG before this one. */
  previousSuccess(run: RunKey): { runId: string; at: string | null } | null {
    return (this.previousSuccessRun.get(run) as { runId: string; at: string | null } | undefined) ?? null;
  }

  /** Where a task instance ran: its worker host and pool (null when it is not in the run). */
  placementOf(key: InstanceKey): { hostname: string | null; pool: string | null } | null {
    const ti = this.reads.taskInstance(key);
    return ti ? { hostname: ti.hostname, pool: ti.pool } : null;
  }

  patternOf(key: InstanceKey, tryNumber: number): BriefPattern | null {
    const row = this.patternOfTry.get(key.envId, key.dagId, key.runId, key.taskId, key.mapIndex, tryNumber) as PatternRow | undefined;
    if (row === undefined) return null;
    return {
      patternId: row.pattern_id,
      template: row.template,
      exception: row.exception,
      count: row.count,
      firstSeen: row.first_seen,
      lastSeen: row.last_seen,
      isNew: row.is_new === 1,
    };
  }

  /** Earlier runs (counted, before this one) in which the task failed a try with the same pattern, newest first. */
  earlierWithPattern(run: RunKey, taskId: string, patternId: string): BriefOccurrence[] {
    const rows = this.sameTaskPattern.all({ ...run, taskId, patternId }) as (BriefOccurrence & { runAt: string })[];
    return rows.map(({ runAt: _, ...o }) => o);
  }
}
