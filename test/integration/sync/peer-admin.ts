/** Airflow-side changes for sync tests, made as an admin would: through the REST API, and `airflow db clean` through the peer's CLI. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { mutationCall } from '../../../src-main/services/actions/airflow-mutations';
import { authProviderFor } from '../../../src-main/services/airflow/create-airflow-client';
import { AirflowHttpClient, type RequestSpec } from '../../../src-main/services/airflow/http/airflow-http-client';
import { segment } from '../../../src-main/services/airflow/http/query-string';
import type { AirflowAction } from '../../../src-shared/domain/actions';
import type { AirflowPeerInfo } from '../../env/airflow';

const run = promisify(execFile);

export interface RawRun {
  dag_id: string;
  dag_run_id: string;
  state: string;
  start_date: string | null;
}

export class PeerAdmin {
  readonly api: 'v1' | 'v2';
  private readonly http: AirflowHttpClient;

  constructor(private readonly info: AirflowPeerInfo) {
    this.api = info.apiVersion;
    this.http = new AirflowHttpClient(
      { baseUrl: info.baseUrl },
      authProviderFor({ kind: 'password', ...info.users.admin }, info.apiVersion),
    );
  }

  close(): Promise<void> {
    return this.http.close();
  }

  private dagPath(dagId: string): string {
    return `/api/${this.api}/dags/${segment(dagId)}`;
  }

  private async act(action: AirflowAction): Promise<unknown> {
    const call = mutationCall(this.api, action, false);
    if (call === null) throw new Error(`no call for ${action.kind}`);
    return this.http.json(call.spec);
  }

  /** Triggers a run; with `logicalDate`, an old-dated run (Airflow 3: run_after too) that runs today. */
  async trigger(dagId: string, runId: string, conf: Record<string, unknown>, logicalDate?: string): Promise<void> {
    if (logicalDate === undefined) {
      await this.act({ kind: 'trigger_dag', dagId, runId, conf } as AirflowAction);
      return;
    }
    const body =
      this.api === 'v2'
        ? { dag_run_id: runId, logical_date: logicalDate, run_after: logicalDate, conf }
        : { dag_run_id: runId, logical_date: logicalDate, conf };
    await this.http.json({ method: 'POST', path: `${this.dagPath(dagId)}/dagRuns`, body });
  }

  async setPaused(dagId: string, paused: boolean): Promise<void> {
    await this.act({ kind: 'pause_dag', dagId, paused } as AirflowAction);
  }

  async markRun(dagId: string, runId: string, newState: 'success' | 'failed'): Promise<void> {
    await this.act({ kind: 'mark_run', dagId, runId, newState } as AirflowAction);
  }

  async setRunNote(dagId: string, runId: string, note: string): Promise<void> {
    await this.act({ kind: 'set_run_note', dagId, runId, note } as AirflowAction);
  }

  /** Clears every task instance of the run, which runs again. */
  async clearRun(dagId: string, runId: string): Promise<void> {
    const spec: RequestSpec = {
      method: 'POST',
      path: `${this.dagPath(dagId)}/clearTaskInstances`,
      body: { dry_run: false, dag_run_id: runId, only_failed: false, reset_dag_runs: true },
    };
    await this.http.json(spec);
  }

  async deleteRun(dagId: string, runId: string): Promise<void> {
    await this.http.text({ method: 'DELETE', path: `${this.dagPath(dagId)}/dagRuns/${segment(runId)}` });
  }

  async deleteDag(dagId: string): Promise<void> {
    await this.http.text({ method: 'DELETE', path: this.dagPath(dagId) });
  }

  async runs(dagId: string): Promise<RawRun[]> {
    const body = (await this.http.getJson(`${this.dagPath(dagId)}/dagRuns`, { limit: 100, order_by: 'id' })) as { dag_runs: RawRun[] };
    return body.dag_runs;
  }

  async dagExists(dagId: string): Promise<boolean> {
    try {
      await this.http.getJson(this.dagPath(dagId));
      return true;
    } catch {
      return false;
    }
  }

  /**
   * `airflow db clean` of the DAG's runs started before `before`. Airflow 2.11's CLI has no
   * `--dag-ids`, and the peer is shared with other tests: there the same runs are deleted through
   * the API instead (for the cache the effect is the same: runs vanish without a trace).
   */
  async pruneRuns(dagId: string, before: string): Promise<string> {
    if (this.info.major === 3) {
      await run(
        join(this.info.venv, 'bin', 'airflow'),
        ['db', 'clean', '--clean-before-timestamp', before, '--dag-ids', dagId, '--tables', 'dag_run', '--skip-archive', '--yes'],
        { env: { ...process.env, ...this.info.env }, timeout: 120_000 },
      );
      return 'airflow db clean';
    }
    for (const r of await this.runs(dagId)) if (r.start_date !== null && r.start_date < before) await this.deleteRun(dagId, r.dag_run_id);
    return 'API delete (Airflow 2: db clean has no --dag-ids)';
  }

  /** Waits until no run is queued or running, except runs of paused DAGs (which stay queued). */
  async waitQuiet(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let busy: string[] = [];
    while (Date.now() < deadline) {
      const body = (await this.http.getJson(`/api/${this.api}/dags/~/dagRuns`, { state: ['queued', 'running'], limit: 100 })) as {
        dag_runs: RawRun[];
      };
      const dags = [...new Set(body.dag_runs.map((r) => r.dag_id))];
      const paused = new Set<string>();
      for (const dagId of dags) {
        const dag = (await this.http.getJson(this.dagPath(dagId))) as { is_paused: boolean };
        if (dag.is_paused) paused.add(dagId);
      }
      busy = body.dag_runs.filter((r) => !paused.has(r.dag_id)).map((r) => `${r.dag_id}/${r.dag_run_id}:${r.state}`);
      if (busy.length === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    throw new Error(`Airflow still busy after ${timeoutMs} ms: ${busy.join(', ')}`);
  }
}

export const ONCE_DAG = 'orc_model_once';

/**
 * A finished run of the `@once` DAG whose start date is in 2021: unpauses it when it has
 * none (waiting for the DAG to be parsed again if a test deleted it) and waits for the run.
 */
export async function finishedOnceRun(admin: PeerAdmin, timeoutMs: number): Promise<RawRun> {
  const deadline = Date.now() + timeoutMs;
  while (!(await admin.dagExists(ONCE_DAG))) {
    if (Date.now() > deadline) throw new Error(`${ONCE_DAG} was not parsed within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  if ((await admin.runs(ONCE_DAG)).length === 0) await admin.setPaused(ONCE_DAG, false);
  for (;;) {
    const done = (await admin.runs(ONCE_DAG)).find((r) => r.state === 'success' || r.state === 'failed');
    if (done) return done;
    if (Date.now() > deadline) throw new Error(`${ONCE_DAG} made no finished run within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
