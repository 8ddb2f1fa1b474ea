/** Rows as the cache stores them; writers (demo synthesis, Airflow sync) produce these. */

export interface EnvironmentRow {
  id: string;
  name: string;
  kind: 'demo' | 'airflow3' | 'airflow2';
  color: string;
  readOnly: boolean;
  baseUrl: string | null;
  airflowVersion: string | null;
  configJson: string;
  synthetic: boolean;
  asOf: string | null;
}

export interface DagRow {
  envId: string;
  dagId: string;
  description: string | null;
  schedule: string | null;
  isPaused: boolean;
  owners: readonly string[];
  tags: readonly string[];
  fileloc: string | null;
  paramsJson: string | null;
  lastParsed: string | null;
  maxActiveRuns: number | null;
  /** Airflow's words for the schedule ("At 09:00, Monday through Friday"). */
  timetableDescription: string | null;
  /** Only the DAG's details report it: null here keeps what is stored. */
  timezone: string | null;
  /** The next scheduled run Airflow will create: its logical date and when (changes every run: not a DAG change). */
  nextDagrunLogical: string | null;
  nextDagrunRunAfter: string | null;
}

/** What sync reads of a DAG's details, besides what its listing has. */
export interface DagDetailFacts {
  paramsJson: string | null;
  timezone: string | null;
}

export interface TaskRow {
  envId: string;
  dagId: string;
  taskId: string;
  operator: string | null;
  pool: string | null;
  queue: string | null;
  retries: number | null;
  triggerRule: string | null;
  isMapped: boolean;
  taskGroup: string | null;
  downstream: readonly string[];
}

export interface DagRunRow {
  envId: string;
  dagId: string;
  runId: string;
  state: string;
  runType: string;
  logicalDate: string | null;
  runAfter: string | null;
  queuedAt: string | null;
  startDate: string | null;
  endDate: string | null;
  durationS: number | null;
  confJson: string | null;
  note: string | null;
  dagVersion: string | null;
  triggeredBy: string | null;
}

export interface TaskInstanceRow {
  envId: string;
  dagId: string;
  runId: string;
  taskId: string;
  mapIndex: number;
  state: string;
  tryNumber: number;
  maxTries: number;
  startDate: string | null;
  endDate: string | null;
  durationS: number | null;
  queuedAt: string | null;
  hostname: string | null;
  operator: string | null;
  pool: string | null;
  queue: string | null;
  executor: string | null;
  note: string | null;
}

export interface TaskTryRow {
  envId: string;
  dagId: string;
  runId: string;
  taskId: string;
  mapIndex: number;
  tryNumber: number;
  state: string;
  startDate: string | null;
  endDate: string | null;
  durationS: number | null;
  hostname: string | null;
}

export interface TaskLogRow {
  envId: string;
  dagId: string;
  runId: string;
  taskId: string;
  mapIndex: number;
  tryNumber: number;
  content: string;
  truncated: boolean;
}

export interface AssetRow {
  envId: string;
  uri: string;
  name: string | null;
}

export interface AssetLinkRow {
  envId: string;
  uri: string;
  dagId: string;
  taskId: string;
  role: 'producer' | 'consumer';
}

export interface AssetEventRow {
  envId: string;
  eventId: string;
  uri: string;
  timestamp: string;
  sourceDagId: string | null;
  sourceTaskId: string | null;
  sourceRunId: string | null;
}

export interface PoolRow {
  envId: string;
  name: string;
  slots: number;
  description: string | null;
}

export interface EventLogRow {
  envId: string;
  eventId: number;
  when: string;
  event: string;
  owner: string | null;
  dagId: string | null;
  taskId: string | null;
  runId: string | null;
  extra: string | null;
}

export interface ImportErrorRow {
  envId: string;
  errorId: string;
  filename: string;
  stackTrace: string;
  timestamp: string | null;
}

export interface SynthLabelRow {
  envId: string;
  labelId: string;
  kind: string;
  dagId: string | null;
  taskId: string | null;
  startsAt: string;
  endsAt: string;
  detailJson: string;
}
