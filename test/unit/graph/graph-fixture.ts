import type Database from 'better-sqlite3';
import { openCache } from '../../../src-main/services/cache/open-cache';
import { makeTempDir } from '../temp-dir';

export const AS_OF = '2026-03-10T12:00:00.000Z';

/**
 * A fixed history in a real cache file. Environment "prod": DAG `ingest`
 * (extract -> load -> publish, publish produces s3://lake/orders, trigger task
 * starts `report`), DAG `mart` scheduled on the asset (build -> check), DAG
 * `report` (render). Environment "stage": DAG `copy` consuming the same URI
 * (the graph spans environments), and an asset nobody produces. Error
 * patterns mined from the failure logs: p1 (a refused connection) failed
 * ingest.load and mart.build, p2 (a timeout) the first try of ingest.load in
 * r0 and a run no longer in the cache.
 */
export function fixtureCache(): { db: Database.Database; cleanup: () => void } {
  const t = makeTempDir('orc-graph-unit-');
  const { db } = openCache(`${t.dir}/cache.sqlite`);
  const env = db.prepare(
    "INSERT INTO environments (id, name, kind, color, synthetic, as_of, created_at) VALUES (?, ?, 'demo', '#000000', 1, ?, ?)",
  );
  env.run('prod', 'Prod', AS_OF, AS_OF);
  env.run('stage', 'Stage', AS_OF, AS_OF);
  const dag = db.prepare('INSERT INTO dags (env_id, dag_id, schedule, owners_json, tags_json) VALUES (?, ?, ?, ?, ?)');
  dag.run('prod', 'ingest', '@hourly', '["data-eng"]', '["orders","tier-1"]');
  dag.run('prod', 'mart', 'Asset', '["data-eng"]', '["orders"]');
  dag.run('prod', 'report', null, '["bi"]', '[]');
  dag.run('stage', 'copy', 'Asset', '["data-eng"]', '[]');
  const task = db.prepare('INSERT INTO tasks (env_id, dag_id, task_id, operator, pool, downstream_json) VALUES (?, ?, ?, ?, ?, ?)');
  task.run('prod', 'ingest', 'extract', 'PythonOperator', 'default_pool', '["load"]');
  task.run('prod', 'ingest', 'load', 'PythonOperator', 'default_pool', '["publish","trigger_report"]');
  task.run('prod', 'ingest', 'publish', 'PythonOperator', 'default_pool', '[]');
  task.run('prod', 'ingest', 'trigger_report', 'TriggerDagRunOperator', 'default_pool', '[]');
  task.run('prod', 'mart', 'build', 'SQLExecuteQueryOperator', null, '["check"]');
  task.run('prod', 'mart', 'check', 'SQLCheckOperator', null, '[]');
  task.run('prod', 'report', 'render', 'PythonOperator', null, '[]');
  task.run('stage', 'copy', 'sync', 'PythonOperator', null, '[]');
  db.prepare("INSERT INTO pools (env_id, name, slots) VALUES ('prod', 'default_pool', 8)").run();
  const asset = db.prepare('INSERT INTO assets (env_id, uri, name) VALUES (?, ?, ?)');
  asset.run('prod', 's3://lake/orders', 'orders');
  asset.run('stage', 's3://lake/orders', 'orders');
  asset.run('stage', 's3://lake/ghost', 'ghost');
  const link = db.prepare('INSERT INTO asset_links (env_id, uri, dag_id, task_id, role) VALUES (?, ?, ?, ?, ?)');
  link.run('prod', 's3://lake/orders', 'ingest', 'publish', 'producer');
  link.run('prod', 's3://lake/orders', 'mart', '', 'consumer');
  link.run('stage', 's3://lake/orders', 'copy', '', 'consumer');
  link.run('stage', 's3://lake/ghost', 'copy', 'sync', 'consumer');
  const run = db.prepare(
    "INSERT INTO dag_runs (env_id, dag_id, run_id, state, run_type, start_date, end_date, dag_version, synced_at) VALUES (?, ?, ?, ?, 'scheduled', ?, ?, ?, ?)",
  );
  run.run('prod', 'ingest', 'r1', 'failed', '2026-03-10T10:00:00.000Z', '2026-03-10T10:05:00.000Z', '2', AS_OF);
  run.run('prod', 'ingest', 'r0', 'success', '2026-03-10T09:00:00.000Z', '2026-03-10T09:04:00.000Z', '1', AS_OF);
  run.run('prod', 'mart', 'm1', 'failed', '2026-03-10T10:30:00.000Z', '2026-03-10T10:40:00.000Z', '1', AS_OF);
  run.run('prod', 'mart', 'old', 'success', '2026-01-01T00:00:00.000Z', '2026-01-01T00:10:00.000Z', '1', AS_OF);
  const ti = db.prepare(
    'INSERT INTO task_instances (env_id, dag_id, run_id, task_id, state, try_number, start_date, end_date, duration_s, hostname) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  ti.run('prod', 'ingest', 'r0', 'extract', 'success', 1, '2026-03-10T09:00:00.000Z', '2026-03-10T09:01:00.000Z', 60, 'w1');
  ti.run('prod', 'ingest', 'r0', 'load', 'success', 2, '2026-03-10T09:01:30.000Z', '2026-03-10T09:03:00.000Z', 90, 'w1');
  ti.run('prod', 'ingest', 'r0', 'publish', 'success', 1, '2026-03-10T09:03:10.000Z', '2026-03-10T09:04:00.000Z', 50, 'w2');
  ti.run('prod', 'ingest', 'r1', 'extract', 'success', 1, '2026-03-10T10:00:00.000Z', '2026-03-10T10:01:00.000Z', 60, 'w1');
  ti.run('prod', 'ingest', 'r1', 'load', 'failed', 1, '2026-03-10T10:01:10.000Z', '2026-03-10T10:02:00.000Z', 50, 'w1');
  ti.run('prod', 'ingest', 'r1', 'publish', 'upstream_failed', 0, null, null, null, null);
  ti.run('prod', 'mart', 'm1', 'build', 'failed', 1, '2026-03-10T10:30:00.000Z', '2026-03-10T10:40:00.000Z', 600, 'w1');
  const pattern = db.prepare(
    `INSERT INTO error_patterns (env_id, pattern_id, template, exception, count, first_seen, last_seen, is_new, daily_json, tasks_json, samples_json)
     VALUES ('prod', ?, ?, ?, ?, ?, ?, ?, '[]', '[]', '[]')`,
  );
  pattern.run(
    'p1',
    'ConnectionRefusedError: [Errno 111] Connection refused to <*>:<*>',
    'ConnectionRefusedError',
    2,
    '2026-03-10T10:02:00.000Z',
    '2026-03-10T10:40:00.000Z',
    1,
  );
  pattern.run(
    'p2',
    'TimeoutError: query exceeded <*> seconds',
    'TimeoutError',
    2,
    '2026-03-01T08:00:00.000Z',
    '2026-03-10T09:01:20.000Z',
    0,
  );
  const hit = db.prepare(
    "INSERT INTO error_pattern_hits (env_id, dag_id, run_id, task_id, map_index, try_number, pattern_id) VALUES ('prod', ?, ?, ?, -1, ?, ?)",
  );
  hit.run('ingest', 'r1', 'load', 1, 'p1');
  hit.run('mart', 'm1', 'build', 1, 'p1');
  hit.run('ingest', 'r0', 'load', 1, 'p2');
  hit.run('ingest', 'gone', 'load', 1, 'p2');
  return { db, cleanup: () => (db.close(), t.cleanup()) };
}
