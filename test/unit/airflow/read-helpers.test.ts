import { describe, expect, it } from 'vitest';
import { fullJitterDelay, retryAfterMs } from '../../../src-main/services/airflow/http/backoff';
import { networkErrorCode, tlsProblem } from '../../../src-main/services/airflow/http/network-error-code';
import { problemDetail } from '../../../src-main/services/airflow/http/problem-detail';
import { isSupportedVersion } from '../../../src-main/services/airflow/detect/version-support';
import { isoTime, secondsBetween } from '../../../src-main/services/airflow/read/iso-time';
import { JsonRecord, AirflowShapeError } from '../../../src-main/services/airflow/read/json-record';
import { structuredLogText } from '../../../src-main/services/airflow/read/structured-log-text';
import { utf8Tail } from '../../../src-main/services/airflow/read/utf8-tail';
import { v1RunRow } from '../../../src-main/services/airflow/v1/v1-run-mappers';
import { v1DagRow } from '../../../src-main/services/airflow/v1/v1-dag-mappers';
import type { V1Dag, V1Run } from '../../../src-main/services/airflow/v1/v1-schemas';
import { v2RunRow } from '../../../src-main/services/airflow/v2/v2-run-mappers';
import type { V2Run } from '../../../src-main/services/airflow/v2/v2-schemas';

describe('timestamps', () => {
  it('normalises Airflow timestamps to ISO UTC with Z', () => {
    expect(isoTime('2026-11-22T01:40:00.173792+00:00')).toBe('2026-11-22T01:40:00.173Z');
    expect(isoTime('2026-11-22T03:40:00+02:00')).toBe('2026-11-22T01:40:00.000Z');
    expect(isoTime('2026-11-22T01:40:00')).toBe('2026-11-22T01:40:00.000Z');
    expect(isoTime('not a date')).toBeNull();
    expect(isoTime(42)).toBeNull();
    expect(secondsBetween('2026-01-01T00:00:00.000Z', '2026-01-01T00:01:30.500Z')).toBe(90.5);
    expect(secondsBetween('2026-01-01T00:00:00.000Z', null)).toBeNull();
  });
});

describe('backoff', () => {
  it('uses full jitter under an exponential, capped ceiling', () => {
    expect(fullJitterDelay(0, 500, 15_000, () => 0.999)).toBe(499);
    expect(fullJitterDelay(3, 500, 15_000, () => 0.5)).toBe(2000);
    expect(fullJitterDelay(10, 500, 15_000, () => 0.999)).toBe(14_985);
    expect(fullJitterDelay(2, 500, 15_000, () => 0)).toBe(0);
  });

  it('reads Retry-After as seconds or an HTTP date, capped', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMs('3', 60_000, now)).toBe(3000);
    expect(retryAfterMs('3600', 60_000, now)).toBe(60_000);
    expect(retryAfterMs('Thu, 01 Jan 2026 00:00:10 GMT', 60_000, now)).toBe(10_000);
    expect(retryAfterMs('Wed, 31 Dec 2025 00:00:00 GMT', 60_000, now)).toBe(0);
    expect(retryAfterMs('soon', 60_000, now)).toBeUndefined();
    expect(retryAfterMs(undefined, 60_000, now)).toBeUndefined();
  });
});

describe('error details', () => {
  it('summarises FastAPI and connexion bodies without 422 inputs', () => {
    expect(problemDetail('{"detail":"Token Expired"}', 'application/json')).toBe('Token Expired');
    expect(problemDetail('{"detail":[{"msg":"Field required","input":{"password":"x1"}}]}', 'application/json')).toBe('Field required');
    expect(problemDetail('{"detail":null,"status":401,"title":"Unauthorized"}', 'application/problem+json')).toBe('Unauthorized');
    expect(problemDetail('<html>502</html>', 'text/html')).toBeNull();
    expect(problemDetail('Unauthorized\n', 'text/plain')).toBe('Unauthorized');
    expect(problemDetail(`{"detail":"${'a'.repeat(500)}\\u0007"}`, 'application/json')?.length).toBe(200);
  });

  it('finds the Node error code inside wrappers and names TLS problems', () => {
    const inner = Object.assign(new Error('x'), { code: 'ECONNREFUSED' });
    expect(networkErrorCode(new AggregateError([inner], 'all failed'))).toBe('ECONNREFUSED');
    expect(
      networkErrorCode(
        Object.assign(new Error('y'), { code: 'UND_ERR_SOCKET', cause: Object.assign(new Error('z'), { code: 'ECONNRESET' }) }),
      ),
    ).toBe('ECONNRESET');
    expect(tlsProblem('CERT_HAS_EXPIRED')).toBe('expired');
    expect(tlsProblem('ERR_TLS_CERT_ALTNAME_INVALID')).toBe('hostname_mismatch');
    expect(tlsProblem('ECONNRESET')).toBeUndefined();
  });
});

