import type { ActivityReader, LastStateRow, TaskStatsRow } from '../../history/activity-reads';
import type { GraphWindow } from './graph-window';

/** `finished`: success + failed runs, the denominator of the failure rate (history/figures). */
export interface DagActivity { runs: number; failed: number; finished: number; lastState: string | null; lastAt: string | null }
export interface TaskActivity { stats: TaskStatsRow | null; lastState: string | null; lastAt: string | null }

const pair = (dagId: string, taskId: string): string => JSON.stringify([dagId, taskId]);

/** Per-DAG and per-task statistics of one environment over the stats window. */
export class ActivityStats {
  private readonly dags = new Map<string, DagActivity>();
  private readonly taskStats = new Map<string, TaskStatsRow>();
  private readonly taskLast = new Map<string, LastStateRow>();

  constructor(reader: ActivityReader, envId: string, w: GraphWindow) {
    const last = new Map(reader.lastRunOf(envId, w).map((r) => [r.dag_id, r]));
    for (const row of reader.dagStatsOf(envId, w)) {
      this.dags.set(row.dag_id, { runs: row.runs, failed: row.failed, finished: row.success + row.failed, lastState: null, lastAt: null });
    }
    for (const [dagId, row] of last) {
      const entry = this.dags.get(dagId) ?? { runs: 0, failed: 0, finished: 0, lastState: null, lastAt: null };
      this.dags.set(dagId, { ...entry, lastState: row.state, lastAt: row.at });
    }
    for (const row of reader.taskStatsOf(envId, w)) this.taskStats.set(pair(row.dag_id, row.task_id), row);
    for (const row of reader.lastTaskStateOf(envId, w)) this.taskLast.set(pair(row.dag_id, row.task_id), row);
  }

  dag(dagId: string): DagActivity {
    return this.dags.get(dagId) ?? { runs: 0, failed: 0, finished: 0, lastState: null, lastAt: null };
  }

  task(dagId: string, taskId: string): TaskActivity {
    const last = this.taskLast.get(pair(dagId, taskId));
    return { stats: this.taskStats.get(pair(dagId, taskId)) ?? null, lastState: last?.state ?? null, lastAt: last?.at ?? null };
  }
}

export function rate(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000;
}
