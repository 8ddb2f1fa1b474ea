import type { RunRow } from '../rule-inputs';
import { subjectOf, type Candidate } from './candidate';

/** A DAG's finished runs failed `n` times in a row: one firing per streak, when its n-th failure ended. Running runs neither break nor extend a streak. */
export function failedInARow(runs: readonly RunRow[], n: number): Candidate[] {
  const out: Candidate[] = [];
  let dag = '';
  let streak: RunRow[] = [];
  for (const r of runs) {
    if (r.dagId !== dag) {
      dag = r.dagId;
      streak = [];
    }
    if (r.state === 'success') streak = [];
    if (r.state !== 'failed') continue;
    streak.push(r);
    if (streak.length !== n) continue;
    const first = streak[0] as RunRow;
    out.push({
      subject: subjectOf(r.dagId, null),
      window: first.runId,
      dagId: r.dagId,
      taskId: null,
      runId: r.runId,
      atMs: r.endMs,
      title: `${r.dagId} failed ${n} run${n > 1 ? 's' : ''} in a row`,
      detail: `Failed runs from ${first.runId} to ${r.runId}.`,
    });
  }
  return out;
}
