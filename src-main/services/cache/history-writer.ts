import type Database from 'better-sqlite3';
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
  SynthLabelRow,
  TaskInstanceRow,
  TaskLogRow,
  TaskRow,
  TaskTryRow,
} from './rows';
import { asFlag, asJson, prepareUpsert, type Upsert } from './upsert-statement';

const now = (): string => new Date().toISOString();

/** The history tables whose secondary indexes a bulk load rebuilds at its end instead of updating row by row. */
const BULK_TABLES = ['task_instances', 'dag_runs'] as const;

/**
 * The one way history enters the cache (demo synthesis and Airflow sync
 * alike). Every method is an idempotent upsert keyed by Airflow's identity
 * and returns how many rows actually changed.
 */
export class HistoryWriter {
  readonly dag: Upsert<DagRow>;
  readonly task: Upsert<TaskRow>;
  readonly run: Upsert<DagRunRow>;
  readonly taskInstance: Upsert<TaskInstanceRow>;
  readonly taskTry: Upsert<TaskTryRow>;
  readonly taskLog: Upsert<TaskLogRow>;
  readonly asset: Upsert<AssetRow>;
  readonly assetLink: Upsert<AssetLinkRow>;
  readonly assetEvent: Upsert<AssetEventRow>;
  readonly pool: Upsert<PoolRow>;
  readonly eventLog: Upsert<EventLogRow>;
  readonly importError: Upsert<ImportErrorRow>;
  readonly synthLabel: Upsert<SynthLabelRow>;
  private readonly dagParsedAt: Database.Statement;
  private readonly dagParams: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.dag = prepareUpsert<DagRow>(db, {
      table: 'dags',
      key: ['envId', 'dagId'],
      columns: {
        envId: 'env_id',
        dagId: 'dag_id',
        description: 'description',
        schedule: 'schedule',
        isPaused: 'is_paused',
        owners: 'owners_json',
        tags: 'tags_json',
        fileloc: 'fileloc',
        paramsJson: 'params_json',
        lastParsed: 'last_parsed',
        maxActiveRuns: 'max_active_runs',
        timetableDescription: 'timetable_description',
        timezone: 'timezone',
        nextDagrunLogical: 'next_dagrun_logical',
        nextDagrunRunAfter: 'next_dagrun_run_after',
      },
      encode: { isPaused: asFlag, owners: asJson, tags: asJson },
      volatile: ['lastParsed', 'nextDagrunLogical', 'nextDagrunRunAfter'],
      keepWhenNull: ['paramsJson', 'timezone'],
    });
    this.dagParams = db.prepare(
      'UPDATE dags SET params_json = ?, timezone = COALESCE(?, timezone) WHERE env_id = ? AND dag_id = ? AND (params_json IS NOT ? OR timezone IS NOT COALESCE(?, timezone))',
    );
    this.dagParsedAt = db.prepare(
      `UPDATE dags SET last_parsed = ?, next_dagrun_logical = ?, next_dagrun_run_after = ? WHERE env_id = ? AND dag_id = ?
       AND (last_parsed IS NOT ? OR next_dagrun_logical IS NOT ? OR next_dagrun_run_after IS NOT ?)`,
    );
    this.task = prepareUpsert<TaskRow>(db, {
      table: 'tasks',
      key: ['envId', 'dagId', 'taskId'],
      columns: {
        envId: 'env_id',
        dagId: 'dag_id',
        taskId: 'task_id',
        operator: 'operator',
        pool: 'pool',
        queue: 'queue',
        retries: 'retries',
        triggerRule: 'trigger_rule',
        isMapped: 'is_mapped',
        taskGroup: 'task_group',
        downstream: 'downstream_json',
      },
      encode: { isMapped: asFlag, downstream: asJson },
    });
    this.run = prepareUpsert<DagRunRow>(db, {
      table: 'dag_runs',
      key: ['envId', 'dagId', 'runId'],
      columns: {
        envId: 'env_id',
        dagId: 'dag_id',
        runId: 'run_id',
        state: 'state',
        runType: 'run_type',
        logicalDate: 'logical_date',
        runAfter: 'run_after',
        queuedAt: 'queued_at',
        startDate: 'start_date',
        endDate: 'end_date',
        durationS: 'duration_s',
        confJson: 'conf_json',
        note: 'note',
        dagVersion: 'dag_version',
        triggeredBy: 'triggered_by',
      },
      stamp: { synced_at: now },
    });
    this.taskInstance = prepareUpsert<TaskInstanceRow>(db, {
      table: 'task_instances',
      key: ['envId', 'dagId', 'runId', 'taskId', 'mapIndex'],
      columns: {
        envId: 'env_id',
        dagId: 'dag_id',
        runId: 'run_id',
        taskId: 'task_id',
        mapIndex: 'map_index',
        state: 'state',
        tryNumber: 'try_number',
        maxTries: 'max_tries',
        startDate: 'start_date',
        endDate: 'end_date',
        durationS: 'duration_s',
        queuedAt: 'queued_at',
        hostname: 'hostname',
        operator: 'operator',
        pool: 'pool',
        queue: 'queue',
        executor: 'executor',
        note: 'note',
      },
    });
    this.taskTry = prepareUpsert<TaskTryRow>(db, {
      table: 'task_tries',
      key: ['envId', 'dagId', 'runId', 'taskId', 'mapIndex', 'tryNumber'],
      columns: {
        envId: 'env_id',
        dagId: 'dag_id',
        runId: 'run_id',
        taskId: 'task_id',
        mapIndex: 'map_index',
        tryNumber: 'try_number',
        state: 'state',
        startDate: 'start_date',
        endDate: 'end_date',
        durationS: 'duration_s',
        hostname: 'hostname',
      },
    });
    this.taskLog = prepareUpsert<TaskLogRow>(db, {
      table: 'task_logs',
      key: ['envId', 'dagId', 'runId', 'taskId', 'mapIndex', 'tryNumber'],
      columns: {
        envId: 'env_id',
        dagId: 'dag_id',
        runId: 'run_id',
        taskId: 'task_id',
        mapIndex: 'map_index',
        tryNumber: 'try_number',
        content: 'content',
        truncated: 'truncated',
      },
      encode: { truncated: asFlag },
      stamp: { fetched_at: now },
    });
    this.asset = prepareUpsert<AssetRow>(db, {
      table: 'assets',
      key: ['envId', 'uri'],
      columns: { envId: 'env_id', uri: 'uri', name: 'name' },
    });
    this.assetLink = prepareUpsert<AssetLinkRow>(db, {
      table: 'asset_links',
      key: ['envId', 'uri', 'dagId', 'taskId', 'role'],
      columns: { envId: 'env_id', uri: 'uri', dagId: 'dag_id', taskId: 'task_id', role: 'role' },
    });
    this.assetEvent = prepareUpsert<AssetEventRow>(db, {
      table: 'asset_events',
      key: ['envId', 'eventId'],
      columns: {
        envId: 'env_id',
        eventId: 'event_id',
        uri: 'uri',
        timestamp: 'timestamp',
        sourceDagId: 'source_dag_id',
        sourceTaskId: 'source_task_id',
        sourceRunId: 'source_run_id',
      },
    });
    this.pool = prepareUpsert<PoolRow>(db, {
      table: 'pools',
      key: ['envId', 'name'],
      columns: { envId: 'env_id', name: 'name', slots: 'slots', description: 'description' },
    });
    this.eventLog = prepareUpsert<EventLogRow>(db, {
      table: 'event_logs',
      key: ['envId', 'eventId'],
      columns: {
        envId: 'env_id',
        eventId: 'event_id',
        when: 'when_ts',
        event: 'event',
        owner: 'owner',
        dagId: 'dag_id',
        taskId: 'task_id',
        runId: 'run_id',
        extra: 'extra',
      },
    });
    this.importError = prepareUpsert<ImportErrorRow>(db, {
      table: 'import_errors',
      key: ['envId', 'errorId'],
      columns: { envId: 'env_id', errorId: 'error_id', filename: 'filename', stackTrace: 'stack_trace', timestamp: 'timestamp' },
    });
    this.synthLabel = prepareUpsert<SynthLabelRow>(db, {
      table: 'synth_labels',
      key: ['envId', 'labelId'],
      columns: {
        envId: 'env_id',
        labelId: 'label_id',
        kind: 'kind',
        dagId: 'dag_id',
        taskId: 'task_id',
        startsAt: 'starts_at',
        endsAt: 'ends_at',
        detailJson: 'detail_json',
      },
    });
  }

  /** A DAG's params and timezone come from its details, read only when the DAG changed; returns 1 when they changed. */
  setDagDetails(envId: string, dagId: string, details: DagDetailFacts): number {
    const { paramsJson, timezone } = details;
    return this.dagParams.run(paramsJson, timezone, envId, dagId, paramsJson, timezone).changes;
  }

  /**
   * Keeps a DAG's last parse time and next scheduled run fresh; Airflow changes them constantly, so this is not
   * counted as a change.
   */
  touchDag(dag: DagRow): void {
    const { lastParsed, nextDagrunLogical: logical, nextDagrunRunAfter: runAfter } = dag;
    this.dagParsedAt.run(lastParsed, logical, runAfter, dag.envId, dag.dagId, lastParsed, logical, runAfter);
  }

  /** Runs `work` in one transaction: all of it lands, or none of it. */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  /**
   * Runs `work` (which may use `transaction` inside) as one transaction with the secondary indexes of runs and task
   * instances dropped, then creates them again from their stored definitions: building an index once from sorted
   * rows costs far less than updating it per row. Meant for loading a history into an environment that holds little
   * yet (the Demo build, a first sync); the rebuild reads the whole table, so it is no gain for a page of changes
   * into a large cache. The unique keys stay, so upserts stay idempotent and counted; on error nothing lands and
   * the indexes are as they were.
   */
  bulkLoad<T>(work: () => T): T {
    return this.db.transaction(() => {
      const marks = BULK_TABLES.map(() => '?').join(', ');
      const indexes = this.db
        .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${marks})`)
        .all(...BULK_TABLES) as { name: string; sql: string }[];
      for (const index of indexes) {
        // An identifier cannot be bound; the name is our own schema's, read from sqlite_master, and quoted.
        // eslint-disable-next-line no-restricted-syntax
        this.db.exec(`DROP INDEX "${index.name.replaceAll('"', '""')}"`);
      }
      const result = work();
      for (const index of indexes) this.db.exec(index.sql);
      return result;
    })();
  }
}
