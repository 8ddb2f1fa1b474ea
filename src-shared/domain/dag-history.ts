import { z } from 'zod';
import { RunSummary } from './history';
import { EnvId, IsoTime } from './ids';
import { RunState, TaskState } from './states';

/** A column of the DAG grid: a task (mapped instances folded into one cell). */
export const GridTask = z.object({ taskId: z.string(), group: z.string().nullable(), isMapped: z.boolean() });
export type GridTask = z.infer<typeof GridTask>;

/** A row of the DAG grid: one run; `cells` holds one state per task (same order), `tries` the highest try. */
export const GridRun = z.object({
  runId: z.string(),
  state: RunState,
  at: IsoTime.nullable(),
  durationS: z.number().nullable(),
  version: z.string().nullable(),
  versionChanged: z.boolean(),
  cells: z.array(TaskState.nullable()),
  tries: z.array(z.number().int()),
});
export type GridRun = z.infer<typeof GridRun>;

/** How the app reads a DAG's schedule: whether its missed and late runs are checked, and why not when they are not. */
export const DagScheduleNote = z.object({ text: z.string().nullable(), timezone: z.string(), checked: z.boolean(), note: z.string() });
export type DagScheduleNote = z.infer<typeof DagScheduleNote>;

export const DagGrid = z.object({
  envId: EnvId,
  dagId: z.string(),
  tasks: z.array(GridTask),
  runs: z.array(GridRun),
  /** For each mapped task (by id): how many map indexes each run has, same order as `runs`. */
  mapCounts: z.record(z.string(), z.array(z.number().int())),
  truncated: z.boolean(),
  /** Absent where the DAG is not in the cache. */
  schedule: DagScheduleNote.optional(),
});
export type DagGrid = z.infer<typeof DagGrid>;

/** One run's cells in a page of the grid: a state and the highest try per task, in the grid's task order. */
export const GridRunCells = z.object({ runId: z.string(), cells: z.array(TaskState.nullable()), tries: z.array(z.number().int()) });
export type GridRunCells = z.infer<typeof GridRunCells>;

/** The cells of the runs at `offset`.. of a grid window (newest first), with map index counts per mapped task, same order as `runs`. */
export const GridCellPage = z.object({
  offset: z.number().int(),
  runs: z.array(GridRunCells),
  mapCounts: z.record(z.string(), z.array(z.number().int())),
});
export type GridCellPage = z.infer<typeof GridCellPage>;

/** One run's instances of a mapped task: a state and the highest try per map index (same order as `mapIndexes`). */
export const GridMapRun = z.object({ runId: z.string(), cells: z.array(TaskState.nullable()), tries: z.array(z.number().int()) });
export type GridMapRun = z.infer<typeof GridMapRun>;

/** A mapped task unfolded over the runs of a grid window: one row per map index. */
export const GridMapIndexes = z.object({
  taskId: z.string(),
  mapIndexes: z.array(z.number().int()),
  runs: z.array(GridMapRun),
  /** More map indexes exist than were asked for. */
  truncated: z.boolean(),
});
export type GridMapIndexes = z.infer<typeof GridMapIndexes>;

export const DurationPoint = z.object({ runId: z.string(), at: IsoTime, durationS: z.number(), state: z.string() });
export type DurationPoint = z.infer<typeof DurationPoint>;

/** Rolling median and p10–p90 band, one per bucket of the window. */
export const DurationBand = z.object({ at: IsoTime, p10: z.number(), median: z.number(), p90: z.number() });
export type DurationBand = z.infer<typeof DurationBand>;

export const DurationHistory = z.object({
  envId: EnvId,
  dagId: z.string(),
  taskId: z.string().nullable(),
  points: z.array(DurationPoint),
  band: z.array(DurationBand),
  median: z.number().nullable(),
  truncated: z.boolean(),
});
export type DurationHistory = z.infer<typeof DurationHistory>;

export const TaskComparison = z.object({
  taskId: z.string(),
  mapIndex: z.number().int(),
  goodState: TaskState.nullable(),
  badState: TaskState.nullable(),
  goodDurationS: z.number().nullable(),
  badDurationS: z.number().nullable(),
  goodTries: z.number().int().nullable(),
  badTries: z.number().int().nullable(),
  stateChanged: z.boolean(),
});
export type TaskComparison = z.infer<typeof TaskComparison>;

export const ConfDifference = z.object({ key: z.string(), good: z.string().nullable(), bad: z.string().nullable() });

export const RunComparison = z.object({
  good: RunSummary.extend({ version: z.string().nullable() }),
  bad: RunSummary.extend({ version: z.string().nullable() }),
  tasks: z.array(TaskComparison),
  confDifferences: z.array(ConfDifference),
});
export type RunComparison = z.infer<typeof RunComparison>;

export const TimelineRun = z.object({
  envId: EnvId,
  dagId: z.string(),
  runId: z.string(),
  state: RunState,
  start: IsoTime,
  end: IsoTime.nullable(),
});
export type TimelineRun = z.infer<typeof TimelineRun>;

export const Timeline = z.object({ from: IsoTime, to: IsoTime, runs: z.array(TimelineRun), truncated: z.boolean() });
export type Timeline = z.infer<typeof Timeline>;
