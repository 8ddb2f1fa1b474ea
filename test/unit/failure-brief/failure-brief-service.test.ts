import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FailureBrief } from '../../../src-shared/domain/failure-brief';
import { AnalyticsService } from '../../../src-main/services/analytics/analytics-service';
import { templateSimilar } from '../../../src-main/services/analytics/embeddings/template-similar';
import { FailureBriefService } from '../../../src-main/services/failure-brief/failure-brief-service';
import { GraphService } from '../../../src-main/services/graph/graph-service';
import { nodeKeys } from '../../../src-main/services/graph/node-keys';
import { InvestigationService } from '../../../src-main/services/investigate/investigation-service';
import { JobRegistry } from '../../../src-main/services/jobs/job-registry';
import { EXCEPTION_OF } from '../../../src-main/services/synth/failure-causes';
import type { SynthLabel, TryKey } from '../../../src-main/services/synth/label-types';
import { AS_OF, generate, type Generated } from '../synth/synth-fixture';

type Label<K extends SynthLabel['kind']> = Extract<SynthLabel, { kind: K }>;

const newestFailed = (tries: readonly TryKey[]): TryKey => {
  const failed = tries.filter((t) => t.state === 'failed').sort((a, b) => a.endedAt.localeCompare(b.endedAt));
  const last = failed[failed.length - 1];
  if (last === undefined) throw new Error('the label has no failed try');
  return last;
};

