import type { AirflowSource, LogExcerpt, Page, PageRequest, RunQuery, TaskInstanceKey, TaskInstanceQuery } from '../airflow-source';
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
} from '../../cache/rows';
import type { AirflowHttpClient } from '../http/airflow-http-client';
import { AirflowHttpError } from '../http/http-errors';
import { segment } from '../http/query-string';
import { fetchDagDetails } from '../read/dag-params';
import { fetchOneOrNull } from '../read/fetch-one';
import { fetchPage, MAX_PAGE_LIMIT } from '../read/fetch-page';
import { isoTime } from '../read/iso-time';
import { JsonRecord } from '../read/json-record';
import { utf8Tail } from '../read/utf8-tail';
import { v1DatasetEventRow, v1DatasetWithLinks, v1EventLogRow, v1ImportErrorRow, v1PoolRow } from './v1-catalog-mappers';
import { v1DagDetails, v1DagRow, v1TaskRow } from './v1-dag-mappers';
import { v1RunRow, v1TaskInstanceRow, v1TryRow } from './v1-run-mappers';
import type * as S from './v1-schemas';

const API = '/api/v1';

function tiPath(key: TaskInstanceKey): string {
  const base = `${API}/dags/${segment(key.dagId)}/dagRuns/${segment(key.runId)}/taskInstances/${segment(key.taskId)}`;
  return key.mapIndex >= 0 ? `${base}/${key.mapIndex}` : base;
}

/** Airflow 2.7+ (`/api/v1`) as an {@link AirflowSource}. */
export class V1Source implements AirflowSource {
  readonly apiVersion = 'v1' as const;

  constructor(
    readonly envId: string,
    private readonly http: AirflowHttpClient,
  ) {}

  requestCount(): number {
    return this.http.requestCount();
  }

  /** Closes the HTTP client (its connections) this source was given. */
  close(): Promise<void> {
    return this.http.close();
  }

  listDags(page: PageRequest): Promise<Page<DagRow>> {
    return fetchPage<S.V1DagCollection, S.V1Dag, DagRow>(this.http, page, {
      path: `${API}/dags`,
      itemsKey: 'dags',
      query: { order_by: 'dag_id', only_active: true },
      map: (d) => v1DagRow(this.envId, d),
    });
  }

  async getDagDetails(dagId: string): Promise<DagDetailFacts> {
    return v1DagDetails(JsonRecord.of<S.V1DagDetail>(await fetchDagDetails(this.http, 'v1', dagId), `GET details of ${dagId}`));
  }

  async listTasks(dagId: string): Promise<TaskRow[]> {
    const path = `${API}/dags/${segment(dagId)}/tasks`;
    const body = await this.http.getJson(path, { order_by: 'task_id' });
    return JsonRecord.of<S.V1TaskCollection>(body, `GET ${path}`)
      .records<S.V1Task>('tasks')
      .map((t) => v1TaskRow(this.envId, dagId, t));
  }

  listRuns(q: RunQuery): Promise<Page<DagRunRow>> {
    return fetchPage<S.V1RunCollection, S.V1Run, DagRunRow>(this.http, q, {
      path: `${API}/dags/~/dagRuns`,
      itemsKey: 'dag_runs',
      // execution_date is never null on Airflow 2, and TIs filter on the same (run) field.
      query: {
        order_by: 'id',
        updated_at_gte: q.updatedSince,
        execution_date_gte: q.since,
        execution_date_lte: q.before === undefined ? undefined : new Date(Date.parse(q.before) - 1).toISOString(),
        end_date_gte: q.endedSince,
        state: q.states,
      },
      map: (r) => v1RunRow(this.envId, r),
    });
  }

  getRun(dagId: string, runId: string): Promise<DagRunRow | null> {
    return fetchOneOrNull<S.V1Run, DagRunRow>(this.http, `${API}/dags/${segment(dagId)}/dagRuns/${segment(runId)}`, (r) =>
      v1RunRow(this.envId, r),
    );
  }

  /** The v1 listing has no `order_by`: pages follow the database's order, stable while nothing is inserted. */
  listTaskInstances(q: TaskInstanceQuery): Promise<Page<TaskInstanceRow>> {
    return fetchPage<S.V1TaskInstanceCollection, S.V1TaskInstance, TaskInstanceRow>(this.http, q, {
      path: `${API}/dags/${q.dagId ? segment(q.dagId) : '~'}/dagRuns/${q.runId ? segment(q.runId) : '~'}/taskInstances`,
      itemsKey: 'task_instances',
      query: {
        updated_at_gte: q.updatedSince,
        execution_date_gte: q.since,
        execution_date_lte: q.before === undefined ? undefined : new Date(Date.parse(q.before) - 1).toISOString(),
      },
      map: (t) => v1TaskInstanceRow(this.envId, t),
    });
  }

