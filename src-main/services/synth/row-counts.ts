/** Rows written per cache table. */
export interface RowCounts {
  dags: number;
  tasks: number;
  dag_runs: number;
  task_instances: number;
  task_tries: number;
  task_logs: number;
  assets: number;
  asset_links: number;
  asset_events: number;
  pools: number;
  event_logs: number;
  import_errors: number;
  synth_labels: number;
}

export function emptyCounts(): RowCounts {
  return {
    dags: 0,
    tasks: 0,
    dag_runs: 0,
    task_instances: 0,
    task_tries: 0,
    task_logs: 0,
    assets: 0,
    asset_links: 0,
    asset_events: 0,
    pools: 0,
    event_logs: 0,
    import_errors: 0,
    synth_labels: 0,
  };
}

export function totalRows(counts: RowCounts): number {
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}
