/** Drives the scenario on a peer: late start with its backfilled history, catch-up of the others, manual triggers. */
import type { AirflowApi } from './airflow-api';
import { backfill } from './backfill';
import { LATE_START, todayUtcMs, type ScenarioDagId } from './scenario-dags';
import { waitUntilSettled, type Settled } from './settle';

export interface ScenarioPlan {
  /** DAGs unpaused for catch-up (asset-triggered ones follow their producer). */
  readonly unpause: readonly ScenarioDagId[];
  /** Manual runs of orc_sc_manual (0: the DAG stays out of the scenario). */
  readonly manualRuns: number;
  /** Backfill the day before and unpause orc_sc_late_start late. */
  readonly lateStart: boolean;
}

export interface ScenarioRun extends Settled {
  /** Every DAG of the scenario on this peer. */
  readonly dagIds: ScenarioDagId[];
}

/** The latest 2-hour slot at or before `nowMs`. */
function latestSlot(nowMs: number): number {
  return Math.floor(nowMs / LATE_START.periodMs) * LATE_START.periodMs;
}

/** The late-start DAG's history: a backfill of its slots since yesterday 00:00, then unpaused after its latest slot. */
async function lateStart(api: AirflowApi, deadline: number): Promise<void> {
  const from = todayUtcMs() - 86_400_000;
  const last = latestSlot(Date.now()) - LATE_START.periodMs;
  // Airflow 2 names a run by the start of its data interval (the slot before the one it is due at).
  const to = api.v3 ? last : last - LATE_START.periodMs;
  const iso = (ms: number): string => new Date(ms).toISOString();
  // Backfilled while paused: a backfill Airflow 3 gives up on ("Database is locked" on SQLite) deletes the
  // runs it had created, and a scheduler already working on them then crashes. The runs wait for the unpause.
  await backfill(api, LATE_START.dagId, iso(from), iso(to), deadline);
  await api.setPaused(LATE_START.dagId, false);
}

export async function runScenario(api: AirflowApi, plan: ScenarioPlan, timeoutMs: number): Promise<ScenarioRun> {
  const deadline = Date.now() + timeoutMs;
  if (plan.lateStart) await lateStart(api, deadline);
  for (const dagId of plan.unpause) await api.setPaused(dagId, false);
  if (plan.manualRuns > 0) {
    await api.setPaused('orc_sc_manual', false);
    for (let i = 0; i < plan.manualRuns; i++) await api.trigger('orc_sc_manual');
  }
  const dagIds: ScenarioDagId[] = [
    ...plan.unpause,
    ...(plan.manualRuns > 0 ? (['orc_sc_manual'] as const) : []),
    ...(plan.lateStart ? [LATE_START.dagId] : []),
  ];
  const settled = await waitUntilSettled(api, dagIds, Math.max(1000, deadline - Date.now()));
  return { ...settled, dagIds };
}
