/**
 * The scenario's own reading of a peer Airflow's REST API (v2 on Airflow 3, v1 on Airflow 2), kept
 * apart from the app's sources so that the test's truth does not come from the code under test.
 */
import type { AirflowPeerInfo } from '../../env/airflow';
import { airflowAuth } from '../../env/airflow';

export interface ApiRun {
  dagId: string;
  runId: string;
  state: string;
  runType: string;
  /** When the run was due: `run_after` on Airflow 3, `data_interval_end` on Airflow 2 (ISO, UTC). */
  slot: string | null;
  logicalDate: string | null;
  startDate: string | null;
}

export interface ApiTaskInstance {
  dagId: string;
  runId: string;
  taskId: string;
  mapIndex: number;
  state: string | null;
  tryNumber: number;
  durationS: number | null;
}

export interface ApiDag {
  dagId: string;
  isPaused: boolean;
  /** When the scheduler will create the next run (null: never, e.g. asset-triggered, manual, `@once` done). */
  nextCreateAfter: string | null;
}

type Json = Record<string, unknown>;

function iso(v: unknown): string | null {
  return typeof v === 'string' && v !== '' ? new Date(v).toISOString() : null;
}

export class AirflowApi {
  private token: string | undefined;
  readonly api: string;

  constructor(readonly af: AirflowPeerInfo) {
    this.api = `${af.baseUrl}/api/${af.apiVersion}`;
  }

  get v3(): boolean {
    return this.af.apiVersion === 'v2';
  }

  private async auth(): Promise<string> {
    if (!this.v3) return airflowAuth.basicAuth(this.af.users.admin);
    this.token ??= `Bearer ${await airflowAuth.airflow3Token(this.af.baseUrl, this.af.users.admin)}`;
    return this.token;
  }

  /** One request; returns the status and the parsed body (text when not JSON). */
  async request(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
    const res = await fetch(`${this.api}${path}`, {
      method,
      headers: {
        Accept: 'application/json',
        Authorization: await this.auth(),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    try {
      return { status: res.status, body: JSON.parse(text) as unknown };
    } catch {
      return { status: res.status, body: text };
    }
  }

  async ok(method: string, path: string, body?: unknown): Promise<Json> {
    const r = await this.request(method, path, body);
    if (r.status < 200 || r.status >= 300) throw new Error(`${method} ${this.api}${path} -> ${r.status} ${JSON.stringify(r.body)}`);
    return r.body as Json;
  }

  /**
   * Pauses or unpauses a DAG. Idempotent, so an answer 500 "Database error" is asked again: the peers keep their
   * metadata in SQLite, which is locked for seconds while a backfill or a catch-up is being written.
   */
  async setPaused(dagId: string, paused: boolean): Promise<void> {
    const path = `/dags/${encodeURIComponent(dagId)}${this.v3 ? '' : '?update_mask=is_paused'}`;
    for (let attempt = 1; ; attempt++) {
      const r = await this.request('PATCH', path, { is_paused: paused });
      if (r.status >= 200 && r.status < 300) return;
      if (r.status < 500 || attempt >= 6)
        throw new Error(`PATCH ${this.api}${path} -> ${r.status} ${JSON.stringify(r.body)} (attempt ${attempt})`);
      await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
    }
  }

  async trigger(dagId: string): Promise<string> {
    const body = await this.ok('POST', `/dags/${encodeURIComponent(dagId)}/dagRuns`, this.v3 ? { logical_date: null } : {});
    return String(body.dag_run_id);
  }

  /** The scheduler's health as Airflow reports it ('healthy', 'unhealthy', or what the endpoint said instead). */
  async schedulerHealth(): Promise<string> {
    const res = await fetch(`${this.af.baseUrl}${this.v3 ? '/api/v2/monitor/health' : '/health'}`, { signal: AbortSignal.timeout(30_000) });
    const body = (await res.json().catch(() => ({}))) as { scheduler?: { status?: string | null } };
    return body.scheduler?.status ?? `HTTP ${res.status}`;
  }

  async dag(dagId: string): Promise<ApiDag> {
    const d = await this.ok('GET', `/dags/${encodeURIComponent(dagId)}`);
    return {
      dagId,
      isPaused: d.is_paused === true,
      nextCreateAfter: iso(this.v3 ? d.next_dagrun_run_after : d.next_dagrun_create_after),
    };
  }

  private async pages(path: string, key: string): Promise<Json[]> {
    const out: Json[] = [];
    for (let offset = 0; ; offset += 100) {
      const sep = path.includes('?') ? '&' : '?';
      const page = await this.ok('GET', `${path}${sep}limit=100&offset=${offset}`);
      const items = (page[key] as Json[] | undefined) ?? [];
      out.push(...items);
      if (items.length === 0 || out.length >= Number(page.total_entries)) return out;
    }
  }

  async runs(dagId: string): Promise<ApiRun[]> {
    const rows = await this.pages(`/dags/${encodeURIComponent(dagId)}/dagRuns`, 'dag_runs');
    return rows.map((r) => ({
      dagId,
      runId: String(r.dag_run_id),
      state: String(r.state),
      runType: String(r.run_type),
      slot: iso(this.v3 ? r.run_after : r.data_interval_end),
      logicalDate: iso(r.logical_date),
      startDate: iso(r.start_date),
    }));
  }

  async taskInstances(dagId: string): Promise<ApiTaskInstance[]> {
    let rows: Json[];
    if (this.v3) {
      rows = await this.pages(`/dags/${encodeURIComponent(dagId)}/dagRuns/~/taskInstances`, 'task_instances');
    } else {
      rows = [];
      for (let offset = 0; ; offset += 100) {
        const page = await this.ok('POST', '/dags/~/dagRuns/~/taskInstances/list', {
          dag_ids: [dagId],
          page_limit: 100,
          page_offset: offset,
        });
        const items = (page.task_instances as Json[] | undefined) ?? [];
        rows.push(...items);
        if (items.length === 0 || rows.length >= Number(page.total_entries)) break;
      }
    }
    return rows.map((t) => ({
      dagId,
      runId: String(t.dag_run_id),
      taskId: String(t.task_id),
      mapIndex: Number(t.map_index ?? -1),
      state: typeof t.state === 'string' ? t.state : null,
      tryNumber: Number(t.try_number ?? 0),
      durationS: typeof t.duration === 'number' ? t.duration : null,
    }));
  }
}
