const TYPE_PREFIX = /^(scheduled|manual|backfill|dataset_triggered|asset_triggered|asset_materialization)__(.+)$/;

/**
 * The part of a run id worth reading in a narrow column: Airflow's
 * `scheduled__2025-06-02T10:45:00+00:00` becomes the timestamp (the type has
 * its own column and the full id stays in the tooltip and the detail panel).
 */
export function runIdLabel(runId: string): string {
  const match = TYPE_PREFIX.exec(runId);
  return match?.[2] ?? runId;
}
