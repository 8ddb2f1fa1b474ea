import type Database from 'better-sqlite3';
import type { TaskInvestigation, TaskLog, TaskTry } from '../../../src-shared/domain/investigate';
import { RunReads } from '../history/run-reads';
import type { InstanceKey, TaskTryRecord } from '../history/run-rows';
import { airflowTaskUrl } from './airflow-links';
import { readEnvTarget } from './env-target';
import { toTaskState } from './task-state';

type TryTimes = Pick<TaskTryRecord, 'try_number' | 'state' | 'start_date' | 'end_date' | 'duration_s' | 'hostname'>;

/** A task instance with every try (earlier ones from task_tries, the last from task_instances) and its cached logs. */
export class TaskInvestigator {
  private readonly reads;

  constructor(private readonly db: Database.Database) {
    this.reads = RunReads.of(db);
  }

  investigate(key: InstanceKey): TaskInvestigation | null {
    const last = this.reads.taskInstance(key);
    if (!last) return null;
    const withLog = new Set(this.reads.loggedTries(key));
    const toTry = (r: TryTimes): TaskTry => ({
      tryNumber: r.try_number,
      state: toTaskState(r.state),
      startDate: r.start_date,
      endDate: r.end_date,
      durationS: r.duration_s,
      hostname: r.hostname,
      hasLog: withLog.has(r.try_number),
    });
    const earlier = this.reads
      .triesOf(key)
      .filter((r) => r.try_number < last.try_number)
      .map(toTry);
    return {
      ...key,
      state: toTaskState(last.state),
      operator: last.operator,
      note: last.note ?? null,
      tries: [...earlier, toTry(last)],
      airflowUrl: airflowTaskUrl(readEnvTarget(this.db, key.envId), key.dagId, key.runId, key.taskId, key.mapIndex),
    };
  }

  logOf(key: InstanceKey, tryNumber: number): TaskLog | null {
    const row = this.reads.log(key, tryNumber);
    return row ? { tryNumber, content: row.content, truncated: row.truncated === 1, fetchedAt: row.fetched_at } : null;
  }
}
