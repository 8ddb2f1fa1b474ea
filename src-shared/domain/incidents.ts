import { z } from 'zod';
import { DagId, EnvId, IsoTime, RunId, TaskId } from './ids';

export const IncidentId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, "-" and "_" only');
export type IncidentId = z.infer<typeof IncidentId>;

export const IncidentStatus = z.enum(['open', 'mitigated', 'resolved']);
export type IncidentStatus = z.infer<typeof IncidentStatus>;

const MapIndex = z.number().int().min(-1).max(1_000_000);
const LineNo = z.number().int().min(1).max(10_000_000);
/** An app route such as `#/lineage?env=demo&dag=etl`: only our own hash routes, never a URL. */
export const AppRoute = z
  .string()
  .min(2)
  .max(2000)
  .regex(/^#\/[a-z-]+(\?[^\s]*)?$/, 'an app route starting with #/');

/**
 * What can be pinned to an incident (and what an incident can be created from).
 * The service reads the item from the cache and keeps a snapshot of it, so an
 * exported incident still shows it on a machine without that history.
 */
export const PinTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('run'), envId: EnvId, dagId: DagId, runId: RunId }).strict(),
  z
    .object({ kind: z.literal('task_instance'), envId: EnvId, dagId: DagId, runId: RunId, taskId: TaskId, mapIndex: MapIndex.default(-1) })
    .strict(),
  z
    .object({
      kind: z.literal('log_excerpt'),
      envId: EnvId,
      dagId: DagId,
      runId: RunId,
      taskId: TaskId,
      mapIndex: MapIndex.default(-1),
      tryNumber: z.number().int().min(0).max(1000),
      /** 1-based, inclusive; at most 200 lines. */
      fromLine: LineNo,
      toLine: LineNo,
    })
    .strict()
    .refine((p) => p.toLine >= p.fromLine && p.toLine - p.fromLine < 200, 'a range of 1 to 200 lines, "to" not before "from"'),
  z.object({ kind: z.literal('anomaly'), envId: EnvId, anomalyId: z.string().min(1).max(600) }).strict(),
  z.object({ kind: z.literal('risk'), envId: EnvId, dagId: DagId, taskId: TaskId }).strict(),
  z
    .object({
      kind: z.literal('copilot_answer'),
      envId: EnvId,
      conversationId: z.string().min(1).max(64),
      messageId: z.string().min(1).max(64),
    })
    .strict(),
  z
    .object({
      kind: z.literal('view'),
      /** What the view shows: a chart or a lineage view. */
      view: z.enum(['chart', 'lineage', 'other']),
      envId: EnvId.nullable().default(null),
      route: AppRoute,
      title: z.string().trim().min(1).max(300),
    })
    .strict(),
  z
    .object({
      kind: z.literal('cypher_result'),
      cypher: z.string().min(1).max(20_000),
      columns: z.array(z.string().max(300)).max(50),
      /** Cells as display text; at most 200 rows are kept. */
      rows: z.array(z.array(z.string().max(2000)).max(50)).max(200),
      source: z.string().max(40).default('embedded'),
    })
    .strict(),
]);
export type PinTarget = z.output<typeof PinTarget>;
export type PinTargetInput = z.input<typeof PinTarget>;
export type PinKind = PinTarget['kind'];

/** What the pinned item looked like when it was pinned: text to show and the instant it is about. */
export const PinSnapshot = z.object({
  title: z.string().max(1000),
  /** Short facts, label and value, e.g. ["State", "failed"]. */
  facts: z.array(z.tuple([z.string().max(200), z.string().max(4000)])).max(40),
  /** Longer text: log lines, an answer, Cypher. */
  body: z.string().max(200_000).nullable(),
  /** Cypher result table. */
  table: z
    .object({ columns: z.array(z.string().max(300)).max(50), rows: z.array(z.array(z.string().max(2000)).max(50)).max(200) })
    .nullable(),
  /** The moment in Airflow's history it is about (run start, failure, anomaly start); null when timeless. */
  at: IsoTime.nullable(),
  /** An app route that opens the item (never a URL: imported files are untrusted). */
  route: AppRoute.nullable(),
  /** Produced by the language model, not read from Airflow. */
  generated: z.boolean(),
  /** DAGs it concerns, for the report's affected DAGs and the timeline's history. */
  dagIds: z.array(z.string().max(250)).max(50),
});
export type PinSnapshot = z.infer<typeof PinSnapshot>;

export const IncidentPin = z.object({
  id: z.string().max(64),
  target: PinTarget,
  snapshot: PinSnapshot,
  pinnedAt: IsoTime,
});
export type IncidentPin = z.infer<typeof IncidentPin>;

export const IncidentNote = z.object({
  id: z.string().max(64),
  at: IsoTime,
  author: z.string().max(200),
  kind: z.enum(['note', 'status']),
  text: z.string().max(20_000),
});
export type IncidentNote = z.infer<typeof IncidentNote>;

export const IncidentSummary = z.object({
  id: IncidentId,
  envId: EnvId,
  envName: z.string().max(200),
  title: z.string().max(300),
  status: IncidentStatus,
  createdAt: IsoTime,
  updatedAt: IsoTime,
  pinCount: z.number().int(),
  /** True when it came from another machine's export. */
  imported: z.boolean(),
});
export type IncidentSummary = z.infer<typeof IncidentSummary>;

export const Incident = IncidentSummary.extend({
  summary: z.string().max(20_000),
  pins: z.array(IncidentPin),
  notes: z.array(IncidentNote),
});
export type Incident = z.infer<typeof Incident>;

export const TimelineEntryKind = z.enum(['pin', 'note', 'status', 'first_failure', 'failure', 'retry', 'asset_event', 'action', 'anomaly']);
export type TimelineEntryKind = z.infer<typeof TimelineEntryKind>;

/** One line of an incident's timeline, from a pin, a note or the synced history. */
export const TimelineEntry = z.object({
  at: IsoTime,
  kind: TimelineEntryKind,
  text: z.string(),
  dagId: z.string().nullable(),
  route: z.string().nullable(),
  /** Where it came from: "pinned", "history", "audit log", "incident". */
  source: z.enum(['pinned', 'history', 'audit log', 'incident']),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

/** The single-file export of an incident, shared with a colleague. */
export const IncidentFile = z
  .object({
    format: z.literal('orc-ai-desk.incident'),
    version: z.literal(1),
    exportedAt: IsoTime,
    incident: z
      .object({
        id: IncidentId,
        envId: EnvId,
        envName: z.string().max(200),
        title: z.string().min(1).max(300),
        status: IncidentStatus,
        summary: z.string().max(20_000),
        createdAt: IsoTime,
        updatedAt: IsoTime,
      })
      .strict(),
    pins: z.array(IncidentPin.strict()).max(1000),
    notes: z.array(IncidentNote.strict()).max(5000),
  })
  .strict();
export type IncidentFile = z.infer<typeof IncidentFile>;
