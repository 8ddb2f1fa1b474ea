import type { HistoryWriter } from '../cache/history-writer';
import { Rng } from './prng';
import type { PlannedDag } from './catalogue';
import type { CrossDagLedger } from './cross-dag-ledger';
import { versionAt } from './dag-versions';
import { renderFailureLog } from './failure-logs';
import type { HistoryWindow } from './incident-planner';
import { iso, MINUTE, SECOND, seconds } from './instants';
import { LabelCollector } from './label-collector';
import type { SynthLabel } from './label-types';
import type { RowCounts } from './row-counts';
import { runCalendar } from './run-calendar';
import type { CutRun } from './run-cut';
import { cutRun } from './run-cut';
import { simulateRun } from './run-simulation';
import { stallableDag, type StallRecorder } from './queue-stall';
import type { IncidentState } from './try-outcome';

export interface DagHistoryContext {
  readonly writer: HistoryWriter;
  readonly envId: string;
  readonly seed: number;
  readonly window: HistoryWindow;
  readonly ledger: CrossDagLedger;
  readonly workers: number;
  readonly counts: RowCounts;
  /** The environment's queue stall, if one is injected. */
  readonly stall: StallRecorder | null;
}

function writeDefinition(ctx: DagHistoryContext, planned: PlannedDag): void {
  const { writer, envId, window, counts } = ctx;
  const dag = planned.spec;
  writer.dag.run({
    envId,
    dagId: dag.dagId,
    description: dag.description,
    schedule: dag.schedule.kind === 'none' ? null : dag.schedule.expression,
    isPaused: dag.pausedAt !== null,
    owners: dag.owners,
    tags: dag.tags,
    fileloc: dag.fileloc,
    paramsJson: dag.paramsJson,
    lastParsed: iso(window.end - 3 * MINUTE),
    maxActiveRuns: dag.maxActiveRuns,
    timetableDescription: null,
    timezone: 'UTC',
    nextDagrunLogical: null,
    nextDagrunRunAfter: null,
  });
  counts.dags += 1;
  for (const t of dag.tasks) {
    writer.task.run({
      envId,
      dagId: dag.dagId,
      taskId: t.taskId,
      operator: t.operator,
      pool: t.pool,
      queue: t.queue,
      retries: t.retries,
      triggerRule: t.triggerRule,
      isMapped: t.mapped !== null,
      taskGroup: t.taskGroup,
      downstream: t.downstream.map((d) => dag.tasks[d]?.taskId ?? ''),
    });
    counts.tasks += 1;
  }
  if (dag.pausedAt !== null) {
    writer.eventLog.run({
      envId,
      eventId: ctx.ledger.nextEventLogId(),
      when: iso(dag.pausedAt),
      event: 'pause',
      owner: dag.owner,
      dagId: dag.dagId,
      taskId: null,
      runId: null,
      extra: JSON.stringify({ is_paused: true }),
    });
    counts.event_logs += 1;
  }
}

