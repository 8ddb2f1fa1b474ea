import type { AirflowPeer } from '../../test/env/airflow';
import { createAirflowClient } from '../../src-main/services/airflow/create-airflow-client';
import type { AirflowHttpClient } from '../../src-main/services/airflow/http/airflow-http-client';

/** What reading the same endpoints as a first sync took, with nothing mapped or written. */
export interface RawWalk {
  readonly seconds: number;
  readonly requests: number;
  readonly runs: number;
  readonly taskInstances: number;
  /** Of `seconds`: the two listings alone. */
  readonly listingSeconds: number;
}

type Item = Record<string, unknown>;
const PAGE = 100; // the peer's maximum_page_limit (Airflow's default)
const NEEDS_LOG = new Set(['failed', 'up_for_retry']);

/** Runs `work` over `items` with `parallel` in flight, a new one starting as soon as one ends. */
async function pool<T>(items: readonly T[], parallel: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: parallel }, lane));
}

async function listAll(
  client: AirflowHttpClient,
  path: string,
  key: string,
  query: Record<string, string>,
  parallel: number,
): Promise<Item[]> {
  const first = (await client.getJson(path, { ...query, limit: PAGE, offset: 0 })) as Record<string, unknown>;
  const total = Number(first.total_entries);
  const pages: Item[][] = [first[key] as Item[]];
  const offsets: number[] = [];
  for (let offset = PAGE; offset < total; offset += PAGE) offsets.push(offset);
  await pool(offsets, parallel, async (offset) => {
    const body = (await client.getJson(path, { ...query, limit: PAGE, offset })) as Record<string, unknown>;
    pages[offset / PAGE] = body[key] as Item[];
  });
  return pages.flat();
}

/**
 * The baseline of the first-sync bench: the raw page rate of Airflow's API.
 * Plain offset paging of the cross-DAG run and task-instance listings of the
 * window (the server's page size, `parallel` in flight), then the tries of
 * each task instance with more than one try and the log of each failed or
 * retried try: the requests a first sync cannot do without, as fast as this
 * client sends them, JSON parsed and nothing else.
 */
export async function rawApiWalk(peer: AirflowPeer, windowStart: string, parallel: number): Promise<RawWalk> {
  const client = createAirflowClient({ baseUrl: peer.baseUrl, auth: { kind: 'password', ...peer.users.admin } }, peer.apiVersion);
  try {
    const started = performance.now();
    const window = { order_by: 'id', run_after_gte: windowStart };
    const [runs, tis] = await Promise.all([
      listAll(client, '/api/v2/dags/~/dagRuns', 'dag_runs', window, parallel),
      listAll(client, '/api/v2/dags/~/dagRuns/~/taskInstances', 'task_instances', window, parallel),
    ]);
    const listingSeconds = (performance.now() - started) / 1000;
    const logs: string[] = [];
    const tiPath = (t: Item): string =>
      `/api/v2/dags/${encodeURIComponent(String(t.dag_id))}/dagRuns/${encodeURIComponent(String(t.dag_run_id))}/taskInstances/${encodeURIComponent(String(t.task_id))}`;
    const retried = tis.filter((t) => Number(t.try_number) > 1 || t.state === 'up_for_retry');
    const once = tis.filter((t) => t.state === 'failed' && Number(t.try_number) === 1);
    for (const t of once) logs.push(`${tiPath(t)}/logs/${String(t.try_number)}?map_index=${String(t.map_index)}`);
    await pool(retried, parallel, async (t) => {
      const body = (await client.getJson(`${tiPath(t)}/tries`, { map_index: Number(t.map_index) })) as { task_instances: Item[] };
      for (const tr of body.task_instances) {
        if (NEEDS_LOG.has(String(tr.state))) logs.push(`${tiPath(t)}/logs/${String(tr.try_number)}?map_index=${String(t.map_index)}`);
      }
    });
    await pool(logs, parallel, async (url) => {
      const [path, query] = url.split('?') as [string, string];
      await client.getJson(path, { full_content: true, map_index: Number(query.slice('map_index='.length)) });
    });
    return {
      seconds: (performance.now() - started) / 1000,
      requests: client.requestCount(),
      runs: runs.length,
      taskInstances: tis.length,
      listingSeconds,
    };
  } finally {
    await client.close();
  }
}
