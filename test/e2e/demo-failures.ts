import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { DemoLabel } from './demo-labels';

/** Label kinds whose incident makes task instances fail. */
const FAILING_KINDS = ['failure_burst', 'flaky_task', 'bad_deploy', 'new_error_pattern'];

export interface LabelledFailure {
  label: DemoLabel;
  dagId: string;
  runId: string;
  /** The run ids of the label's failed tries (retried or final), for earlier occurrences. */
  triedRunIds: string[];
}

interface TiKeyish {
  runId: string;
  taskId: string;
  state?: string;
}

/**
 * The newest failed run of the served Demo that a label explains: a run in which the label's task instance failed
 * (its final try), newest by run time, read straight from the cache file.
 */
export function newestLabelledFailure(dataDir: string, labels: readonly DemoLabel[]): LabelledFailure {
  const db = new Database(join(dataDir, 'cache.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const runTime = db
      .prepare(
        "SELECT COALESCE(start_date, queued_at, run_after, logical_date) FROM dag_runs WHERE env_id = 'demo' AND dag_id = ? AND run_id = ? AND state = 'failed'",
      )
      .pluck();
    let best: (LabelledFailure & { at: string }) | null = null;
    for (const label of labels.filter((l) => FAILING_KINDS.includes(l.kind) && l.taskId !== null)) {
      const finals = ((label.detail.failedTaskInstances ?? []) as TiKeyish[]).concat(
        ((label.detail.occurrences ?? []) as TiKeyish[]).filter((t) => t.state === 'failed'),
      );
      const tried = ((label.detail.failedTries ?? label.detail.occurrences ?? []) as TiKeyish[]).map((t) => t.runId);
      for (const ti of finals.filter((t) => t.taskId === label.taskId)) {
        const at = runTime.get(label.dagId, ti.runId) as string | undefined;
        if (at !== undefined && (best === null || at > best.at))
          best = { label, dagId: label.dagId, runId: ti.runId, triedRunIds: tried, at };
      }
    }
    if (best === null) throw new Error('The Demo has no labelled failure.');
    return best;
  } finally {
    db.close();
  }
}
