import { isoTime } from '../../src-main/services/airflow/read/iso-time';
import type { FailedRun, FailureRate, QuestionWindow, SlowTaskInstance } from './questions';

/** The fields of Airflow 3's DAGRunResponse / TaskInstanceResponse these questions read. */
interface ApiRun {
  dag_id: string;
  dag_run_id: string;
  state: string | null;
  start_date: string | null;
}
interface ApiTaskInstance {
  dag_id: string;
  dag_run_id: string;
  task_id: string;
  map_index: number;
  duration: number | null;
}
type Query = Record<string, string | number>;

const PAGE = 100;

/**
 * The same three questions answered from Airflow's REST API (`/api/v2`), the way a script would:
 * list with filters, page by 100 until `total_entries`, then count or sort on the client.
 */
export class ApiQuestions {
  requests = 0;

  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  static async login(baseUrl: string, username: string, password: string): Promise<ApiQuestions> {
    const res = await fetch(`${baseUrl}/auth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    const body = (await res.json()) as { access_token?: unknown };
    if (!res.ok || typeof body.access_token !== 'string') throw new Error(`POST /auth/token -> ${res.status}`);
    return new ApiQuestions(baseUrl, body.access_token);
  }

  private async get<T>(path: string, query: Query): Promise<T> {
    const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
    this.requests++;
    const res = await fetch(`${this.baseUrl}/api/v2${path}?${qs}`, {
      headers: { Authorization: `Bearer ${this.token}`, Accept: 'application/json' },
    });
    if (!res.ok) throw new Error(`GET ${path}?${qs} -> ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  private async all<T>(path: string, key: string, query: Query): Promise<T[]> {
    const items: T[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const body = await this.get<Record<string, unknown>>(path, { ...query, limit: PAGE, offset });
      const page = body[key];
      if (!Array.isArray(page)) throw new Error(`GET ${path}: no "${key}" array`);
      items.push(...(page as T[]));
      if (page.length < PAGE || offset + PAGE >= Number(body.total_entries)) return items;
    }
  }

  /** Pages through every run started in the last 30 days and counts per DAG. */
  async failureRates(w: QuestionWindow): Promise<FailureRate[]> {
    const runs = await this.all<ApiRun>('/dags/~/dagRuns', 'dag_runs', { start_date_gte: w.since30d, order_by: 'id' });
    const byDag = new Map<string, FailureRate>();
    for (const r of runs) {
      const rate = byDag.get(r.dag_id) ?? { dagId: r.dag_id, runs: 0, failed: 0 };
      rate.runs++;
      if (r.state === 'failed') rate.failed++;
      byDag.set(r.dag_id, rate);
    }
    return [...byDag.values()];
  }

  /** A leaner script: list the DAGs, then read `total_entries` of two one-item listings per DAG. */
  async failureRatesByCounts(w: QuestionWindow): Promise<FailureRate[]> {
    const dags = await this.all<{ dag_id: string }>('/dags', 'dags', { order_by: 'dag_id' });
    const rates: FailureRate[] = [];
    for (const { dag_id: dagId } of dags) {
      const path = `/dags/${encodeURIComponent(dagId)}/dagRuns`;
      const total = await this.get<{ total_entries: number }>(path, { start_date_gte: w.since30d, limit: 1 });
      if (total.total_entries === 0) continue;
      const failed = await this.get<{ total_entries: number }>(path, { start_date_gte: w.since30d, state: 'failed', limit: 1 });
      rates.push({ dagId, runs: total.total_entries, failed: failed.total_entries });
    }
    return rates;
  }

  /** One request: task instances started yesterday, longest first, 20 of them. */
  async slowestYesterday(w: QuestionWindow): Promise<SlowTaskInstance[]> {
    const body = await this.get<{ task_instances: ApiTaskInstance[] }>('/dags/~/dagRuns/~/taskInstances', {
      start_date_gte: w.yesterdayStart,
      start_date_lt: w.todayStart,
      order_by: '-duration',
      limit: 20,
    });
    return body.task_instances
      .filter((t) => t.duration !== null)
      .map((t) => ({ dagId: t.dag_id, runId: t.dag_run_id, taskId: t.task_id, mapIndex: t.map_index, durationS: t.duration ?? 0 }));
  }

  /** Pages through the failed runs started since Monday. */
  async failedRunsSinceMonday(w: QuestionWindow): Promise<FailedRun[]> {
    const runs = await this.all<ApiRun>('/dags/~/dagRuns', 'dag_runs', { state: 'failed', start_date_gte: w.monday, order_by: 'id' });
    return runs.map((r) => ({ dagId: r.dag_id, runId: r.dag_run_id, startDate: isoTime(r.start_date) ?? '' }));
  }
}
