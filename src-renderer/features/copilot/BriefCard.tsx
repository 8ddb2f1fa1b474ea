import type { FailureBrief } from '../../../src-shared/domain/failure-brief';
import { briefHref } from '../../platform/routing/brief-route';
import { BriefRunLine } from '../brief/BriefRunLine';
import { taskHref } from '../../platform/routing/investigate-links';

/** The error line of the brief (Airflow text, rendered as text), or why there is none. */
function errorLine(b: FailureBrief): string {
  const e = b.error;
  if (b.failedTask === null) return 'No task of this run failed.';
  if (e === null) return 'No log of the failed try is cached.';
  const line = e.errorIndex === null ? null : e.lines[e.errorIndex];
  return line === null || line === undefined ? 'The log has no exception or ERROR line.' : line.trim();
}

/**
 * The failure brief at the top of an answer, assembled without any model and shown at once: the run, the failing
 * task and its error, and counts of what changed, what is downstream and what happened before, each a link.
 */
export function BriefCard({ brief }: { brief: FailureBrief }) {
  const { envId, dagId, runId } = brief;
  const t = brief.failedTask;
  const changed = brief.changes.items.filter((c) => c.changed).length;
  const downstream = brief.downstream.lineage.filter((i) => i.label === 'Dag').length;
  return (
    <section className="copilot-brief" aria-label="Failure brief">
      <h3>Failure brief</h3>
      <BriefRunLine brief={brief} />
      {t !== null ? (
        <p>
          Failing task{' '}
          <a className="mono" href={taskHref(envId, dagId, runId, t.taskId, t.mapIndex)}>
            {t.taskId}
          </a>{' '}
          after {t.tries.length} {t.tries.length === 1 ? 'try' : 'tries'}
        </p>
      ) : null}
      <pre className="copilot-brief-error">{errorLine(brief)}</pre>
      <p className="copilot-muted">
        {changed} {changed === 1 ? 'change' : 'changes'} since the last success · {downstream} downstream{' '}
        {downstream === 1 ? 'DAG' : 'DAGs'} · {brief.before.sameTaskRuns} earlier {brief.before.sameTaskRuns === 1 ? 'failure' : 'failures'}{' '}
        of this task with this error · <a href={briefHref(envId, dagId, runId)}>Open the failure brief</a>
      </p>
    </section>
  );
}
