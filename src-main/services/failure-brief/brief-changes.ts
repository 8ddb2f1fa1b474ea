import type { BriefChange, BriefUpstreamTask, FailureBrief } from '../../../src-shared/domain/failure-brief';
import type { GanttTask, RunInvestigation } from '../../../src-shared/domain/investigate';
import type { BriefQueries, RunKey } from './brief-queries';

const change = (what: BriefChange['what'], now: string | null, before: string | null | undefined): BriefChange => ({
  what,
  now,
  before: before ?? null,
  changed: before !== undefined && now !== (before ?? null),
});

/**
 * What differs from the previous successful run of the DAG: its DAG version, its conf, and where the failing task
 * ran (host, pool); then the failing task's upstream tasks as they ended in this run. Without a previous success,
 * every fact is given with no "before" and none reads as changed.
 */
export function briefChanges(
  run: RunKey,
  current: RunInvestigation,
  failing: GanttTask | null,
  queries: BriefQueries,
  investigate: (runId: string) => RunInvestigation | null,
): FailureBrief['changes'] {
  const previousSuccess = queries.previousSuccess(run);
  const previous = previousSuccess === null ? null : investigate(previousSuccess.runId);
  const pick = <T>(read: (r: RunInvestigation) => T): T | undefined => (previous === null ? undefined : read(previous));
  const items: BriefChange[] = [
    change(
      'dag_version',
      current.dagVersion,
      pick((r) => r.dagVersion),
    ),
    change(
      'conf',
      current.conf,
      pick((r) => r.conf),
    ),
  ];
  let upstream: BriefUpstreamTask[] = [];
  if (failing !== null) {
    const key = { ...run, taskId: failing.taskId, mapIndex: failing.mapIndex };
    const now = queries.placementOf(key);
    const before =
      previousSuccess === null
        ? undefined
        : (queries.placementOf({ ...key, runId: previousSuccess.runId }) ?? { hostname: null, pool: null });
    items.push(change('hostname', now?.hostname ?? null, before?.hostname), change('pool', now?.pool ?? null, before?.pool));
    const parents = new Set(failing.upstream);
    upstream = current.tasks.filter((t) => parents.has(t.taskId)).map((t) => ({ taskId: t.taskId, mapIndex: t.mapIndex, state: t.state }));
  }
  return { previousSuccess, items, upstream };
}
