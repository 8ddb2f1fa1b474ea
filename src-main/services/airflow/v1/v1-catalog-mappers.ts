import type { AssetEventRow, AssetLinkRow, AssetRow, EventLogRow, ImportErrorRow, PoolRow } from '../../cache/rows';
import type { JsonRecord } from '../read/json-record';
import type { V1DagDatasetRef, V1Dataset, V1DatasetEvent, V1EventLog, V1ImportError, V1Pool, V1TaskDatasetRef } from './v1-schemas';

export function v1ImportErrorRow(envId: string, e: JsonRecord<V1ImportError>): ImportErrorRow {
  return {
    envId,
    errorId: String(e.num('import_error_id')),
    filename: e.optStr('filename') ?? '',
    stackTrace: e.optStr('stack_trace') ?? '',
    timestamp: e.time('timestamp'),
  };
}

export function v1EventLogRow(envId: string, e: JsonRecord<V1EventLog>): EventLogRow {
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

/** Datasets: producing tasks, and DAGs scheduled on the dataset (task '' = the whole DAG). */
export function v1DatasetWithLinks(envId: string, d: JsonRecord<V1Dataset>): { asset: AssetRow; links: AssetLinkRow[] } {
  const uri = d.str('uri');
  const links: AssetLinkRow[] = [];
  for (const p of d.records<V1TaskDatasetRef>('producing_tasks')) {
    const dagId = p.optStr('dag_id');
    if (dagId !== null) links.push({ envId, uri, dagId, taskId: p.optStr('task_id') ?? '', role: 'producer' });
  }
  for (const c of d.records<V1DagDatasetRef>('consuming_dags')) {
    const dagId = c.optStr('dag_id');
    if (dagId !== null) links.push({ envId, uri, dagId, taskId: '', role: 'consumer' });
  }
  return { asset: { envId, uri, name: null }, links };
}

/**
 * Dataset events have no id in the v1 API: the id is the dataset id plus Airflow's own timestamp text
 * (microseconds), which the database keeps unique per dataset in practice.
 */
export function v1DatasetEventRow(envId: string, e: JsonRecord<V1DatasetEvent>): AssetEventRow {
  const rawTimestamp = e.optStr('timestamp') ?? '';
  return {
    envId,
    eventId: `${e.optNum('dataset_id') ?? '?'}@${rawTimestamp}`,
    uri: e.optStr('dataset_uri') ?? '',
    timestamp: e.time('timestamp') ?? new Date(0).toISOString(),
    sourceDagId: e.optStr('source_dag_id'),
    sourceTaskId: e.optStr('source_task_id'),
    sourceRunId: e.optStr('source_run_id'),
  };
}

export function v1PoolRow(envId: string, p: JsonRecord<V1Pool>): PoolRow {
  return { envId, name: p.str('name'), slots: p.optNum('slots') ?? 0, description: p.optStr('description') };
}