function writeRun(ctx: DagHistoryContext, planned: PlannedDag, cut: CutRun, logRng: Rng): void {
  const { writer, envId, ledger, counts, window } = ctx;
  const dag = planned.spec;
  const request = cut.sim.request;
  writer.run.run(cut.row);
  counts.dag_runs += 1;
  if (request.triggeredByUser) {
    writer.eventLog.run({
      envId,
      eventId: ledger.nextEventLogId(),
      when: iso(request.runAfter),
      event: 'trigger',
      owner: request.triggeredByUser,
      dagId: dag.dagId,
      taskId: null,
      runId: request.runId,
      extra: request.confJson,
    });
    counts.event_logs += 1;
  }
  for (const ti of cut.tis) {
    writer.taskInstance.run(ti.row);
    counts.task_instances += 1;
    const task = dag.tasks[ti.sim.taskIndex];
    if (!task) continue;
    for (const t of ti.earlier) {
      writer.taskTry.run({
        envId,
        dagId: dag.dagId,
        runId: request.runId,
        taskId: task.taskId,
        mapIndex: ti.sim.mapIndex,
        tryNumber: t.tryNumber,
        state: t.state,
        startDate: iso(t.startAt),
        endDate: iso(t.endAt),
        durationS: seconds(t.endAt - t.startAt),
        hostname: t.hostname,
      });
      counts.task_tries += 1;
    }
    for (const t of ti.sim.tries) {
      if (t.clearedBy === null || t.queuedAt > window.end) continue;
      writer.eventLog.run({
        envId,
        eventId: ledger.nextEventLogId(),
        when: iso(t.queuedAt - SECOND),
        event: 'clear',
        owner: t.clearedBy,
        dagId: dag.dagId,
        taskId: task.taskId,
        runId: request.runId,
        extra: JSON.stringify({ only_failed: true, map_index: ti.sim.mapIndex }),
      });
      counts.event_logs += 1;
    }
    for (const t of ti.ended) {
      if (t.cause === null) continue;
      writer.taskLog.run({
        envId,
        dagId: dag.dagId,
        runId: request.runId,
        taskId: task.taskId,
        mapIndex: ti.sim.mapIndex,
        tryNumber: t.tryNumber,
        truncated: false,
        content: renderFailureLog({
          rng: logRng,
          dagId: dag.dagId,
          taskId: task.taskId,
          runId: request.runId,
          mapIndex: ti.sim.mapIndex,
          tryNumber: t.tryNumber,
          maxAttempts: ti.sim.maxTries + 1,
          operator: task.operator,
          owner: dag.owner,
          hostname: t.hostname,
          fileloc: dag.fileloc,
          logicalDate: request.logicalDate,
          startAt: t.startAt,
          endAt: t.endAt,
          cause: t.cause,
          willRetry: t.state === 'up_for_retry',
          entity: planned.domain.entity,
          resource: planned.domain.sourceHost,
        }),
      });
      counts.task_logs += 1;
    }
    const current = ti.ended[ti.ended.length - 1];
    if (ti.row.state !== 'success' || !current) continue;
    if (task.outletUri) {
      const eventId = ledger.addAssetEvent(task.outletUri, current.endAt);
      writer.assetEvent.run({
        envId,
        eventId,
        uri: task.outletUri,
        timestamp: iso(current.endAt),
        sourceDagId: dag.dagId,
        sourceTaskId: task.taskId,
        sourceRunId: request.runId,
      });
      counts.asset_events += 1;
    }
    if (task.behaviour.kind === 'trigger') {
      ledger.addTrigger(task.behaviour.childDagId, { at: current.endAt, parentDagId: dag.dagId, parentRunId: request.runId });
    }
  }
}

/** Generates and writes one DAG's whole history; returns its incident label, if it has one. */
export function writeDagHistory(ctx: DagHistoryContext, planned: PlannedDag): SynthLabel | null {
  const { spec: dag, incident: plan } = planned;
  const { seed, window } = ctx;
  writeDefinition(ctx, planned);
  const calendar = runCalendar({ dag, plan, window, ledger: ctx.ledger, rng: Rng.derive(seed, `calendar:${dag.dagId}`) });
  const rng = Rng.derive(seed, `history:${dag.dagId}`);
  const logRng = Rng.derive(seed, `logs:${dag.dagId}`);
  const collector = plan ? new LabelCollector(dag, plan, window) : null;
  const state: IncidentState = { newErrorSeen: false };
  const badVersion = plan?.kind === 'bad_deploy' ? versionAt(dag.deploys, plan.deployAt) : null;
  const stall = stallableDag(dag, plan !== null) ? ctx.stall : null;
  for (const request of calendar.requests) {
    const version = versionAt(dag.deploys, request.queuedAt);
    const sim = simulateRun({
      dag,
      plan,
      historyStart: window.start,
      request,
      version,
      badVersion,
      rng,
      state,
      workers: ctx.workers,
      stall,
    });
    const cut = cutRun(ctx.envId, dag, sim, window.end);
    writeRun(ctx, planned, cut, logRng);
    collector?.observe(cut);
  }
  const label = collector?.finish(calendar.missed) ?? null;
  if (label) {
    const { detail, ...head } = label;
    ctx.writer.synthLabel.run({ ...head, envId: ctx.envId, detailJson: JSON.stringify(detail) });
    ctx.counts.synth_labels += 1;
  }
  return label;
}
