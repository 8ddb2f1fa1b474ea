/** Inputs of the failure model, in column order, with what each means to a person. */
export const FEATURES = [
  'fail_rate_10',
  'last_failed',
  'fail_streak',
  'retry_rate_10',
  'duration_trend',
  'dag_failures_24h',
  'env_failures_6h',
  'version_changed',
  'hour_sin',
  'hour_cos',
  'weekend',
  'long_run_fail_rate',
  'pool_failures_24h',
] as const;
export type FeatureName = (typeof FEATURES)[number];
export const FEATURE_COUNT = FEATURES.length;
