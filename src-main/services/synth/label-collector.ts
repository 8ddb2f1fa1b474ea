import type { DagSpec } from './catalogue-types';
import { EXCEPTION_OF } from './failure-causes';
import type { IncidentPlan } from './incident-types';
import type { HistoryWindow } from './incident-planner';
import { versionAt } from './dag-versions';
import { iso } from './instants';
import type { TiKey, TryKey, SynthLabel } from './label-types';
import type { MissedSlot } from './run-calendar';
import type { CutRun, CutTi } from './run-cut';
import type { SimTry } from './sim-types';
import { flakyCause } from './try-outcome';

function tiKey(ti: CutTi): TiKey {
  return { runId: ti.row.runId, taskId: ti.row.taskId, mapIndex: ti.row.mapIndex };
}

function tryKey(ti: CutTi, t: SimTry): TryKey {
  return { ...tiKey(ti), tryNumber: t.tryNumber, endedAt: iso(t.endAt), state: t.state === 'failed' ? 'failed' : 'up_for_retry' };
}

/**
 * Watches one DAG's runs as they are written (after the cut at "now") and
 * records exactly which runs, task instances and tries its incident touched.
 */
export class LabelCollector {
  private readonly runIds = new Set<string>();
  private readonly tis: (TiKey & { durationS: number })[] = [];
  private readonly failedTis: TiKey[] = [];
  private readonly upstreamFailed: TiKey[] = [];
  private readonly tries: TryKey[] = [];
  private readonly late: { runId: string; runAfter: string; queuedAt: string; lateByMinutes: number }[] = [];
  private count = 0;
  private firstRun: string | null = null;
  private lastRun: string | null = null;
  private minStart = Infinity;
  private maxEnd = -Infinity;

  constructor(
    private readonly dag: DagSpec,
    private readonly plan: IncidentPlan,
    private readonly window: HistoryWindow,
  ) {}

  private taskIndex(): number | null {
    return 'taskIndex' in this.plan ? this.plan.taskIndex : null;
  }

  private span(t: SimTry): void {
    this.minStart = Math.min(this.minStart, t.startAt);
    this.maxEnd = Math.max(this.maxEnd, t.endAt);
  }

  private badVersion(): number | null {
    return this.plan.kind === 'bad_deploy' ? versionAt(this.dag.deploys, this.plan.deployAt) : null;
  }

  observe(run: CutRun): void {
    const plan = this.plan;
    const kind = plan.kind;
    if (kind === 'late_schedule') {
      const r = run.sim.request;
      if (r.lateByMinutes > 0) {
        this.late.push({ runId: r.runId, runAfter: iso(r.runAfter), queuedAt: iso(r.queuedAt), lateByMinutes: r.lateByMinutes });
      }
      return;
    }
    if (kind === 'missed_schedule') return;
    if (kind === 'bad_deploy') {
      if (run.sim.version !== this.badVersion()) return;
      this.runIds.add(run.row.runId);
      for (const ti of run.tis) {
        if (ti.row.state === 'upstream_failed') this.upstreamFailed.push(tiKey(ti));
        if (!plan.taskIndexes.includes(ti.sim.taskIndex)) continue;
        for (const t of ti.ended) if (t.incident === kind) this.tries.push(tryKey(ti, t));
        if (ti.row.state === 'failed') this.failedTis.push(tiKey(ti));
      }
      return;
    }
    const index = this.taskIndex();
    let burstRun = false;
    for (const ti of run.tis) {
      if (ti.sim.taskIndex !== index) continue;
      const current = ti.ended[ti.ended.length - 1];
      for (const t of ti.ended) {
        if (t.incident !== kind) continue;
        if (kind === 'duration_spike' || kind === 'gradual_slowdown') continue;
        this.tries.push(tryKey(ti, t));
        this.span(t);
      }
      if (!current || ti.row.endDate === null) continue;
      if ((kind === 'duration_spike' || kind === 'gradual_slowdown') && current.incident === kind && ti.row.state === 'success') {
        this.count += 1;
        this.firstRun ??= ti.row.runId;
        this.lastRun = ti.row.runId;
        this.runIds.add(ti.row.runId);
        this.span(current);
        if (kind === 'duration_spike') this.tis.push({ ...tiKey(ti), durationS: ti.row.durationS ?? 0 });
      }
      if ((kind === 'failure_burst' || kind === 'flaky_task') && ti.row.state === 'failed' && current.incident === kind) {
        this.failedTis.push(tiKey(ti));
        burstRun = true;
      }
    }
    if (kind === 'failure_burst' && burstRun) {
      this.runIds.add(run.row.runId);
      for (const ti of run.tis) if (ti.row.state === 'upstream_failed') this.upstreamFailed.push(tiKey(ti));
    }
  }

