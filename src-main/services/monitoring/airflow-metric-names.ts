import type { HeartbeatComponent } from '../../../src-shared/domain/monitoring';

/**
 * Airflow's metric names as Prometheus sees them (airflow-api-notes §6): dots become underscores
 * through statsd_exporter or an OpenTelemetry collector; OTel counters usually gain `_total`.
 */
export const HEARTBEAT_COUNTERS: Readonly<Record<HeartbeatComponent, string>> = {
  scheduler: 'airflow_scheduler_heartbeat',
  triggerer: 'airflow_triggerer_heartbeat',
  dag_processor: 'airflow_dag_processor_heartbeat',
};

export const GAUGES = {
  openSlots: 'airflow_executor_open_slots',
  queuedTasks: 'airflow_executor_queued_tasks',
  runningTasks: 'airflow_executor_running_tasks',
  starvingTasks: 'airflow_scheduler_tasks_starving',
  importErrors: 'airflow_dag_processing_import_errors',
} as const;
export type GaugeKey = keyof typeof GAUGES;

/** The `dagrun.schedule_delay` timer: a summary or histogram (`_sum`, `_count`) or an OTel gauge in ms. */
export const SCHEDULE_DELAY = 'airflow_dagrun_schedule_delay';

/** A counter under either naming: `name` (StatsD exporter) or `name_total` (OpenTelemetry). */
export function counterSelector(name: string): string {
  return `{__name__=~"${name}(_total)?"}`;
}

/**
 * A gauge, also in the per-executor or per-pool form older Airflow emits (`name_<suffix>`);
 * `sumGauge` prefers the plain name when both exist so nothing is counted twice.
 */
export function gaugeSelector(name: string): string {
  return `{__name__=~"${name}(_[A-Za-z0-9_]+)?"}`;
}

/** Every series of the schedule-delay timer, also the legacy per-DAG ones (`..._<dag_id>_sum`). */
export function timerSelector(name: string): string {
  return `{__name__=~"${name}(_.+)?"}`;
}
