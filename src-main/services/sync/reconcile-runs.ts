import type Database from 'better-sqlite3';
import type { AirflowSource } from '../airflow/airflow-source';
import type { DagRunRow } from '../cache/rows';
import { throwIfCancelled } from './page-walker';
import { KEPT_RUN_SQL } from './retention';
import type { RunKey } from './upstream-marks';

export const runKey = (dagId: string, runId: string): string => `${dagId}\u0000${runId}`;

export interface ReconcileOutcome {
  /** Cached runs Airflow no longer has: it answers 404 for the run. */
  gone: RunKey[];
  /** Cached runs the listings missed (e.g. a page shifted by a deletion) that Airflow still returns. */
  stillThere: DagRunRow[];
}

/**
 * Full reconciliation: every live cached run the retention rule keeps and the
 * listings did not return is asked for by id, so a run is never marked
 * deleted while Airflow still returns it.
 */
export async function findGoneRuns(
  source: AirflowSource,
  db: Database.Database,
  options: { envId: string; windowStart: string; listed: ReadonlySet<string>; parallel: number; signal?: AbortSignal | undefined },
): Promise<ReconcileOutcome> {
  const cached = db
    .prepare(`SELECT dag_id AS dagId, run_id AS runId FROM dag_runs WHERE env_id = @envId AND deleted_upstream = 0 AND ${KEPT_RUN_SQL}`)
    .all({ envId: options.envId, windowStart: options.windowStart }) as RunKey[];
  const unlisted = cached.filter((r) => !options.listed.has(runKey(r.dagId, r.runId)));
  const outcome: ReconcileOutcome = { gone: [], stillThere: [] };
  for (let i = 0; i < unlisted.length; i += options.parallel) {
    throwIfCancelled(options.signal);
    await Promise.all(
      unlisted.slice(i, i + options.parallel).map(async (run) => {
        const current = await source.getRun(run.dagId, run.runId);
        if (current === null) outcome.gone.push(run);
        else outcome.stillThere.push(current);
      }),
    );
  }
  return outcome;
}
