import type { Rng } from './prng';
import type { AssetSchedule, DagSpec, TimeSchedule } from './catalogue-types';
import type { CrossDagLedger } from './cross-dag-ledger';
import type { IncidentPlan } from './incident-types';
import type { HistoryWindow } from './incident-planner';
import { DAY, MINUTE, slotStamp, triggerStamp } from './instants';
import { slotsEndingBetween } from './schedules';
import type { RunRequest } from './sim-types';
import { PEOPLE } from './vocabulary';

/** A scheduled slot that never got a run (missed-schedule incident). */
export interface MissedSlot {
  readonly logicalDate: number;
  readonly runAfter: number;
  readonly runId: string;
}

export interface RunCalendar {
  /** Ordered by queuedAt; only runs created by the end of history. */
  readonly requests: readonly RunRequest[];
  readonly missed: readonly MissedSlot[];
}

interface CalendarInput {
  readonly dag: DagSpec;
  readonly plan: IncidentPlan | null;
  readonly window: HistoryWindow;
  readonly ledger: CrossDagLedger;
  readonly rng: Rng;
}

function scheduled(input: CalendarInput, schedule: TimeSchedule, missed: MissedSlot[]): RunRequest[] {
  const { dag, plan, window, rng } = input;
  const out: RunRequest[] = [];
  let stallQueue = 0;
  for (const slot of slotsEndingBetween(schedule, window.start, window.end)) {
    const runAfter = slot + schedule.periodMs;
    if (dag.pausedAt !== null && runAfter > dag.pausedAt) break;
    const runId = `scheduled__${slotStamp(slot)}`;
    if (plan?.kind === 'missed_schedule' && plan.slots.has(slot)) {
      missed.push({ logicalDate: slot, runAfter, runId });
      continue;
    }
    const stalled = plan?.kind === 'late_schedule' && runAfter >= plan.stallStart && runAfter < plan.stallEnd;
    const queuedAt =
      stalled && plan?.kind === 'late_schedule'
        ? plan.stallEnd + (stallQueue += Math.round(rng.uniform(2_000, 20_000)))
        : runAfter + Math.round(rng.lognormal(2_000, 0.6));
    out.push({
      runId,
      runType: 'scheduled',
      triggeredBy: 'timetable',
      logicalDate: slot,
      runAfter,
      queuedAt,
      scheduledSlot: slot,
      confJson: null,
      lateByMinutes: stalled ? Math.round(((queuedAt - runAfter) / MINUTE) * 10) / 10 : 0,
      triggeredByUser: null,
    });
  }
  return out;
}

function manual(input: CalendarInput): RunRequest[] {
  const { dag, window, rng } = input;
  const weeks = (window.end - window.start) / (7 * DAY);
  const count = Math.round(dag.manualPerWeek * weeks * rng.uniform(0.7, 1.3));
  const out: RunRequest[] = [];
  for (let i = 0; i < count; i++) {
    const at = Math.round(rng.uniform(window.start, window.end - 10 * MINUTE));
    if (dag.pausedAt !== null && at > dag.pausedAt) continue;
    const api = rng.chance(0.3);
    out.push({
      runId: `manual__${triggerStamp(at)}`,
      runType: 'manual',
      triggeredBy: api ? 'rest_api' : 'ui',
      logicalDate: at,
      runAfter: at,
      queuedAt: at + rng.int(200, 1_500),
      scheduledSlot: null,
      confJson: rng.chance(0.4) ? JSON.stringify({ full_refresh: true }) : '{}',
      lateByMinutes: 0,
      triggeredByUser: api ? 'svc-orchestrator' : rng.pick(PEOPLE),
    });
  }
  for (const at of dag.triggersNearNow) {
    out.push({
      runId: `manual__${triggerStamp(at)}`,
      runType: 'manual',
      triggeredBy: 'ui',
      logicalDate: at,
      runAfter: at,
      queuedAt: at + 300,
      scheduledSlot: null,
      confJson: '{}',
      lateByMinutes: 0,
      triggeredByUser: rng.pick(PEOPLE),
    });
  }
  return out;
}