  finish(missed: readonly MissedSlot[]): SynthLabel {
    const plan = this.plan;
    const dagId = this.dag.dagId;
    const index = this.taskIndex();
    const taskId = index === null ? null : (this.dag.tasks[index]?.taskId ?? null);
    const labelId = `${plan.kind}:${dagId}`;
    const base = { labelId, dagId, taskId };
    const seen = (fallbackStart: number, fallbackEnd: number): { startsAt: string; endsAt: string } =>
      Number.isFinite(this.minStart)
        ? { startsAt: iso(this.minStart), endsAt: iso(this.maxEnd) }
        : { startsAt: iso(fallbackStart), endsAt: iso(fallbackEnd) };
    switch (plan.kind) {
      case 'duration_spike': {
        const slots = [...plan.slots];
        return {
          ...base,
          kind: plan.kind,
          ...seen(Math.min(...slots), Math.max(...slots)),
          detail: { factor: plan.factor, runIds: [...this.runIds], taskInstances: this.tis },
        };
      }
      case 'gradual_slowdown':
        return {
          ...base,
          kind: plan.kind,
          startsAt: iso(plan.driftStart),
          endsAt: iso(this.window.end),
          detail: {
            driftStart: iso(plan.driftStart),
            ratePerDay: plan.ratePerDay,
            model: 'duration = usual duration x (1 + ratePerDay x days since driftStart)',
            affectedTaskInstances: this.count,
            firstRunId: this.firstRun,
            lastRunId: this.lastRun,
          },
        };
      case 'failure_burst': {
        const producer = this.dag.tasks.find((t) => t.outletUri !== null);
        return {
          ...base,
          kind: plan.kind,
          startsAt: iso(plan.start),
          endsAt: iso(plan.end),
          detail: {
            cause: 'connection_refused',
            resource: plan.resource,
            assetUri: producer?.outletUri ?? null,
            failedTries: this.tries,
            failedTaskInstances: this.failedTis,
            upstreamFailed: this.upstreamFailed,
            affectedRunIds: [...this.runIds],
          },
        };
      }
      case 'flaky_task': {
        const operator = (index === null ? undefined : this.dag.tasks[index]?.operator) ?? '';
        return {
          ...base,
          kind: plan.kind,
          startsAt: iso(plan.start),
          endsAt: iso(this.window.end),
          detail: {
            failureProbability: plan.probability,
            cause: flakyCause(operator),
            failedTries: this.tries,
            failedTaskInstances: this.failedTis,
          },
        };
      }
      case 'bad_deploy':
        return {
          ...base,
          kind: plan.kind,
          taskId: this.dag.tasks[plan.taskIndexes[0] ?? 0]?.taskId ?? null,
          startsAt: iso(plan.deployAt),
          endsAt: iso(plan.fixAt),
          detail: {
            badVersion: String(versionAt(this.dag.deploys, plan.deployAt)),
            fixVersion: String(versionAt(this.dag.deploys, plan.fixAt)),
            taskIds: plan.taskIndexes.map((i) => this.dag.tasks[i]?.taskId ?? ''),
            cause: 'schema_mismatch',
            affectedRunIds: [...this.runIds],
            failedTaskInstances: this.failedTis,
            upstreamFailed: this.upstreamFailed,
          },
        };
      case 'late_schedule':
        return { ...base, kind: plan.kind, startsAt: iso(plan.stallStart), endsAt: iso(plan.stallEnd), detail: { delayedRuns: this.late } };
      case 'missed_schedule': {
        const first = missed[0];
        const last = missed[missed.length - 1];
        return {
          ...base,
          kind: plan.kind,
          startsAt: iso(first?.runAfter ?? this.window.start),
          endsAt: iso(last?.runAfter ?? this.window.start),
          detail: { missedRuns: missed.map((m) => ({ runId: m.runId, logicalDate: iso(m.logicalDate), runAfter: iso(m.runAfter) })) },
        };
      }
      case 'new_error_pattern': {
        const occurrences = this.tries.slice().sort((a, b) => (a.endedAt < b.endedAt ? -1 : a.endedAt > b.endedAt ? 1 : 0));
        const first = occurrences[0] ?? null;
        const last = occurrences[occurrences.length - 1];
        return {
          ...base,
          kind: plan.kind,
          startsAt: first?.endedAt ?? iso(plan.firstAt),
          endsAt: last?.endedAt ?? iso(this.window.end),
          detail: { cause: plan.cause, exceptionClass: EXCEPTION_OF[plan.cause], firstOccurrence: first, occurrences },
        };
      }
    }
  }
}
