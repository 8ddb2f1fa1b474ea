export interface AirflowTarget {
  kind: string;
  baseUrl: string | null;
}

const seg = encodeURIComponent;

function base(target: AirflowTarget): string | null {
  if (target.kind === 'demo' || target.baseUrl === null) return null;
  try {
    const url = new URL(target.baseUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    // A path prefix (Airflow behind a reverse proxy, Astronomer) is kept; a query or fragment of the base URL is not.
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return null;
  }
}

/** The run in Airflow's own UI (Airflow 3 runs page, Airflow 2 grid); null for synthetic environments. */
export function airflowRunUrl(target: AirflowTarget, dagId: string, runId: string): string | null {
  const root = base(target);
  if (root === null) return null;
  if (target.kind === 'airflow2') return `${root}/dags/${seg(dagId)}/grid?dag_run_id=${seg(runId)}`;
  return `${root}/dags/${seg(dagId)}/runs/${seg(runId)}`;
}

/** The task instance (its logs) in Airflow's own UI. */
export function airflowTaskUrl(target: AirflowTarget, dagId: string, runId: string, taskId: string, mapIndex: number): string | null {
  const root = base(target);
  if (root === null) return null;
  if (target.kind === 'airflow2') {
    const mapped = mapIndex >= 0 ? `&map_index=${mapIndex}` : '';
    return `${root}/dags/${seg(dagId)}/grid?dag_run_id=${seg(runId)}&task_id=${seg(taskId)}${mapped}&tab=logs`;
  }
  const mapped = mapIndex >= 0 ? `/mapped/${mapIndex}` : '';
  return `${root}/dags/${seg(dagId)}/runs/${seg(runId)}/tasks/${seg(taskId)}${mapped}`;
}