describe('versions', () => {
  it('supports Airflow 2.7+ on v1 and 3.x on v2', () => {
    expect(isSupportedVersion('v2', '3.3.2')).toBe(true);
    expect(isSupportedVersion('v2', '4.0.0')).toBe(false);
    expect(isSupportedVersion('v1', '2.11.0+astro.1')).toBe(true);
    expect(isSupportedVersion('v1', '2.6.3')).toBe(false);
    expect(isSupportedVersion('v1', 'unknown')).toBe(false);
  });
});

describe('logs', () => {
  it('renders structured Airflow 3 entries and tracebacks as text lines', () => {
    const text = structuredLogText([
      { event: '::group::Log message source details' },
      'a plain line',
      {
        timestamp: '2026-11-22T01:40:12.960212Z',
        event: 'Task failed with exception',
        level: 'error',
        error_detail: [
          {
            exc_type: 'ValueError',
            exc_value: 'ORC-FIXTURE: schema mismatch in column amount',
            frames: [{ filename: '/dags/x.py', lineno: 7, name: 'validate' }],
          },
        ],
      },
    ]);
    expect(text.split('\n')).toEqual([
      '::group::Log message source details',
      'a plain line',
      '[2026-11-22T01:40:12.960212Z] ERROR - Task failed with exception',
      'Traceback (most recent call last):',
      '  File "/dags/x.py", line 7, in validate',
      'ValueError: ORC-FIXTURE: schema mismatch in column amount',
    ]);
    expect(structuredLogText('already text')).toBe('already text');
    expect(structuredLogText(null)).toBe('');
  });

  it('keeps the last bytes without splitting a UTF-8 character', () => {
    expect(utf8Tail('abc', 10)).toEqual({ content: 'abc', truncated: false });
    const t = utf8Tail('xx€€', 5); // € is 3 bytes: the cut would land inside the first €
    expect(t).toEqual({ content: '€', truncated: true });
    expect(utf8Tail('héllo wörld', 6).content).toBe('wörld');
  });
});

describe('mappers on hostile or partial input', () => {
  it('rejects non-objects and missing required ids', () => {
    expect(() => JsonRecord.of<V2Run>('nope', 'GET /x')).toThrow(AirflowShapeError);
    expect(() => v2RunRow('e', JsonRecord.of<V2Run>({ dag_id: 'd' }, 'run'))).toThrow(/dag_run_id/);
  });

  it('maps a v2 run with versions and a v1 run without duration', () => {
    const v2 = v2RunRow(
      'e',
      JsonRecord.of<V2Run>(
        {
          dag_id: 'd',
          dag_run_id: 'r',
          state: 'success',
          run_type: 'manual',
          logical_date: null,
          run_after: '2026-01-01T00:00:00+00:00',
          start_date: '2026-01-01T00:00:01+00:00',
          end_date: '2026-01-01T00:00:11+00:00',
          duration: null,
          conf: { a: 1 },
          dag_versions: [{ version_number: 1 }, { version_number: 3 }],
          triggered_by: 'rest_api',
          note: '<script>',
        },
        'run',
      ),
    );
    expect(v2).toMatchObject({
      durationS: 10,
      dagVersion: '3',
      confJson: '{"a":1}',
      note: '<script>',
      logicalDate: null,
      runAfter: '2026-01-01T00:00:00.000Z',
    });
    const v1 = v1RunRow(
      'e',
      JsonRecord.of<V1Run>(
        {
          dag_id: 'd',
          dag_run_id: 'r',
          state: 'failed',
          run_type: 'scheduled',
          execution_date: '2026-01-01T00:00:00+00:00',
          data_interval_end: '2026-01-02T00:00:00+00:00',
          start_date: '2026-01-02T00:00:05+00:00',
          end_date: '2026-01-02T00:01:05+00:00',
        },
        'run',
      ),
    );
    expect(v1).toMatchObject({
      durationS: 60,
      logicalDate: '2026-01-01T00:00:00.000Z',
      runAfter: '2026-01-02T00:00:00.000Z',
      queuedAt: null,
    });
  });

  it('maps a v1 cron schedule and ignores junk in arrays', () => {
    const d = v1DagRow(
      'e',
      JsonRecord.of<V1Dag>(
        {
          dag_id: 'x',
          schedule_interval: { __type: 'CronExpression', value: '0 * * * *' },
          owners: ['a', 3, null],
          tags: [{ name: 't' }, 'bad', { name: 5 }],
        },
        'dag',
      ),
    );
    expect(d).toMatchObject({ schedule: '0 * * * *', owners: ['a'], tags: ['t'], isPaused: false });
  });
});
