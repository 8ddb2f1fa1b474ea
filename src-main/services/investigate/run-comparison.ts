import type Database from 'better-sqlite3';
import type { RunComparison, TaskComparison } from '../../../src-shared/domain/dag-history';
import { toRunSummary, type RunRecord } from '../history/row-mappers';
import { toTaskState } from './task-state';

interface RunRow extends RunRecord { conf_json: string | null; dag_version: string | null }
interface InstanceRow { task_id: string; map_index: number; state: string; duration_s: number | null; try_number: number }

function confEntries(json: string | null): Map<string, string> {
  try {
    const value: unknown = JSON.parse(json ?? '{}');
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return new Map();
    return new Map(Object.entries(value).map(([k, v]) => [k, JSON.stringify(v)]));
  } catch {
    return new Map([['(conf)', json ?? '']]);
  }
}

/** Differences between a good and a bad run of one DAG: task by task, then conf key by key. */
export class RunComparer {
  private readonly run;
  private readonly instances;

  constructor(db: Database.Database) {
    this.run = db.prepare(
      `SELECT env_id, dag_id, run_id, state, run_type, logical_date, queued_at, start_date, end_date, duration_s, deleted_upstream, conf_json, dag_version
       FROM dag_runs WHERE env_id = ? AND dag_id = ? AND run_id = ?`,
    );
    this.instances = db.prepare('SELECT task_id, map_index, state, duration_s, try_number FROM task_instances WHERE env_id = ? AND dag_id = ? AND run_id = ?');
  }

  /** Null names the run that is missing. */
  compare(envId: string, dagId: string, goodRunId: string, badRunId: string): RunComparison | { missing: string } {
    const good = this.run.get(envId, dagId, goodRunId) as RunRow | undefined;
    if (!good) return { missing: goodRunId };
    const bad = this.run.get(envId, dagId, badRunId) as RunRow | undefined;
    if (!bad) return { missing: badRunId };
    const key = (r: InstanceRow): string => `${r.task_id}\u0000${r.map_index}`;
    const goodTis = new Map((this.instances.all(envId, dagId, goodRunId) as InstanceRow[]).map((r) => [key(r), r]));
    const badTis = new Map((this.instances.all(envId, dagId, badRunId) as InstanceRow[]).map((r) => [key(r), r]));
    const keys = [...new Set([...goodTis.keys(), ...badTis.keys()])];
    const tasks: TaskComparison[] = keys.map((k) => {
      const g = goodTis.get(k);
      const b = badTis.get(k);
      const any = (g ?? b) as InstanceRow;
      const goodState = g ? toTaskState(g.state) : null;
      const badState = b ? toTaskState(b.state) : null;
      return {
        taskId: any.task_id,
        mapIndex: any.map_index,
        goodState,
        badState,
        goodDurationS: g?.duration_s ?? null,
        badDurationS: b?.duration_s ?? null,
        goodTries: g?.try_number ?? null,
        badTries: b?.try_number ?? null,
        stateChanged: goodState !== badState,
      };
    });
    tasks.sort((a, b) => Number(b.stateChanged) - Number(a.stateChanged) || a.taskId.localeCompare(b.taskId) || a.mapIndex - b.mapIndex);
    const goodConf = confEntries(good.conf_json);
    const badConf = confEntries(bad.conf_json);
    const confDifferences = [...new Set([...goodConf.keys(), ...badConf.keys()])]
      .filter((k) => goodConf.get(k) !== badConf.get(k))
      .sort()
      .map((k) => ({ key: k, good: goodConf.get(k) ?? null, bad: badConf.get(k) ?? null }));
    return {
      good: { ...toRunSummary(good), version: good.dag_version },
      bad: { ...toRunSummary(bad), version: bad.dag_version },
      tasks,
      confDifferences,
    };
  }
}
