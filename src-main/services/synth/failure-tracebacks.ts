import type { Rng } from './prng';
import type { FailureCause } from './failure-causes';

/** What a cause-specific part of a failure log needs to vary realistically. */
export interface TracebackInput {
  readonly rng: Rng;
  readonly dagFile: string;
  readonly entity: string;
  readonly resource: string;
  readonly day: string;
  readonly pid: number;
  readonly durationS: number;
  readonly operator: string;
}

/** INFO lines the task printed before failing, the traceback frames, and the exception line(s). */
export interface FailureBody {
  readonly progress: readonly string[];
  readonly frames: readonly string[];
  readonly exception: string;
  /** Short reason in "Failed to execute job" lines. */
  readonly short: string;
}

const SITE = '/home/airflow/.local/lib/python3.11/site-packages';

function userFrame(i: TracebackInput, fn: string, code: string): string[] {
  return [`  File "${i.dagFile}", line ${i.rng.int(20, 240)}, in ${fn}`, `    ${code}`];
}

function hex(rng: Rng, n: number): string {
  let s = '';
  for (let k = 0; k < n; k++) s += '0123456789ABCDEF'[rng.int(0, 15)];
  return s;
}

function ip(rng: Rng): string {
  return `10.${rng.int(0, 9)}.${rng.int(0, 255)}.${rng.int(2, 254)}`;
}

type Render = (i: TracebackInput) => FailureBody;