function backfill(input: CalendarInput, schedule: TimeSchedule): RunRequest[] {
  const { dag, window, rng } = input;
  if (!dag.backfill) return [];
  const firstSlot = slotsEndingBetween(schedule, window.start, window.start + 2 * DAY)[0] ?? window.start;
  const out: RunRequest[] = [];
  let at = dag.backfill.at;
  for (let k = dag.backfill.days; k >= 1; k--) {
    const slot = firstSlot - k * schedule.periodMs;
    at += Math.round(rng.uniform(4, 15) * MINUTE);
    out.push({
      runId: `backfill__${slotStamp(slot)}`,
      runType: 'backfill',
      triggeredBy: 'backfill',
      logicalDate: slot,
      runAfter: slot + schedule.periodMs,
      queuedAt: at,
      scheduledSlot: null,
      confJson: '{}',
      lateByMinutes: 0,
      triggeredByUser: null,
    });
  }
  return out;
}

/** Asset-scheduled runs: one as soon as every consumed asset was updated since the previous run. */
function assetTriggered(input: CalendarInput, schedule: AssetSchedule): RunRequest[] {
  const { ledger, rng, window } = input;
  const updates = schedule.uris
    .flatMap((uri) => ledger.assetUpdates(uri).map((at) => ({ uri, at })))
    .sort((a, b) => a.at - b.at || (a.uri < b.uri ? -1 : 1));
  const pending = new Set<string>();
  const out: RunRequest[] = [];
  for (const u of updates) {
    pending.add(u.uri);
    if (pending.size < schedule.uris.length) continue;
    pending.clear();
    const queuedAt = u.at + Math.round(rng.lognormal(3_000, 0.5));
    if (queuedAt > window.end) break;
    out.push({
      runId: `asset_triggered__${triggerStamp(u.at)}`,
      runType: 'asset_triggered',
      triggeredBy: 'asset',
      logicalDate: u.at,
      runAfter: u.at,
      queuedAt,
      scheduledSlot: null,
      confJson: '{}',
      lateByMinutes: 0,
      triggeredByUser: null,
    });
  }
  return out;
}

/** Child runs of a TriggerDagRunOperator: manual runs at the parent's trigger time. */
function triggered(input: CalendarInput): RunRequest[] {
  const { ledger, rng, dag, window } = input;
  return ledger
    .triggersFor(dag.dagId)
    .map((t) => ({ t, queuedAt: t.at + rng.int(300, 2_000) }))
    .filter(({ queuedAt }) => queuedAt <= window.end)
    .map(({ t, queuedAt }) => ({
      runId: `manual__${triggerStamp(t.at)}`,
      runType: 'manual' as const,
      triggeredBy: 'operator' as const,
      logicalDate: t.at,
      runAfter: t.at,
      queuedAt,
      scheduledSlot: null,
      confJson: JSON.stringify({ parent_dag_id: t.parentDagId, parent_run_id: t.parentRunId }),
      lateByMinutes: 0,
      triggeredByUser: null,
    }));
}

/** Every run of one DAG over the history window, in creation order, run ids unique. */
export function runCalendar(input: CalendarInput): RunCalendar {
  const { dag, window } = input;
  const missed: MissedSlot[] = [];
  const schedule = dag.schedule;
  const all: RunRequest[] = [
    ...(schedule.kind === 'time' ? scheduled(input, schedule, missed) : []),
    ...(schedule.kind === 'time' ? backfill(input, schedule) : []),
    ...(schedule.kind === 'asset' ? assetTriggered(input, schedule) : []),
    ...(schedule.kind === 'none' ? triggered(input) : []),
    ...manual(input),
  ];
  const seen = new Set<string>();
  const requests = all
    .filter((r) => r.queuedAt <= window.end)
    .sort((a, b) => a.queuedAt - b.queuedAt || (a.runId < b.runId ? -1 : 1))
    .filter((r) => (seen.has(r.runId) ? false : (seen.add(r.runId), true)));
  return { requests, missed };
}