  /** Airflow 2.10+; older servers answer 404 and get []. */
  async listTries(key: TaskInstanceKey): Promise<TaskTryRow[]> {
    const rows: TaskTryRow[] = [];
    try {
      for (let offset = 0; ; offset += MAX_PAGE_LIMIT) {
        const page = await fetchPage<S.V1TaskInstanceCollection, S.V1TaskInstance, TaskTryRow>(
          this.http,
          { offset, limit: MAX_PAGE_LIMIT },
          { path: `${tiPath(key)}/tries`, itemsKey: 'task_instances', map: (t) => v1TryRow(this.envId, t) },
        );
        rows.push(...page.items);
        if (page.items.length === 0 || rows.length >= page.total) return rows;
      }
    } catch (error) {
      if (error instanceof AirflowHttpError && error.status === 404 && rows.length === 0) return [];
      throw error;
    }
  }

  /** Asked as text/plain: the JSON form's `content` is a Python repr of (host, text) tuples on Airflow 2. */
  async getLog(key: TaskInstanceKey, tryNumber: number, maxBytes: number): Promise<LogExcerpt> {
    const base = `${API}/dags/${segment(key.dagId)}/dagRuns/${segment(key.runId)}/taskInstances/${segment(key.taskId)}`;
    const text = await this.http.text({
      path: `${base}/logs/${tryNumber}`,
      query: { full_content: true, map_index: key.mapIndex },
    });
    return utf8Tail(text, maxBytes);
  }

  listImportErrors(page: PageRequest): Promise<Page<ImportErrorRow>> {
    return fetchPage<S.V1ImportErrorCollection, S.V1ImportError, ImportErrorRow>(this.http, page, {
      path: `${API}/importErrors`,
      itemsKey: 'import_errors',
      query: { order_by: 'import_error_id' },
      map: (e) => v1ImportErrorRow(this.envId, e),
    });
  }

  listEventLogs(q: PageRequest & { after?: string }): Promise<Page<EventLogRow>> {
    return fetchPage<S.V1EventLogCollection, S.V1EventLog, EventLogRow>(this.http, q, {
      path: `${API}/eventLogs`,
      itemsKey: 'event_logs',
      query: { order_by: 'event_log_id', after: q.after },
      map: (e) => v1EventLogRow(this.envId, e),
    });
  }

  listAssets(page: PageRequest): Promise<Page<{ asset: AssetRow; links: AssetLinkRow[] }>> {
    return fetchPage<S.V1DatasetCollection, S.V1Dataset, { asset: AssetRow; links: AssetLinkRow[] }>(this.http, page, {
      path: `${API}/datasets`,
      itemsKey: 'datasets',
      query: { order_by: 'id' },
      map: (d) => v1DatasetWithLinks(this.envId, d),
    });
  }

  /**
   * `/datasets/events` has no time filter: newest first, keep events after `after`, and end the listing
   * (total = what was kept) at the first page that reaches older events.
   */
  async listAssetEvents(q: PageRequest & { after?: string }): Promise<Page<AssetEventRow>> {
    const page = await fetchPage<S.V1DatasetEventCollection, S.V1DatasetEvent, AssetEventRow>(this.http, q, {
      path: `${API}/datasets/events`,
      itemsKey: 'dataset_events',
      query: { order_by: '-timestamp' },
      map: (e) => v1DatasetEventRow(this.envId, e),
    });
    const after = q.after === undefined ? undefined : (isoTime(q.after) ?? q.after);
    if (after === undefined) return page;
    const newer = page.items.filter((e) => e.timestamp > after);
    if (newer.length === page.items.length) return page;
    return { items: newer, total: Math.max(0, Math.floor(q.offset)) + newer.length };
  }

  listPools(page: PageRequest): Promise<Page<PoolRow>> {
    return fetchPage<S.V1PoolCollection, S.V1Pool, PoolRow>(this.http, page, {
      path: `${API}/pools`,
      itemsKey: 'pools',
      map: (p) => v1PoolRow(this.envId, p),
    });
  }
}