const BODIES: Readonly<Record<FailureCause, Render>> = {
  connection_refused: (i) => ({
    progress: [`Using connection ID '${i.entity.split('_')[0]}_replica' for task execution.`],
    frames: [
      `  File "${SITE}/airflow/providers/common/sql/operators/sql.py", line 282, in execute`,
      '    output = hook.run(',
      `  File "${SITE}/airflow/providers/common/sql/hooks/sql.py", line 418, in run`,
      '    with closing(self.get_conn()) as conn:',
      `  File "${SITE}/airflow/providers/postgres/hooks/postgres.py", line 175, in get_conn`,
      '    self.conn = psycopg2.connect(**conn_args)',
      `  File "${SITE}/psycopg2/__init__.py", line 122, in connect`,
      '    conn = _connect(dsn, connection_factory=connection_factory, **kwasync)',
    ],
    exception: `psycopg2.OperationalError: connection to server at "${i.resource}" (${ip(i.rng)}), port 5432 failed: Connection refused\n\tIs the server running on that host and accepting TCP/IP connections?`,
    short: 'connection refused',
  }),
  oom_killed: (i) => {
    const pod = `${i.entity.replace(/_/g, '-')}-${hex(i.rng, 8).toLowerCase()}`;
    return {
      progress: [
        `Building pod ${pod} with labels: {'dag_id': '...', 'try_number': '1'}`,
        `Pod ${pod} has phase Running`,
        `Container base terminated: reason=OOMKilled exit_code=137 memory_limit=${i.rng.pick([2, 4, 8, 16])}Gi`,
      ],
      frames: [
        `  File "${SITE}/airflow/providers/cncf/kubernetes/operators/pod.py", line 641, in execute`,
        '    return self.execute_sync(context)',
        `  File "${SITE}/airflow/providers/cncf/kubernetes/operators/pod.py", line 723, in execute_sync`,
        '    self.cleanup(',
        `  File "${SITE}/airflow/providers/cncf/kubernetes/operators/pod.py", line 1064, in cleanup`,
        '    raise AirflowException(',
      ],
      exception: `airflow.exceptions.AirflowException: Pod ${pod} returned a failure.\nreason: OOMKilled, exit code 137 (Negsignal.SIGKILL), pid ${i.pid}`,
      short: 'Negsignal.SIGKILL',
    };
  },
  schema_mismatch: (i) => {
    const column = i.rng.pick(['discount_code', 'channel_id', 'currency_iso', 'segment_v2', 'region_code', 'is_test']);
    return {
      progress: [
        `Running statement: INSERT INTO analytics.fct_${i.entity} SELECT * FROM staging.${i.entity}_${i.day.replace(/-/g, '')}, parameters: None`,
      ],
      frames: [`  File "${SITE}/airflow/providers/common/sql/hooks/sql.py", line 475, in _run_command`, '    cur.execute(sql_statement)'],
      exception: `psycopg2.errors.UndefinedColumn: column "${column}" of relation "fct_${i.entity}" does not exist\nLINE 1: INSERT INTO analytics.fct_${i.entity} (id, ${column}, updated_at) VALUES (%s, %s, %s)`,
      short: `column "${column}" does not exist`,
    };
  },
  permission_denied: (i) => {
    const key = `s3://lake-raw/${i.entity}/${i.day}/part-${String(i.rng.int(0, 63)).padStart(5, '0')}.parquet`;
    return {
      progress: [`Downloading ${key} (request id ${hex(i.rng, 16)})`],
      frames: [
        ...userFrame(i, 'download_partition', 'obj = s3.get_key(key, bucket_name=bucket)'),
        `  File "${SITE}/airflow/providers/amazon/aws/hooks/s3.py", line 1002, in get_key`,
        '    obj.load(**sanitize_extra_args())',
        `  File "${SITE}/botocore/client.py", line 1023, in _make_api_call`,
        '    raise error_class(parsed_response, operation_name)',
      ],
      exception: 'botocore.exceptions.ClientError: An error occurred (AccessDenied) when calling the GetObject operation: Access Denied',
      short: 'AccessDenied',
    };
  },
  task_timeout: (i) => ({
    progress: [`Processed ${i.rng.int(1_000, 900_000)} rows so far`, `Process timed out, PID: ${i.pid}`],
    frames: [
      ...userFrame(i, 'run_batch', 'for chunk in reader.iter_chunks(size=50_000):'),
      `  File "${SITE}/airflow/utils/timeout.py", line 69, in handle_timeout`,
      '    raise AirflowTaskTimeout(self.error_message)',
    ],
    exception: `airflow.exceptions.AirflowTaskTimeout: Timeout, PID: ${i.pid}`,
    short: 'Timeout',
  }),
  file_not_found: (i) => {
    const file = `/data/incoming/${i.entity}/${i.day}/part-${String(i.rng.int(0, 999)).padStart(4, '0')}.csv`;
    return {
      progress: [`Reading ${file}`],
      frames: [...userFrame(i, 'load_file', 'with open(path, "r", encoding="utf-8") as fh:')],
      exception: `FileNotFoundError: [Errno 2] No such file or directory: '${file}'`,
      short: 'No such file or directory',
    };
  },
  sensor_timeout: (i) => {
    const key = `s3://landing/${i.entity}/${i.day}/_SUCCESS`;
    const timeout = i.rng.pick([1800, 3600, 7200]);
    return {
      progress: [`Poking for key : ${key}`, `Poking for key : ${key}`, `Poking for key : ${key}`],
      frames: [`  File "${SITE}/airflow/sensors/base.py", line 310, in execute`, '    raise AirflowSensorTimeout(message)'],
      exception: `airflow.exceptions.AirflowSensorTimeout: Sensor has timed out; run duration of ${Math.round(i.durationS)} seconds exceeds the specified timeout of ${timeout}.`,
      short: 'Sensor has timed out',
    };
  },
  api_rate_limited: (i) => {
    const url = `https://api.${i.rng.pick(['partnerhub', 'shopsync', 'adsgateway'])}.com/v2/${i.entity}?page=${i.rng.int(1, 400)}&since=${i.day}`;
    return {
      progress: [`Fetching ${url}`],
      frames: [
        ...userFrame(i, 'fetch_page', 'response.raise_for_status()'),
        `  File "${SITE}/requests/models.py", line 1024, in raise_for_status`,
        '    raise HTTPError(http_error_msg, response=self)',
      ],
      exception: `requests.exceptions.HTTPError: 429 Client Error: Too Many Requests for url: ${url}`,
      short: '429 Too Many Requests',
    };
  },
  decode_error: (i) => ({
    progress: [`Decoding feed batch ${i.rng.int(1, 9_999)}`],
    frames: [...userFrame(i, 'parse_feed', 'text = payload.decode("utf-8")')],
    exception: `UnicodeDecodeError: 'utf-8' codec can't decode byte 0x${hex(i.rng, 2).toLowerCase()} in position ${i.rng.int(0, 65_535)}: invalid start byte`,
    short: 'UnicodeDecodeError',
  }),
  certificate_expired: (i) => ({
    progress: [`Connecting to https://${i.resource.replace('.internal', '.partner.example')}`],
    frames: [
      `  File "${SITE}/urllib3/connectionpool.py", line 467, in _make_request`,
      '    self._validate_conn(conn)',
      `  File "/usr/local/lib/python3.11/ssl.py", line 1379, in do_handshake`,
      '    self._sslobj.do_handshake()',
    ],
    exception:
      'ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: certificate has expired (_ssl.c:1006)',
    short: 'CERTIFICATE_VERIFY_FAILED',
  }),
  missing_config_key: (i) => {
    const key = i.rng.pick(['customer_segment', 'fx_rate_table', 'target_schema', 'feature_set_version']);
    return {
      progress: ['Loading job configuration from Variable "pipeline_config"'],
      frames: [...userFrame(i, 'load_config', `table = config["${key}"]`)],
      exception: `KeyError: '${key}'`,
      short: `KeyError '${key}'`,
    };
  },
};

export function failureBody(cause: FailureCause, input: TracebackInput): FailureBody {
  return BODIES[cause](input);
}
