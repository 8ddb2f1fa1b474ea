import type Database from 'better-sqlite3';

/** A stretch of time a DAG was paused (`toMs` Infinity: still paused as far as the audit log tells). */
export interface PauseSpan {
  readonly fromMs: number;
  readonly toMs: number;
}

const PAUSE_EVENTS_SQL = `SELECT dag_id, when_ts, event, extra FROM event_logs
  WHERE env_id = ? AND dag_id IS NOT NULL AND (event LIKE '%pause%' OR event = 'patch_dag') ORDER BY when_ts`;

/**
 * Whether an audit entry paused (true) or unpaused (false) its DAG; null when it did neither. Airflow 3 logs
 * `patch_dag` with `"is_paused": true|false` in its extra; the CLI logs `cli_dag_pause` / `cli_dag_unpause`.
 */
export function pauseChange(event: string, extra: string | null): boolean | null {
  if (/unpause/i.test(event)) return false;
  if (/^cli_dag_pause$|^dag_pause$/i.test(event)) return true;
  const flag = /"is_paused"\s*:\s*"?(true|false)"?/i.exec(extra ?? '')?.[1];
  return flag === undefined ? null : flag.toLowerCase() === 'true';
}

/** Paused stretches of each DAG from the audit log, oldest first. */
export function pauseSpansOf(
  rows: readonly (readonly [dagId: string, whenIso: string, event: string, extra: string | null])[],
): Map<string, PauseSpan[]> {
  const open = new Map<string, number>();
  const spans = new Map<string, PauseSpan[]>();
  for (const [dagId, when, event, extra] of rows) {
    const paused = pauseChange(event, extra);
    const at = Date.parse(when);
    if (paused === null || !Number.isFinite(at)) continue;
    if (paused) {
      if (!open.has(dagId)) open.set(dagId, at);
      continue;
    }
    const from = open.get(dagId);
    if (from === undefined) continue;
    open.delete(dagId);
    spans.set(dagId, [...(spans.get(dagId) ?? []), { fromMs: from, toMs: at }]);
  }
  for (const [dagId, from] of open) spans.set(dagId, [...(spans.get(dagId) ?? []), { fromMs: from, toMs: Infinity }]);
  return spans;
}

/** Reads the paused stretches of an environment's DAGs (fixed SQL, bound environment id). */
export function loadPauseSpans(db: Database.Database, envId: string): Map<string, PauseSpan[]> {
  return pauseSpansOf(db.prepare(PAUSE_EVENTS_SQL).raw().all(envId) as [string, string, string, string | null][]);
}

export function inPause(spans: readonly PauseSpan[], ms: number): boolean {
  return spans.some((s) => ms >= s.fromMs && ms <= s.toMs);
}
