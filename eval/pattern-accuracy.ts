import type { FailureLog } from '../src-main/services/analytics/history-types';
import { logKey, type MinedPatterns } from '../src-main/services/analytics/patterns/pattern-miner';

/**
 * The generator's own templates, told apart by text only it writes (one per
 * failure cause; out-of-memory has two shapes, pod and local process). This
 * oracle knows the templates; the miner does not.
 */
const ORACLE: readonly (readonly [RegExp, string])[] = [
  [/Connection refused/, 'connection_refused'],
  [/reason: OOMKilled/, 'oom_pod'],
  [/killed by the kernel/, 'oom_process'],
  [/UndefinedColumn/, 'schema_mismatch'],
  [/AccessDenied/, 'permission_denied'],
  [/AirflowTaskTimeout/, 'task_timeout'],
  [/FileNotFoundError/, 'file_not_found'],
  [/AirflowSensorTimeout/, 'sensor_timeout'],
  [/429 Client Error/, 'api_rate_limited'],
  [/UnicodeDecodeError/, 'decode_error'],
  [/CERTIFICATE_VERIFY_FAILED/, 'certificate_expired'],
  [/KeyError/, 'missing_config_key'],
];

export function trueTemplate(content: string): string {
  return ORACLE.find(([re]) => re.test(content))?.[1] ?? 'unknown';
}

/**
 * Grouping accuracy as in Zhu et al. (Loghub, ICSE-SEIP 2019): a log is
 * grouped right only if its mined group holds exactly the logs of its true
 * template, no more and no fewer.
 */
export function groupingAccuracy(
  logs: readonly FailureLog[],
  mined: MinedPatterns,
): { accuracy: number; logs: number; groups: number; templates: number } {
  const predicted = new Map<string, string[]>();
  const truth = new Map<string, string>();
  const trueSize = new Map<string, number>();
  logs.forEach((log, i) => {
    const id = String(i);
    const p = mined.byLog.get(logKey(log.dagId, log.runId, log.taskId, log.mapIndex, log.tryNumber)) ?? `none:${id}`;
    predicted.set(p, [...(predicted.get(p) ?? []), id]);
    const t = trueTemplate(log.content);
    truth.set(id, t);
    trueSize.set(t, (trueSize.get(t) ?? 0) + 1);
  });
  let right = 0;
  for (const members of predicted.values()) {
    const kinds = new Set(members.map((m) => truth.get(m)));
    const only = [...kinds][0];
    if (kinds.size === 1 && only !== undefined && trueSize.get(only) === members.length) right += members.length;
  }
  return { accuracy: logs.length === 0 ? NaN : right / logs.length, logs: logs.length, groups: predicted.size, templates: trueSize.size };
}
