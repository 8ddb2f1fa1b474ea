import type { RunInfo, TaskSeries } from '../history-types';

/**
 * Where a run sits in the data's calendar: its logical date, else its run_after (Airflow 3 manual runs may have
 * no logical date), else NaN. A catch-up or backfill run executed today still belongs to its own day.
 */
export function runLogicalMs(r: RunInfo): number {
  if (Number.isFinite(r.logicalMs)) return r.logicalMs;
  return Number.isFinite(r.runAfterMs) ? r.runAfterMs : NaN;
}

/** Each task series with the logical date of each instance's run (the instance's start where the run has none). */
export function withLogicalTimes(series: readonly TaskSeries[], runsByDag: ReadonlyMap<string, readonly RunInfo[]>): TaskSeries[] {
  const byDag = new Map<string, Map<string, number>>();
  return series.map((s) => {
    let logical = byDag.get(s.dagId);
    if (logical === undefined) {
      logical = new Map((runsByDag.get(s.dagId) ?? []).map((r) => [r.runId, runLogicalMs(r)]));
      byDag.set(s.dagId, logical);
    }
    const out = new Float64Array(s.length);
    for (let i = 0; i < s.length; i++) {
      const t = logical.get(s.runIds[i] ?? '') ?? NaN;
      out[i] = Number.isFinite(t) ? t : (s.startMs[i] ?? NaN);
    }
    return { ...s, logicalMs: out };
  });
}
