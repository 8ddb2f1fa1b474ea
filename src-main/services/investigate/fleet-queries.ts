import type Database from 'better-sqlite3';
import type { ActiveRun, DagCount, FleetEnv, ImportErrorItem, StaleDag } from '../../../src-shared/domain/investigate';
import { FailedRunsQuery, type FailedRun } from '../history/figures/failed-runs';
import { daysUpTo, hoursUpTo } from '../history/figures/figure-window';
import { scheduleIntervalSeconds } from './schedule-interval';

interface ActiveRow {
  dag_id: string;
  run_id: string;
  state: 'running' | 'queued';
  since: string | null;
}
interface DagRow {
  dag_id: string;
  schedule: string | null;
  is_paused: number;
}

const secondsBetween = (fromIso: string | null, toIso: string): number =>
  fromIso === null ? 0 : Math.max(0, (Date.parse(toIso) - Date.parse(fromIso)) / 1000);

/** Groups failed runs (newest first) by DAG, most failures first. */
function byDag(envId: string, rows: readonly FailedRun[]): DagCount[] {
  const counts = new Map<string, DagCount>();
  for (const row of rows) {
    const seen = counts.get(row.dagId);
    if (seen) seen.count += 1;
    else counts.set(row.dagId, { envId, dagId: row.dagId, count: 1, lastAt: row.at, lastRunId: row.runId });
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || (b.lastAt ?? '').localeCompare(a.lastAt ?? ''));
}

/** Fleet-health questions for one environment. Every query walks an index (state or DAG and start time). */
export class FleetQueries {
  private readonly failedRuns;
  private readonly active;
  private readonly dags;
  private readonly lastFinished;
  private readonly lastSuccess;
  private readonly failedAfter;
  private readonly importErrors;

  constructor(db: Database.Database) {
    this.failedRuns = new FailedRunsQuery(db);
    this.active = db.prepare(
      `SELECT dag_id, run_id, state, COALESCE(start_date, queued_at, run_after) AS since FROM dag_runs
       WHERE env_id = ? AND state IN ('running', 'queued') AND deleted_upstream = 0`,
    );
    this.dags = db.prepare('SELECT dag_id, schedule, is_paused FROM dags WHERE env_id = ? AND deleted_at IS NULL AND is_active = 1');
    this.lastFinished = db.prepare(
      `SELECT run_id, state, start_date FROM dag_runs WHERE env_id = ? AND dag_id = ? AND start_date IS NOT NULL
         AND state IN ('success', 'failed') AND deleted_upstream = 0 ORDER BY start_date DESC LIMIT 1`,
    );
    this.lastSuccess = db.prepare(
      // "+state" keeps SQLite on the (env_id, dag_id, start_date) index: walking back from the newest run finds the success at once.
      `SELECT start_date FROM dag_runs WHERE env_id = ? AND dag_id = ? AND +state = 'success' AND start_date IS NOT NULL
         AND deleted_upstream = 0 ORDER BY start_date DESC LIMIT 1`,
    );
    this.failedAfter = db.prepare(
      `SELECT COUNT(*) AS n FROM dag_runs WHERE env_id = ? AND dag_id = ? AND start_date > ? AND state = 'failed' AND deleted_upstream = 0`,
    );
    this.importErrors = db.prepare(
      'SELECT filename, stack_trace, timestamp FROM import_errors WHERE env_id = ? ORDER BY timestamp DESC, filename',
    );
  }

  forEnvironment(envId: string, envName: string, asOf: string, staleIntervals: number): FleetEnv {
    // The week's failed runs, read once; the day's are those of them in the last 24 h (the same window as the Overview's).
    const failed7dRows = this.failedRuns.runs(envId, daysUpTo(asOf, 7));
    const since24 = hoursUpTo(asOf, 24).from;
    const active = (this.active.all(envId) as ActiveRow[])
      .map(
        (r): ActiveRun => ({
          envId,
          dagId: r.dag_id,
          runId: r.run_id,
          state: r.state,
          since: r.since,
          elapsedS: secondsBetween(r.since, asOf),
        }),
      )
      .sort((a, b) => b.elapsedS - a.elapsedS);
    const failingNow: DagCount[] = [];
    const staleDags: StaleDag[] = [];
    for (const dag of this.dags.all(envId) as DagRow[]) {
      const last = this.lastFinished.get(envId, dag.dag_id) as { run_id: string; state: string; start_date: string } | undefined;
      const success = this.lastSuccess.get(envId, dag.dag_id) as { start_date: string } | undefined;
      if (last?.state === 'failed') {
        const streak = (this.failedAfter.get(envId, dag.dag_id, success?.start_date ?? '') as { n: number }).n;
        failingNow.push({ envId, dagId: dag.dag_id, count: streak, lastAt: last.start_date, lastRunId: last.run_id });
      }
      const interval = scheduleIntervalSeconds(dag.schedule);
      if (dag.is_paused === 0 && interval !== null && dag.schedule !== null) {
        const lastSuccessAt = success?.start_date ?? null;
        if (secondsBetween(lastSuccessAt ?? '1970-01-01T00:00:00Z', asOf) > interval * staleIntervals) {
          staleDags.push({ envId, dagId: dag.dag_id, schedule: dag.schedule, intervalS: interval, lastSuccessAt });
        }
      }
    }
    const importErrors = (this.importErrors.all(envId) as { filename: string; stack_trace: string; timestamp: string | null }[]).map(
      (r): ImportErrorItem => ({
        envId,
        filename: r.filename,
        timestamp: r.timestamp,
        lastLine: r.stack_trace.trim().split('\n').pop() ?? '',
      }),
    );
    return {
      envId,
      envName,
      asOf,
      failingNow: failingNow.sort((a, b) => (b.lastAt ?? '').localeCompare(a.lastAt ?? '')),
      failed24h: byDag(
        envId,
        failed7dRows.filter((r) => r.at >= since24),
      ),
      failed7d: byDag(envId, failed7dRows),
      running: active.filter((r) => r.state === 'running'),
      queued: active.filter((r) => r.state === 'queued'),
      importErrors,
      staleDags,
    };
  }
}
