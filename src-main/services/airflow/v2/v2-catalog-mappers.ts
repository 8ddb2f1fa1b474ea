import type { AssetEventRow, AssetLinkRow, AssetRow, EventLogRow, ImportErrorRow, PoolRow } from '../../cache/rows';
import type { JsonRecord } from '../read/json-record';
import type { V2Asset, V2AssetEvent, V2DagAssetRef, V2EventLog, V2ImportError, V2Pool, V2TaskAssetRef } from './v2-schemas';

export function v2ImportErrorRow(envId: string, e: JsonRecord<V2ImportError>): ImportErrorRow {
  return {
    envId,
    errorId: String(e.num('import_error_id')),
    filename: e.optStr('filename') ?? '',
    stackTrace: e.optStr('stack_trace') ?? '',
    timestamp: e.time('timestamp'),
  };
}

export function v2EventLogRow(envId: string, e: JsonRecord<V2EventLog>): EventLogRow {
  return {
    envId,
    eventId: e.num('event_log_id'),
    when: e.time('when') ?? new Date(0).toISOString(),
    event: e.optStr('event') ?? '',
    owner: e.optStr('owner'),
    dagId: e.optStr('dag_id'),
    taskId: e.optStr('task_id'),
    runId: e.optStr('run_id'),
    extra: e.optStr('extra'),
  };
}

export function v2AssetWithLinks(envId: string, a: JsonRecord<V2Asset>): { asset: AssetRow; links: AssetLinkRow[] } {
  const uri = a.str('uri');
  const links: AssetLinkRow[] = [];
  for (const p of a.records<V2TaskAssetRef>('producing_tasks')) {
    links.push({ envId, uri, dagId: p.str('dag_id'), taskId: p.optStr('task_id') ?? '', role: 'producer' });
  }
  for (const c of a.records<V2TaskAssetRef>('consuming_tasks')) {
    links.push({ envId, uri, dagId: c.str('dag_id'), taskId: c.optStr('task_id') ?? '', role: 'consumer' });
  }
  // DAGs scheduled on the asset consume it as a whole: task '' (the cache's DAG-level link).
  for (const s of a.records<V2DagAssetRef>('scheduled_dags')) {
    links.push({ envId, uri, dagId: s.str('dag_id'), taskId: '', role: 'consumer' });
  }
  return { asset: { envId, uri, name: a.optStr('name') }, links };
}

export function v2AssetEventRow(envId: string, e: JsonRecord<V2AssetEvent>): AssetEventRow {
  return {
    envId,
    eventId: String(e.num('id')),
    uri: e.optStr('uri') ?? '',
    timestamp: e.time('timestamp') ?? new Date(0).toISOString(),
    sourceDagId: e.optStr('source_dag_id'),
    sourceTaskId: e.optStr('source_task_id'),
    sourceRunId: e.optStr('source_run_id'),
  };
}

export function v2PoolRow(envId: string, p: JsonRecord<V2Pool>): PoolRow {
  return { envId, name: p.str('name'), slots: p.optNum('slots') ?? 0, description: p.optStr('description') };
}
