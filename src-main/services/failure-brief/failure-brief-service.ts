import type Database from 'better-sqlite3';
import type { BriefError, BriefTask, FailureBrief } from '../../../src-shared/domain/failure-brief';
import type { GanttTask } from '../../../src-shared/domain/investigate';
import type { SimilarFailures } from '../../../src-shared/domain/similar-failures';
import { RunState } from '../../../src-shared/domain/states';
import type { SimilarQuery } from '../analytics/embeddings/embedding-service';
import type { EmbeddedGraph } from '../graph/embedded-graph';
import type { RunInvestigator } from '../investigate/run-investigation';
import type { InstanceKey } from '../history/run-rows';
import type { TaskInvestigator } from '../investigate/task-investigation';
import { briefChanges } from './brief-changes';
import { downstreamDagsAndAssets } from './brief-lineage';
import { BriefQueries, type RunKey } from './brief-queries';
import { errorExcerpt } from './error-excerpt';

const EARLIER_SHOWN = 20;
const SIMILAR_ASKED = 12;
const SLACK_MS = 3_600_000;

export interface FailureBriefDeps {
  readonly db: Database.Database;
  readonly runs: Pick<RunInvestigator, 'investigate'>;
  readonly tasks: Pick<TaskInvestigator, 'investigate' | 'logOf'>;
  readonly graph: () => EmbeddedGraph;
  /** Similar failures elsewhere: the similar-failures service (embedding model, else log template). */
  readonly similar: (q: SimilarQuery) => SimilarFailures;
}

/** Failed instances by end time (those without one last), then task id. */
const byEnd = (a: GanttTask, b: GanttTask): number =>
  (a.endDate ?? '\uffff').localeCompare(b.endDate ?? '\uffff') || a.taskId.localeCompare(b.taskId) || a.mapIndex - b.mapIndex;

/**
 * The failure brief of one run, from the cache and without any model: the first task that failed and its error,
 * what changed since the previous success, what it broke downstream, and whether it happened before.
 */
export class FailureBriefService {
  private readonly queries: BriefQueries;

  constructor(private readonly deps: FailureBriefDeps) {
    this.queries = new BriefQueries(deps.db);
  }

  /**
   * `taskId` names the task to brief when it is not the run's first failure: a finding's task, whose failed try a
   * retry may have rescued (the run then succeeded).
   */
  brief(run: RunKey, asOf: string, taskId?: string): FailureBrief | null {
    const current = this.deps.runs.investigate(run.envId, run.dagId, run.runId, asOf);
    if (current === null) return null;
    const failed = current.tasks.filter((t) => t.state === 'failed').sort(byEnd);
    const named = taskId === undefined ? undefined : current.tasks.filter((t) => t.taskId === taskId).sort(byEnd)[0];
    const failing = named ?? failed[0] ?? null;
    const key: InstanceKey | null = failing === null ? null : { ...run, taskId: failing.taskId, mapIndex: failing.mapIndex };
    const failedTask = key === null ? null : this.task(key);
    const error = key === null || failedTask === null ? null : this.error(key, failedTask);
    const pattern = error?.pattern ?? null;
    const sameTask = key === null || pattern === null ? [] : this.queries.earlierWithPattern(run, key.taskId, pattern.patternId);
    const { state, runType, logicalDate, startDate, endDate, durationS } = current.run;
    return {
      ...run,
      run: { state, runType, logicalDate, startDate, endDate, durationS },
      failedTask,
      otherFailed: failed.filter((t) => t !== failing).map((t) => ({ taskId: t.taskId, mapIndex: t.mapIndex, endDate: t.endDate })),
      error,
      changes: briefChanges(run, current, failing, this.queries, (runId) => this.deps.runs.investigate(run.envId, run.dagId, runId, asOf)),
      downstream: {
        upstreamFailed: current.tasks.filter((t) => t.state === 'upstream_failed').map((t) => ({ taskId: t.taskId, mapIndex: t.mapIndex })),
        lineage: failing === null ? [] : downstreamDagsAndAssets(this.deps.graph(), run.envId, run.dagId, failing.taskId),
      },
      before: {
        sameTask: sameTask.slice(0, EARLIER_SHOWN).map((o) => ({ ...o, runState: RunState.catch('queued').parse(o.runState) })),
        sameTaskRuns: sameTask.length,
        elsewhere: key === null || error === null ? null : this.elsewhere(key, error.tryNumber),
      },
    };
  }

  /**
   * The run a finding about a task's failures is briefed by, in the finding's time span (an hour of slack either side):
   * the newest failed run in which that task failed first, else (retries rescued every run) the newest run in which a
   * try of it failed. Null when neither is in the cache.
   */
  briefRunOf(finding: { envId: string; dagId: string; taskId: string; startsAt: string; endsAt: string }): string | null {
    const { envId, dagId, taskId } = finding;
    const since = new Date(Date.parse(finding.startsAt) - SLACK_MS).toISOString();
    const until = new Date(Date.parse(finding.endsAt) + SLACK_MS).toISOString();
    const q = { envId, dagId, taskId, since, until };
    return this.queries.newestFailureOfTask(q) ?? this.queries.newestFailedTryOfTask(q);
  }

  /** The failing task instance with its tries: earlier ones from task_tries, the last one the instance itself. */
  private task(key: InstanceKey): BriefTask | null {
    const found = this.deps.tasks.investigate(key);
    if (found === null) return null;
    const last = found.tries[found.tries.length - 1];
    return {
      taskId: key.taskId,
      mapIndex: key.mapIndex,
      state: found.state,
      operator: found.operator,
      endDate: last?.endDate ?? null,
      tries: found.tries.map(({ tryNumber, state, startDate, endDate, hostname, hasLog }) => ({
        tryNumber,
        state,
        startDate,
        endDate,
        hostname,
        hasLog,
      })),
    };
  }

  /** The error of the last failed try that has a cached log (the final try when it has one). */
  private error(key: InstanceKey, task: BriefTask): BriefError | null {
    const last = task.tries[task.tries.length - 1];
    const withLog = task.tries.filter(
      (t) => t.hasLog && (t.state === 'failed' || t.state === 'up_for_retry' || (t === last && t.state !== 'success')),
    );
    const chosen = withLog[withLog.length - 1];
    if (chosen === undefined) return null;
    const log = this.deps.tasks.logOf(key, chosen.tryNumber);
    if (log === null) return null;
    return {
      tryNumber: chosen.tryNumber,
      ...errorExcerpt(log.content),
      truncated: log.truncated,
      pattern: this.queries.patternOf(key, chosen.tryNumber),
    };
  }

  /** Similar failures of other tasks (this task's own earlier failures are listed apart). */
  private elsewhere(key: InstanceKey, tryNumber: number): SimilarFailures {
    const found = this.deps.similar({ ...key, tryNumber, limit: SIMILAR_ASKED });
    const own = (i: SimilarFailures['items'][number]): boolean => i.envId === key.envId && i.dagId === key.dagId && i.taskId === key.taskId;
    return { ...found, items: found.items.filter((i) => !own(i)) };
  }
}
