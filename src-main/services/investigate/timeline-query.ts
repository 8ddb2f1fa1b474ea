import type Database from 'better-sqlite3';
import type { TimelineRun } from '../../../src-shared/domain/dag-history';
import { RunState } from '../../../src-shared/domain/states';

type Row = [dagId: string, runId: string, state: string, start: string, end: string | null];

/** Runs that start this long before the window may still overlap it. */
const LOOKBACK_MS = 2 * 86_400_000;

/** Runs overlapping a window in one environment, through the (env_id, start_date) index. */
export class TimelineQuery {
  private readonly overlapping;

  constructor(db: Database.Database) {
    this.overlapping = db
      .prepare(
        `SELECT dag_id, run_id, state, start_date, end_date FROM dag_runs
         WHERE env_id = @envId AND start_date >= @lookback AND start_date < @to AND deleted_upstream = 0
           AND (end_date IS NULL OR end_date >= @from)
         ORDER BY start_date LIMIT @limit`,
      )
      .raw();
  }

  runs(envId: string, from: string, to: string, limit: number): TimelineRun[] {
    const lookback = new Date(Date.parse(from) - LOOKBACK_MS).toISOString();
    return (this.overlapping.all({ envId, lookback, from, to, limit }) as Row[]).map(([dagId, runId, state, start, end]) => ({
      envId,
      dagId,
      runId,
      state: RunState.safeParse(state).success ? (state as RunState) : 'queued',
      start,
      end,
    }));
  }
}
