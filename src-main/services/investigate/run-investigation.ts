import type Database from 'better-sqlite3';
import type { GanttTask, RunInvestigation } from '../../../src-shared/domain/investigate';
import { toRunSummary, toTaskInstanceSummary } from '../history/row-mappers';
import { RunReads } from '../history/run-reads';
import { airflowRunUrl } from './airflow-links';
import { criticalPath, type PathTask } from './critical-path';
import { readEnvTarget } from './env-target';
import { ganttSegments, type TryTimes } from './gantt-segments';
import { prettyConf } from './pretty-conf';
import { RunLinks } from './run-links';
import { toTaskState } from './task-state';
import type { TriageStore } from './triage-store';

const instanceKey = (taskId: string, mapIndex: number): string => `${taskId}\u0000${mapIndex}`;

function stringList(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

/** Upstream task ids per task, inverted from the cached `downstream_json` of the DAG's tasks. */
function upstreamMap(rows: readonly { task_id: string; downstream_json: string }[]): Map<string, string[]> {
  const upstream = new Map<string, string[]>();
  for (const row of rows) {
    for (const child of stringList(row.downstream_json)) upstream.set(child, [...(upstream.get(child) ?? []), row.task_id]);
  }
  return upstream;
}

/** Task states whose instance was decided without running. */
const NEVER_RAN: ReadonlySet<string> = new Set(['upstream_failed', 'skipped', 'removed']);

function pathTasks(tasks: readonly GanttTask[]): PathTask[] {
  const folded = new Map<string, PathTask>();
  for (const task of tasks) {
    // An instance that never ran (upstream_failed, skipped: Airflow stamps both dates at once) is on no path.
    const t = NEVER_RAN.has(task.state) ? { ...task, queuedAt: null, startDate: null, endDate: null } : task;
    const start = t.queuedAt ?? t.startDate;
    const seen = folded.get(t.taskId);
    if (!seen) folded.set(t.taskId, { taskId: t.taskId, end: t.endDate, start, upstream: t.upstream });
    else
      folded.set(t.taskId, {
        ...seen,
        end: t.endDate !== null && (seen.end === null || t.endDate > seen.end) ? t.endDate : seen.end,
        start: start !== null && (seen.start === null || start < seen.start) ? start : seen.start,
      });
  }
  return [...folded.values()];
}

/** Everything the run view shows about one run, read in a handful of indexed lookups. */
export class RunInvestigator {
  private readonly reads;
  private readonly tasks;
  private readonly links;

  constructor(
    private readonly db: Database.Database,
    private readonly triage: TriageStore,
  ) {
    this.reads = RunReads.of(db);
    this.tasks = db.prepare('SELECT task_id, downstream_json FROM tasks WHERE env_id = ? AND dag_id = ?');
    this.links = new RunLinks(db);
  }

  investigate(envId: string, dagId: string, runId: string, asOf: string): RunInvestigation | null {
    const run = this.reads.run(envId, dagId, runId);
    if (!run) return null;
    const earlier = new Map<string, TryTimes[]>();
    for (const t of this.reads.triesOfRun(envId, dagId, runId)) {
      const key = instanceKey(t.task_id, t.map_index);
      const list = earlier.get(key) ?? [];
      list.push({ tryNumber: t.try_number, state: toTaskState(t.state), startDate: t.start_date, endDate: t.end_date });
      earlier.set(key, list);
    }
    const upstream = upstreamMap(this.tasks.all(envId, dagId) as { task_id: string; downstream_json: string }[]);
    const tasks: GanttTask[] = this.reads.taskInstances(envId, dagId, runId).map((record) => {
      const ti = toTaskInstanceSummary(record);
      const previous = (earlier.get(instanceKey(ti.taskId, ti.mapIndex)) ?? []).filter((t) => t.tryNumber < ti.tryNumber);
      const queueS =
        ti.queuedAt !== null && ti.startDate !== null ? Math.max(0, (Date.parse(ti.startDate) - Date.parse(ti.queuedAt)) / 1000) : null;
      return {
        taskId: ti.taskId,
        mapIndex: ti.mapIndex,
        state: ti.state,
        tryNumber: ti.tryNumber,
        maxTries: ti.maxTries,
        queuedAt: ti.queuedAt,
        startDate: ti.startDate,
        endDate: ti.endDate,
        durationS: ti.durationS,
        queueS,
        hostname: ti.hostname,
        operator: ti.operator,
        upstream: upstream.get(ti.taskId) ?? [],
        critical: false,
        segments: ganttSegments(ti, previous, asOf),
      };
    });
    const critical = new Set(criticalPath(pathTasks(tasks)));
    for (const t of tasks) t.critical = critical.has(t.taskId);
    tasks.sort(
      (a, b) =>
        (a.queuedAt ?? a.startDate ?? '9').localeCompare(b.queuedAt ?? b.startDate ?? '9') ||
        a.taskId.localeCompare(b.taskId) ||
        a.mapIndex - b.mapIndex,
    );
    const key = {
      envId,
      dagId,
      runId,
      runType: run.run_type,
      confJson: run.conf_json,
      queuedAt: run.queued_at,
      startDate: run.start_date,
      endDate: run.end_date,
    };
    return {
      run: toRunSummary(run),
      conf: prettyConf(run.conf_json),
      note: run.note,
      dagVersion: run.dag_version,
      triggeredBy: run.triggered_by,
      tasks,
      upstream: this.links.upstream(key),
      downstream: this.links.downstream(key),
      assetConsumers: this.links.assetConsumers(key),
      triage: this.triage.get(envId, dagId, runId),
      airflowUrl: airflowRunUrl(readEnvTarget(this.db, envId), dagId, runId),
    };
  }
}
