import type Database from 'better-sqlite3';
import type { FailureBrief } from '../../src-shared/domain/failure-brief';
import { resolveQuestion } from '../../src-main/services/copilot/agent/question-entities';
import { FailureBriefService } from '../../src-main/services/failure-brief/failure-brief-service';
import type { EmbeddedGraph } from '../../src-main/services/graph/embedded-graph';
import { InvestigationService } from '../../src-main/services/investigate/investigation-service';

/**
 * Baseline (a): the answer from the failure brief alone, no model. The question's DAG and run are
 * resolved as the copilot resolves them; without a run, the DAG's newest failed run; without a DAG,
 * the environment's newest failed run. Nothing failed there: the answer says so.
 */
export class BriefAlone {
  private readonly briefs: FailureBriefService;

  constructor(private readonly db: Database.Database, private readonly envId: string, private readonly asOf: string, graph: EmbeddedGraph) {
    const investigation = new InvestigationService(db);
    this.briefs = new FailureBriefService({
      db, runs: investigation.runs, tasks: investigation.tasks, graph: () => graph,
      similar: () => ({ method: 'template', modelName: null, note: null, items: [] }),
    });
  }

  answer(question: string): string {
    const e = resolveQuestion(this.db, this.envId, this.asOf, question, null);
    const dagId = e.dagId;
    const run = e.runId !== null && dagId !== null ? { dagId, runId: e.runId } : this.newestFailed(dagId);
    if (run === null) return dagId === null ? 'No failed run found in the cache.' : `No failed run of ${dagId} found in the cache.`;
    const brief = this.briefs.brief({ envId: this.envId, ...run }, this.asOf);
    return brief === null ? `Run ${run.runId} of ${run.dagId} is not in the cache.` : briefText(brief);
  }

  private newestFailed(dagId: string | null): { dagId: string; runId: string } | null {
    const row = this.db.prepare(
      "SELECT dag_id, run_id FROM dag_runs WHERE env_id = ? AND (? IS NULL OR dag_id = ?) AND state = 'failed' AND coalesce(end_date, start_date) <= ? ORDER BY coalesce(end_date, start_date) DESC LIMIT 1",
    ).get(this.envId, dagId, dagId, this.asOf) as { dag_id: string; run_id: string } | undefined;
    return row === undefined ? null : { dagId: row.dag_id, runId: row.run_id };
  }
}

/** The brief as lines of text: the failing task and error, what changed, what it broke, whether it happened before. */
export function briefText(b: FailureBrief): string {
  const lines = [`Run ${b.runId} of ${b.dagId} ${b.run.state}.`];
  if (b.failedTask !== null) lines.push(`First failed task: ${b.failedTask.taskId} (${b.failedTask.tries.length} tries).`);
  const errorLine = b.error?.errorIndex === null || b.error === null ? null : (b.error.lines[b.error.errorIndex] ?? null);
  if (b.error?.pattern) lines.push(`Error: ${b.error.pattern.exception}${b.error.pattern.isNew ? ' (new pattern)' : ''}.`);
  if (errorLine !== null) lines.push(`Error line: ${errorLine.trim().slice(0, 200)}`);
  for (const c of b.changes.items.filter((i) => i.changed)) lines.push(`Changed since ${b.changes.previousSuccess?.runId ?? 'the last success'}: ${c.what} ${c.before ?? '—'} -> ${c.now ?? '—'}.`);
  if (b.downstream.upstreamFailed.length > 0) lines.push(`Left upstream_failed: ${b.downstream.upstreamFailed.map((t) => t.taskId).join(', ')}.`);
  if (b.downstream.lineage.length > 0) lines.push(`Downstream: ${b.downstream.lineage.slice(0, 8).map((i) => i.name).join(', ')}.`);
  if (b.before.sameTaskRuns > 0) lines.push(`The same error failed this task in ${b.before.sameTaskRuns} earlier runs.`);
  return lines.join('\n');
}
