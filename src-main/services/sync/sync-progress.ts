export type SyncStep =
  | 'pools'
  | 'dags'
  | 'tasks'
  | 'runs'
  | 'task_instances'
  | 'tries_and_logs'
  | 'import_errors'
  | 'event_logs'
  | 'assets'
  | 'asset_events'
  | 'reconcile';

export interface SyncProgress {
  step: SyncStep;
  done: number;
  total: number | null;
}

/** What one sync did: rows actually changed per step, and HTTP requests made. */
export interface SyncReport {
  envId: string;
  startedAt: string;
  finishedAt: string;
  written: Record<SyncStep, number>;
  requests: number;
  markedDeleted: number;
}

export const emptyWritten = (): Record<SyncStep, number> => ({
  pools: 0,
  dags: 0,
  tasks: 0,
  runs: 0,
  task_instances: 0,
  tries_and_logs: 0,
  import_errors: 0,
  event_logs: 0,
  assets: 0,
  asset_events: 0,
  reconcile: 0,
});
