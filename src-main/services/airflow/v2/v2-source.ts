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
import { segment } from '../http/query-string';
import { fetchDagDetails } from '../read/dag-params';
import { fetchOneOrNull } from '../read/fetch-one';
import { fetchPage } from '../read/fetch-page';
import { JsonRecord } from '../read/json-record';
import { structuredLogText } from '../read/structured-log-text';
import { utf8Tail } from '../read/utf8-tail';
import { v2AssetEventRow, v2AssetWithLinks, v2EventLogRow, v2ImportErrorRow, v2PoolRow } from './v2-catalog-mappers';
import { v2DagDetails, v2DagRow, v2TaskRow } from './v2-dag-mappers';
import { v2RunRow, v2TaskInstanceRow, v2TryRow } from './v2-run-mappers';
import type * as S from './v2-schemas';

const API = '/api/v2';

function tiPath(key: TaskInstanceKey): string {
  return `${API}/dags/${segment(key.dagId)}/dagRuns/${segment(key.runId)}/taskInstances/${segment(key.taskId)}`;
}

/** Airflow 3 (`/api/v2`) as an {@link AirflowSource}. */
export class V2Source implements AirflowSource {
  readonly apiVersion = 'v2' as const;

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
    return fetchPage<S.V2DagCollection, S.V2Dag, DagRow>(this.http, page, {
      path: `${API}/dags`,
      itemsKey: 'dags',
      query: { order_by: 'dag_id' },
      map: (d) => v2DagRow(this.envId, d),
    });
  }

  async getDagDetails(dagId: string): Promise<DagDetailFacts> {
    return v2DagDetails(JsonRecord.of<S.V2DagDetails>(await fetchDagDetails(this.http, 'v2', dagId), `GET details of ${dagId}`));
  }

  async listTasks(dagId: string): Promise<TaskRow[]> {
    const path = `${API}/dags/${segment(dagId)}/tasks`;
    const body = await this.http.getJson(path, { order_by: 'task_id' });
    return JsonRecord.of<S.V2TaskCollection>(body, `GET ${path}`)
      .records<S.V2Task>('tasks')
      .map((t) => v2TaskRow(this.envId, dagId, t));
  }

  listRuns(q: RunQuery): Promise<Page<DagRunRow>> {
    return fetchPage<S.V2RunCollection, S.V2Run, DagRunRow>(this.http, q, {
      path: `${API}/dags/~/dagRuns`,
      itemsKey: 'dag_runs',
      // run_after is never null (logical_date is null for manual runs), and TIs filter on the same field.
      query: {
        order_by: 'id',
        updated_at_gte: q.updatedSince,
        run_after_gte: q.since,
        run_after_lt: q.before,
        end_date_gte: q.endedSince,
        state: q.states,
      },
      map: (r) => v2RunRow(this.envId, r),
    });
  }

  getRun(dagId: string, runId: string): Promise<DagRunRow | null> {
    return fetchOneOrNull<S.V2Run, DagRunRow>(this.http, `${API}/dags/${segment(dagId)}/dagRuns/${segment(runId)}`, (r) =>
      v2RunRow(this.envId, r),
    );
  }

  listTaskInstances(q: TaskInstanceQuery): Promise<Page<TaskInstanceRow>> {
    return fetchPage<S.V2TaskInstanceCollection, S.V2TaskInstance, TaskInstanceRow>(this.http, q, {
      path: `${API}/dags/${q.dagId ? segment(q.dagId) : '~'}/dagRuns/${q.runId ? segment(q.runId) : '~'}/taskInstances`,
      itemsKey: 'task_instances',
      query: { order_by: 'id', updated_at_gte: q.updatedSince, run_after_gte: q.since, run_after_lt: q.before },
      map: (t) => v2TaskInstanceRow(this.envId, t),
    });
  }

  async listTries(key: TaskInstanceKey): Promise<TaskTryRow[]> {
    const path = `${tiPath(key)}/tries`;
    const body = await this.http.getJson(path, { map_index: key.mapIndex });
    return JsonRecord.of<S.V2TryCollection>(body, `GET ${path}`)
      .records<S.V2Try>('task_instances')
      .map((t) => v2TryRow(this.envId, t));
  }

  async getLog(key: TaskInstanceKey, tryNumber: number, maxBytes: number): Promise<LogExcerpt> {
    const path = `${tiPath(key)}/logs/${tryNumber}`;
    const body = await this.http.getJson(path, { full_content: true, map_index: key.mapIndex });
    const log = JsonRecord.of<S.V2Log>(body, `GET ${path}`);
    return utf8Tail(structuredLogText(log.value('content')), maxBytes);
  }

  listImportErrors(page: PageRequest): Promise<Page<ImportErrorRow>> {
    return fetchPage<S.V2ImportErrorCollection, S.V2ImportError, ImportErrorRow>(this.http, page, {
      path: `${API}/importErrors`,
      itemsKey: 'import_errors',
      query: { order_by: 'id' },
      map: (e) => v2ImportErrorRow(this.envId, e),
    });
  }

  listEventLogs(q: PageRequest & { after?: string }): Promise<Page<EventLogRow>> {
    return fetchPage<S.V2EventLogCollection, S.V2EventLog, EventLogRow>(this.http, q, {
      path: `${API}/eventLogs`,
      itemsKey: 'event_logs',
      query: { order_by: 'id', after: q.after },
      map: (e) => v2EventLogRow(this.envId, e),
    });
  }

  listAssets(page: PageRequest): Promise<Page<{ asset: AssetRow; links: AssetLinkRow[] }>> {
    return fetchPage<S.V2AssetCollection, S.V2Asset, { asset: AssetRow; links: AssetLinkRow[] }>(this.http, page, {
      path: `${API}/assets`,
      itemsKey: 'assets',
      query: { order_by: 'id' },
      map: (a) => v2AssetWithLinks(this.envId, a),
    });
  }

  listAssetEvents(q: PageRequest & { after?: string }): Promise<Page<AssetEventRow>> {
    return fetchPage<S.V2AssetEventCollection, S.V2AssetEvent, AssetEventRow>(this.http, q, {
      path: `${API}/assets/events`,
      itemsKey: 'asset_events',
      query: { order_by: 'timestamp', timestamp_gt: q.after }, // 3.3 refuses order_by=id here (HTTP 400)
      map: (e) => v2AssetEventRow(this.envId, e),
    });
  }

  listPools(page: PageRequest): Promise<Page<PoolRow>> {
    return fetchPage<S.V2PoolCollection, S.V2Pool, PoolRow>(this.http, page, {
      path: `${API}/pools`,
      itemsKey: 'pools',
      query: { order_by: 'id' },
      map: (p) => v2PoolRow(this.envId, p),
    });
  }
}
