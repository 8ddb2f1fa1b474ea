import type { Rng } from './prng';

/** Causes that appear in background failures from the first day of history. */
export type CommonCause =
  | 'connection_refused'
  | 'oom_killed'
  | 'schema_mismatch'
  | 'permission_denied'
  | 'task_timeout'
  | 'file_not_found'
  | 'sensor_timeout';

/** Causes reserved for "new error pattern" incidents: they never occur before their label's first occurrence. */
export type NewErrorCause = 'api_rate_limited' | 'decode_error' | 'certificate_expired' | 'missing_config_key';

export type FailureCause = CommonCause | NewErrorCause;

export const NEW_ERROR_CAUSES: readonly NewErrorCause[] = ['api_rate_limited', 'decode_error', 'certificate_expired', 'missing_config_key'];

const BY_OPERATOR: Readonly<Record<string, readonly (readonly [CommonCause, number])[]>> = {
  SQLExecuteQueryOperator: [
    ['connection_refused', 0.5],
    ['schema_mismatch', 0.2],
    ['task_timeout', 0.3],
  ],
  PythonOperator: [
    ['file_not_found', 0.35],
    ['permission_denied', 0.25],
    ['task_timeout', 0.2],
    ['oom_killed', 0.2],
  ],
  BashOperator: [
    ['file_not_found', 0.5],
    ['oom_killed', 0.3],
    ['task_timeout', 0.2],
  ],
  KubernetesPodOperator: [
    ['oom_killed', 0.7],
    ['task_timeout', 0.3],
  ],
  S3KeySensor: [
    ['sensor_timeout', 0.7],
    ['permission_denied', 0.3],
  ],
  HttpOperator: [
    ['task_timeout', 0.6],
    ['connection_refused', 0.4],
  ],
  S3ToRedshiftOperator: [
    ['permission_denied', 0.5],
    ['schema_mismatch', 0.5],
  ],
};

/** An ordinary failure cause that fits the operator. */
export function backgroundCause(operator: string, rng: Rng): CommonCause {
  const choices = BY_OPERATOR[operator];
  return choices ? rng.weighted(choices) : 'task_timeout';
}

/** The exception class a cause's log ends with (what a log-template miner groups on). */
export const EXCEPTION_OF: Readonly<Record<FailureCause, string>> = {
  connection_refused: 'psycopg2.OperationalError',
  oom_killed: 'Negsignal.SIGKILL',
  schema_mismatch: 'psycopg2.errors.UndefinedColumn',
  permission_denied: 'botocore.exceptions.ClientError',
  task_timeout: 'airflow.exceptions.AirflowTaskTimeout',
  file_not_found: 'FileNotFoundError',
  sensor_timeout: 'airflow.exceptions.AirflowSensorTimeout',
  api_rate_limited: 'requests.exceptions.HTTPError',
  decode_error: 'UnicodeDecodeError',
  certificate_expired: 'ssl.SSLCertVerificationError',
  missing_config_key: 'KeyError',
};
