import { z } from 'zod';
import { DagId, EnvId, IsoTime, RunId, TaskId } from './ids';

/** One change a person may ask Airflow to make. Bulk requests carry several. */
export const AirflowAction = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('clear_task_instances'),
      dagId: DagId,
      runId: RunId,
      taskIds: z.array(TaskId).min(1).max(500),
      onlyFailed: z.boolean().default(true),
      includeDownstream: z.boolean().default(false),
      includeUpstream: z.boolean().default(false),
      includeFuture: z.boolean().default(false),
      includePast: z.boolean().default(false),
    })
    .strict(),
  /** Every failed task instance of a run (bulk clear of failed runs). */
  z.object({ kind: z.literal('clear_failed_in_run'), dagId: DagId, runId: RunId }).strict(),
  z
    .object({
      kind: z.literal('mark_task_instance'),
      dagId: DagId,
      runId: RunId,
      taskId: TaskId,
      newState: z.enum(['success', 'failed', 'skipped']),
    })
    .strict(),
  z.object({ kind: z.literal('mark_run'), dagId: DagId, runId: RunId, newState: z.enum(['success', 'failed', 'queued']) }).strict(),
  z.object({ kind: z.literal('pause_dag'), dagId: DagId, paused: z.boolean() }).strict(),
  z
    .object({
      kind: z.literal('trigger_dag'),
      dagId: DagId,
      conf: z.record(z.string(), z.unknown()).default({}),
      runId: RunId.optional(),
      note: z.string().max(10_000).optional(),
    })
    .strict(),
  z.object({ kind: z.literal('set_run_note'), dagId: DagId, runId: RunId, note: z.string().max(10_000) }).strict(),
  z
    .object({
      kind: z.literal('set_task_instance_note'),
      dagId: DagId,
      runId: RunId,
      taskId: TaskId,
      mapIndex: z.number().int().min(-1).default(-1),
      note: z.string().max(10_000),
    })
    .strict(),
]);
export type AirflowAction = z.output<typeof AirflowAction>;
export type AirflowActionInput = z.input<typeof AirflowAction>;

/** What an action will change, as Airflow's own dry run (or our reading of the cache) says. */
export const ActionPreview = z.object({
  summary: z.string(),
  /** True when Airflow itself computed the list (clear, task state changes). */
  fromAirflowDryRun: z.boolean(),
  changes: z.array(z.object({ target: z.string(), from: z.string().nullable(), to: z.string() })),
});
export type ActionPreview = z.infer<typeof ActionPreview>;

export const ActionOutcome = z.object({
  ok: z.boolean(),
  /** What the action was on ("dag › task · run"), to tell the results of a bulk action apart. */
  target: z.string().optional(),
  message: z.string(),
  hint: z.string().optional(),
  auditId: z.number().int(),
});
export type ActionOutcome = z.infer<typeof ActionOutcome>;

export const AuditEntry = z.object({
  id: z.number().int(),
  at: IsoTime,
  osUser: z.string(),
  envId: EnvId,
  envName: z.string(),
  action: z.string(),
  targets: z.array(z.string()),
  preview: z.string().nullable(),
  result: z.enum(['refused', 'succeeded', 'failed']),
  message: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** An entry of Airflow's own event log (audit), as synced into the cache. */
export const AirflowEventEntry = z.object({
  id: z.number().int(),
  when: IsoTime,
  event: z.string(),
  owner: z.string().nullable(),
  dagId: z.string().nullable(),
  taskId: z.string().nullable(),
  runId: z.string().nullable(),
  extra: z.string().nullable(),
});
export type AirflowEventEntry = z.infer<typeof AirflowEventEntry>;
