/** What really happened in the scenario, read from Airflow's API after it settled. */
import type { AirflowApi, ApiRun, ApiTaskInstance } from './airflow-api';
import { DAY_MS, FAILURE_INCIDENTS, LATE_START, SLOWDOWN, todayUtcMs, type FailureIncident } from './scenario-dags';

export interface DagTruth {
  readonly runs: ApiRun[];
  readonly tis: ApiTaskInstance[];
  /** Runs by state, e.g. { success: 7, failed: 3 }. */
  readonly runsByState: Record<string, number>;
}

export interface FailureTruth {
  readonly incident: FailureIncident;
  /** Runs in which the task ended failed. */
  readonly failedRunIds: string[];
  /** Tries that failed: every try of a failed task instance, the earlier ones of a successful one. */
  readonly failedTries: number;
  /** Try number of each failed task instance. */
  readonly triesOfFailed: number[];
}

export interface ScenarioTruth {
  readonly dags: Map<string, DagTruth>;
  readonly failures: FailureTruth[];
  /** Runs of the slowdown task in its slow slots, the shortest of them, and the median of the others (seconds). */
  readonly slowRunIds: string[];
  readonly fastestSlowS: number;
  readonly normalMedianS: number;
  /** The run the scheduler created when the late-start DAG was unpaused, and how late it started after its slot. */
  readonly lateRun: { runId: string; slot: string; lateMs: number } | null;
}

export function countByState(runs: readonly { state: string }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of runs) out[r.state] = (out[r.state] ?? 0) + 1;
  return out;
}

/** Failed tries of a task instance as Airflow defines them (try_number counts every try, the last included). */
export function failedTriesOf(ti: ApiTaskInstance): number {
  if (ti.state === 'failed') return ti.tryNumber;
  return ti.tryNumber > 1 ? ti.tryNumber - 1 : 0;
}

function failureTruth(incident: FailureIncident, tis: readonly ApiTaskInstance[]): FailureTruth {
  const own = tis.filter((t) => t.taskId === incident.taskId);
  const failed = own.filter((t) => t.state === 'failed');
  return {
    incident,
    failedRunIds: failed.map((t) => t.runId).sort(),
    failedTries: own.reduce((n, t) => n + failedTriesOf(t), 0),
    triesOfFailed: failed.map((t) => t.tryNumber),
  };
}

export async function readTruth(api: AirflowApi, dagIds: readonly string[]): Promise<ScenarioTruth> {
  const dags = new Map<string, DagTruth>();
  for (const dagId of dagIds) {
    const runs = await api.runs(dagId);
    const tis = await api.taskInstances(dagId);
    dags.set(dagId, { runs, tis, runsByState: countByState(runs) });
  }
  const failureTis = dags.get('orc_sc_failures')?.tis ?? [];
  const slowTis = (dags.get(SLOWDOWN.dagId)?.tis ?? []).filter((t) => t.taskId === SLOWDOWN.taskId);
  const slowSlots = new Set(
    (dags.get(SLOWDOWN.dagId)?.runs ?? [])
      .filter((r) => r.slot !== null && Date.parse(r.slot) >= todayUtcMs() - (SLOWDOWN.days - 1) * DAY_MS)
      .map((r) => r.runId),
  );
  const slow = slowTis.filter((t) => slowSlots.has(t.runId));
  const normal = slowTis
    .filter((t) => !slowSlots.has(t.runId))
    .map((t) => t.durationS ?? 0)
    .sort((a, b) => a - b);
  const late = (dags.get(LATE_START.dagId)?.runs ?? []).find((r) => r.runType === 'scheduled');
  return {
    dags,
    failures: FAILURE_INCIDENTS.map((i) => failureTruth(i, failureTis)),
    slowRunIds: slow.map((t) => t.runId).sort(),
    fastestSlowS: Math.min(...slow.map((t) => t.durationS ?? 0)),
    normalMedianS: normal[Math.floor(normal.length / 2)] ?? 0,
    lateRun:
      late?.slot && late.startDate
        ? { runId: late.runId, slot: late.slot, lateMs: Date.parse(late.startDate) - Date.parse(late.slot) }
        : null,
  };
}
