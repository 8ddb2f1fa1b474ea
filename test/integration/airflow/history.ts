/** Creates run history on a peer Airflow over its REST API (admin), and waits for it to finish. */
import type { AirflowPeerInfo } from '../../env/airflow';
import type { DagRunRow } from '../../../src-main/services/cache/rows';
import { AirflowHttpClient } from '../../../src-main/services/airflow/http/airflow-http-client';
import { authProviderFor } from '../../../src-main/services/airflow/create-airflow-client';
import { segment } from '../../../src-main/services/airflow/http/query-string';
import type { AirflowSource } from '../../../src-main/services/airflow/airflow-source';

/** The fixture DAGs triggered once each; orc_asset_consumer follows from orc_asset_producer's asset event. */
export const TRIGGERED_DAGS = ['orc_linear_etl', 'orc_always_fails', 'orc_flaky_retry', 'orc_asset_producer', 'orc_mapped'] as const;
const TERMINAL = new Set(['success', 'failed']);

export async function triggerFixtureRuns(af: AirflowPeerInfo): Promise<Array<{ dagId: string; runId: string }>> {
  const auth = authProviderFor({ kind: 'password', ...af.users.admin }, af.apiVersion);
  const http = new AirflowHttpClient({ baseUrl: af.baseUrl }, auth);
  try {
    const runs: Array<{ dagId: string; runId: string }> = [];
    for (const dagId of TRIGGERED_DAGS) {
      const body = await http.json({
        method: 'POST',
        path: `/api/${af.apiVersion}/dags/${segment(dagId)}/dagRuns`,
        body: af.apiVersion === 'v2' ? { logical_date: null } : {},
      });
      runs.push({ dagId, runId: String((body as { dag_run_id: unknown }).dag_run_id) });
    }
    return runs;
  } finally {
    await http.close();
  }
}

async function allRuns(source: AirflowSource): Promise<DagRunRow[]> {
  const rows: DagRunRow[] = [];
  for (let offset = 0; ; offset += 100) {
    const page = await source.listRuns({ offset, limit: 100 });
    rows.push(...page.items);
    if (page.items.length === 0 || rows.length >= page.total) return rows;
  }
}

/** Polls until the triggered runs and one orc_asset_consumer run are finished. */
export async function waitForHistory(
  source: AirflowSource,
  runs: Array<{ dagId: string; runId: string }>,
  timeoutMs: number,
): Promise<DagRunRow[]> {
  const deadline = Date.now() + timeoutMs;
  let last: DagRunRow[] = [];
  while (Date.now() < deadline) {
    last = await allRuns(source);
    const done = runs.every((r) => last.some((x) => x.dagId === r.dagId && x.runId === r.runId && TERMINAL.has(x.state)));
    const consumer = last.some((x) => x.dagId === 'orc_asset_consumer' && TERMINAL.has(x.state));
    if (done && consumer) return last;
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
  throw new Error(`history not finished in ${timeoutMs} ms: ${JSON.stringify(last.map((r) => [r.dagId, r.state]))}`);
}