describe('failure brief on a synthetic history (its labelled incidents)', () => {
  let g: Generated;
  let service: FailureBriefService;
  const label = <K extends SynthLabel['kind']>(kind: K): Label<K> => {
    const found = g.summary.labels.find((l) => l.kind === kind);
    if (found === undefined) throw new Error(`no ${kind} label`);
    return found as Label<K>;
  };
  const brief = (dagId: string, runId: string): FailureBrief => {
    const found = service.brief({ envId: 'demo', dagId, runId }, AS_OF);
    if (found === null) throw new Error(`no run ${runId}`);
    return found;
  };

  beforeAll(async () => {
    g = generate({ dags: 12, days: 30, seed: 7 });
    await new AnalyticsService(g.db, new JobRegistry(() => undefined), () => undefined).rescore('demo', AS_OF);
    const investigation = new InvestigationService(g.db);
    const graph = new GraphService(g.db);
    service = new FailureBriefService({
      db: g.db,
      runs: investigation.runs,
      tasks: investigation.tasks,
      graph: () => graph.graph,
      similar: (q) => ({ method: 'template', modelName: null, note: null, items: templateSimilar(g.db, q, 'Demo', q.limit) ?? [] }),
    });
  }, 120_000);
  afterAll(() => g.dispose());

  it('a failure burst: the root task, its error line and pattern, earlier runs of the outage, the tasks it left upstream_failed', () => {
    const l = label('failure_burst');
    const last = newestFailed(l.detail.failedTries);
    const b = brief(l.dagId, last.runId);
    expect(b.run.state).toBe('failed');
    expect(b.failedTask?.taskId).toBe(l.taskId);
    expect(b.failedTask?.tries.at(-1)?.tryNumber).toBe(last.tryNumber);
    const error = b.error;
    expect(error).not.toBeNull();
    expect(error?.errorIndex).not.toBeNull();
    expect(error?.lines[error.errorIndex ?? -1]).toContain(EXCEPTION_OF[l.detail.cause]);
    expect(error?.pattern?.exception).toBe(EXCEPTION_OF[l.detail.cause]);
    // The outage's earlier failed runs of this task, newest first, before this run.
    const earlierRuns = new Set(l.detail.failedTries.filter((t) => t.runId !== last.runId && t.endedAt < last.endedAt).map((t) => t.runId));
    expect(earlierRuns.size).toBeGreaterThan(0);
    const listed = b.before.sameTask.map((o) => o.runId);
    for (const runId of earlierRuns) expect(listed).toContain(runId);
    expect(b.before.sameTaskRuns).toBeGreaterThanOrEqual(earlierRuns.size);
    const times = b.before.sameTask.map((o) => o.at ?? '');
    expect(times).toEqual([...times].sort().reverse());
    // Downstream: exactly the task instances the label says were left upstream_failed in this run.
    const expected = l.detail.upstreamFailed
      .filter((t) => t.runId === last.runId)
      .map((t) => `${t.taskId}#${t.mapIndex}`)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(b.downstream.upstreamFailed.map((t) => `${t.taskId}#${t.mapIndex}`).sort()).toEqual(expected);
    // Lineage: the asset the DAG produces and the DAGs that consume it.
    const uri = l.detail.assetUri;
    if (uri !== null) {
      expect(b.downstream.lineage.map((i) => i.key)).toContain(nodeKeys.asset(uri));
      const consumers = g.db
        .prepare("SELECT DISTINCT dag_id FROM asset_links WHERE env_id = 'demo' AND uri = ? AND role = 'consumer'")
        .pluck()
        .all(uri) as string[];
      for (const dagId of consumers) expect(b.downstream.lineage.map((i) => i.key)).toContain(nodeKeys.dag('demo', dagId));
    }
  });

  it('a new error pattern: the task, the new exception, its first seen and every earlier occurrence', () => {
    const l = label('new_error_pattern');
    const last = newestFailed(l.detail.occurrences);
    const b = brief(l.dagId, last.runId);
    expect(b.failedTask?.taskId).toBe(l.taskId);
    const error = b.error;
    expect(error?.errorIndex).not.toBeNull();
    expect(error?.lines[error.errorIndex ?? -1]).toContain(l.detail.exceptionClass);
    const pattern = error?.pattern;
    expect(pattern?.exception).toBe(l.detail.exceptionClass);
    expect(Date.parse(pattern?.firstSeen ?? '')).toBeLessThanOrEqual(Date.parse(l.detail.firstOccurrence?.endedAt ?? ''));
    const earlierRuns = new Set(l.detail.occurrences.filter((t) => t.runId !== last.runId && t.endedAt < last.endedAt).map((t) => t.runId));
    const listed = new Set(b.before.sameTask.map((o) => o.runId));
    expect([...listed].every((runId) => earlierRuns.has(runId))).toBe(true);
    expect(b.before.sameTaskRuns).toBe(earlierRuns.size);
  });

  it('what changed is compared with the previous successful run of the DAG', () => {
    const l = label('failure_burst');
    const b = brief(l.dagId, newestFailed(l.detail.failedTries).runId);
    expect(b.changes.previousSuccess).not.toBeNull();
    expect(b.changes.items.map((c) => c.what)).toEqual(['dag_version', 'conf', 'hostname', 'pool']);
    expect(b.before.elsewhere?.items.every((i) => !(i.dagId === l.dagId && i.taskId === l.taskId))).toBe(true);
  });

  it('a finding is briefed by the newest run in its span where its task failed first, and the brief names that task', () => {
    const l = label('failure_burst');
    const taskId = l.taskId ?? '';
    const runId = service.briefRunOf({ envId: 'demo', dagId: l.dagId, taskId, startsAt: l.startsAt, endsAt: l.endsAt });
    const finals = l.detail.failedTaskInstances.filter((t) => t.taskId === taskId).map((t) => t.runId);
    expect(finals).toContain(runId);
    expect(brief(l.dagId, runId ?? '').failedTask?.taskId).toBe(taskId);
    // Nothing in a span where the task never failed.
    expect(
      service.briefRunOf({
        envId: 'demo',
        dagId: l.dagId,
        taskId,
        startsAt: '2000-01-01T00:00:00.000Z',
        endsAt: '2000-01-02T00:00:00.000Z',
      }),
    ).toBeNull();
  });

  it('a failed try a retry rescued is briefed when the task is named: its error, not the successful try', () => {
    const rescued = g.db
      .prepare(
        `SELECT y.dag_id AS dagId, y.run_id AS runId, y.task_id AS taskId FROM task_tries y
         JOIN task_instances t ON t.env_id = y.env_id AND t.dag_id = y.dag_id AND t.run_id = y.run_id AND t.task_id = y.task_id AND t.map_index = y.map_index
         JOIN task_logs l ON l.env_id = y.env_id AND l.dag_id = y.dag_id AND l.run_id = y.run_id AND l.task_id = y.task_id AND l.try_number = y.try_number
         WHERE y.env_id = 'demo' AND y.state = 'up_for_retry' AND t.state = 'success' LIMIT 1`,
      )
      .get() as { dagId: string; runId: string; taskId: string } | undefined;
    expect(rescued).toBeDefined();
    if (rescued === undefined) return;
    const b = service.brief({ envId: 'demo', dagId: rescued.dagId, runId: rescued.runId }, AS_OF, rescued.taskId);
    expect(b?.failedTask?.taskId).toBe(rescued.taskId);
    expect(b?.failedTask?.state).toBe('success');
    const briefed = b?.failedTask?.tries.find((t) => t.tryNumber === b.error?.tryNumber);
    expect(briefed?.state).toBe('up_for_retry');
    expect(b?.error?.errorIndex).not.toBeNull();
  });

  it('answers null for a run that is not in the cache', () => {
    expect(service.brief({ envId: 'demo', dagId: 'nope', runId: 'nope' }, AS_OF)).toBeNull();
  });
});
