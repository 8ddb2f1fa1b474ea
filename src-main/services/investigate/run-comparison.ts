import type Database from 'better-sqlite3';
import type { RunComparison, TaskComparison } from '../../../src-shared/domain/dag-history';
import { toRunSummary } from '../history/row-mappers';
import { RunReads } from '../history/run-reads';
import type { TaskInstanceRecord } from '../history/run-rows';
import { toTaskState } from './task-state';

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
  private readonly reads;

  constructor(db: Database.Database) {
    this.reads = RunReads.of(db);
  }

  /** Null names the run that is missing. */
  compare(envId: string, dagId: string, goodRunId: string, badRunId: string): RunComparison | { missing: string } {
    const good = this.reads.run(envId, dagId, goodRunId);
    if (!good) return { missing: goodRunId };
    const bad = this.reads.run(envId, dagId, badRunId);
    if (!bad) return { missing: badRunId };
    const key = (r: TaskInstanceRecord): string => `${r.task_id}\u0000${r.map_index}`;
    const goodTis = new Map(this.reads.taskInstances(envId, dagId, goodRunId).map((r) => [key(r), r]));
    const badTis = new Map(this.reads.taskInstances(envId, dagId, badRunId).map((r) => [key(r), r]));
    const keys = [...new Set([...goodTis.keys(), ...badTis.keys()])];
    const tasks: TaskComparison[] = keys.map((k) => {
      const g = goodTis.get(k);
      const b = badTis.get(k);
      const any = (g ?? b) as TaskInstanceRecord;
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
