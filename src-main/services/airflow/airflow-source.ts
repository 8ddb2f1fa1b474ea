import type {
  AssetEventRow,
  AssetLinkRow,
  AssetRow,
  DagDetailFacts,
  DagRow,
  DagRunRow,
  EventLogRow,
  ImportErrorRow,
  PoolRow,
  TaskInstanceRow,
  TaskRow,
  TaskTryRow,
} from '../cache/rows';

/** One page of a paged Airflow listing, already mapped to cache rows. */
export interface Page<T> {
  items: T[];
  /** Airflow's `total_entries` for the whole listing (all pages). */
  total: number;
}

export interface PageRequest {
  offset: number;
  /** At most the server's maximum page limit (100 is always safe). */
  limit: number;
}

export interface RunQuery extends PageRequest {
  /** Runs changed at or after this instant (Airflow's `updated_at_gte`); omitted for a full listing. */
  updatedSince?: string;
  /** Runs whose start/logical date is at or after this instant (the history window). */
  since?: string;
  /** ... and strictly before this one (time slices of a large first sync). */
  before?: string;
  /** Runs that ended at or after this instant (`end_date_gte`). */
  endedSince?: string;
  /** Runs in one of these states. */
  states?: readonly string[];
}

export interface TaskInstanceQuery extends PageRequest {
  updatedSince?: string;
  since?: string;
  before?: string;
  /** Restrict to one DAG run (used after an action to re-sync what changed). */
  dagId?: string;
  runId?: string;
}

export interface TaskInstanceKey {
  dagId: string;
  runId: string;
  taskId: string;
  mapIndex: number;
}

export interface LogExcerpt {
  content: string;
  /** True when only the last `maxBytes` were kept. */
  truncated: boolean;
}

/**
 * What sync needs from one Airflow environment, whatever its API version.
 * Implemented once for /api/v2 (Airflow 3) and once for /api/v1 (Airflow 2);
 * the rest of the app never knows which. Every method maps Airflow's JSON to
 * cache rows for `envId`.
 */
export interface AirflowSource {
  readonly envId: string;
  readonly apiVersion: 'v1' | 'v2';
  listDags(page: PageRequest): Promise<Page<DagRow>>;
  listTasks(dagId: string): Promise<TaskRow[]>;
  /** The DAG's declared params as JSON text (null when none) and its timezone, read from its details. */
  getDagDetails(dagId: string): Promise<DagDetailFacts>;
  listRuns(query: RunQuery): Promise<Page<DagRunRow>>;
  /** One run, or null when Airflow no longer has it (404). */
  getRun(dagId: string, runId: string): Promise<DagRunRow | null>;
  listTaskInstances(query: TaskInstanceQuery): Promise<Page<TaskInstanceRow>>;
  /** Earlier tries of a task instance (empty where the API has no tries endpoint). */
  listTries(key: TaskInstanceKey): Promise<TaskTryRow[]>;
  /** The log of one try, bounded to its last `maxBytes`. */
  getLog(key: TaskInstanceKey, tryNumber: number, maxBytes: number): Promise<LogExcerpt>;
  listImportErrors(page: PageRequest): Promise<Page<ImportErrorRow>>;
  /** Audit entries strictly after `after` (ISO), oldest first. */
  listEventLogs(query: PageRequest & { after?: string }): Promise<Page<EventLogRow>>;
  /** Assets (datasets on Airflow 2) with their producer and consumer links. */
  listAssets(page: PageRequest): Promise<Page<{ asset: AssetRow; links: AssetLinkRow[] }>>;
  listAssetEvents(query: PageRequest & { after?: string }): Promise<Page<AssetEventRow>>;
  listPools(page: PageRequest): Promise<Page<PoolRow>>;
  /** Number of HTTP requests made so far (for benchmarks and tests). */
  requestCount(): number;
}
