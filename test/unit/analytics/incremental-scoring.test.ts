import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnvHistory } from '../../../src-main/services/analytics/history-load';
import type { EnvHistory, TaskSeries } from '../../../src-main/services/analytics/history-types';
import { scoreIncrementally, ScoringCache } from '../../../src-main/services/analytics/incremental-scoring';
import { scoreEnvironment } from '../../../src-main/services/analytics/score-environment';
import { AS_OF, generate, type Generated } from '../synth/synth-fixture';

const HOUR = 3_600_000;

function before(s: TaskSeries, cutMs: number): TaskSeries {
  let n = 0;
  while (n < s.length && (s.startMs[n] ?? 0) < cutMs) n++;
  return {
    ...s,
    runIds: s.runIds.slice(0, n),
    mapIndexes: s.mapIndexes.slice(0, n),
    startMs: s.startMs.slice(0, n),
    endMs: s.endMs.slice(0, n),
    queuedMs: s.queuedMs.slice(0, n),
    durationS: s.durationS.slice(0, n),
    exhausted: s.exhausted.slice(0, n),
    succeeded: s.succeeded.slice(0, n),
    failedTries: s.failedTries.slice(0, n),
    tries: s.tries.slice(0, n),
    hostnames: s.hostnames.slice(0, n),
    length: n,
  };
}

/** The history as the cache held it before a sync that brought everything after `cutMs` for the DAGs in `synced`. */
function beforeSync(h: EnvHistory, cutMs: number, synced: (dagId: string) => boolean): EnvHistory {
  const series = h.series.map((s) => (synced(s.dagId) ? before(s, cutMs) : s)).filter((s) => s.length > 0);
  const runsByDag = new Map(
    [...h.runsByDag].map(([dagId, runs]) => [dagId, synced(dagId) ? runs.filter((r) => !(r.queuedMs >= cutMs)) : runs]),
  );
  const logs = h.logs.filter((l) => !(synced(l.dagId) && l.endedMs >= cutMs));
  return { ...h, series, runsByDag, logs, taskInstanceCount: series.reduce((a, s) => a + s.length, 0) };
}

const findingsOf = (f: { findings: readonly unknown[] }): string => JSON.stringify(f.findings);
const patternsOf = (f: ReturnType<typeof scoreEnvironment>): string =>
  JSON.stringify([f.patterns.patterns.map((p) => [p.patternId, p.count, p.isNew]), [...f.patterns.byLog]]);

describe('incremental scoring after a sync', () => {
  let g: Generated;
  let history: EnvHistory;
  beforeAll(() => {
    g = generate({ dags: 12, days: 45, seed: 7 });
    history = loadEnvHistory(g.db, 'demo', AS_OF);
  }, 60_000);
  afterAll(() => g.dispose());

  it('gives exactly the findings and patterns of a full rescoring, re-scoring only the tasks that got new rows', () => {
    const full = scoreEnvironment(history);
    const dags = [...new Set(history.series.map((s) => s.dagId))];
    const synced = new Set(dags.slice(0, 3));
    const cache = new ScoringCache();
    const first = scoreIncrementally(
      beforeSync(history, history.asOfMs - 30 * HOUR, (d) => synced.has(d)),
      cache,
    );
    expect(first.stats.seriesRescored).toBe(first.stats.seriesTotal);
    const after = scoreIncrementally(history, cache);
    expect(findingsOf(after)).toBe(findingsOf(full));
    expect(patternsOf(after)).toBe(patternsOf(full));
    const syncedTasks = history.series.filter((s) => synced.has(s.dagId)).length;
    expect(after.stats.seriesRescored).toBeGreaterThan(0);
    expect(after.stats.seriesRescored).toBeLessThanOrEqual(syncedTasks);
    expect(after.stats.dagsRescored).toBeLessThanOrEqual(3);
    expect(after.stats.rowsRescored).toBeLessThan(history.taskInstanceCount / 2);
  }, 60_000);

  it('equals a full rescoring when every DAG got new rows, and re-scores nothing when nothing changed', () => {
    const cache = new ScoringCache();
    scoreIncrementally(
      beforeSync(history, history.asOfMs - 12 * HOUR, () => true),
      cache,
    );
    const after = scoreIncrementally(history, cache);
    expect(findingsOf(after)).toBe(findingsOf(scoreEnvironment(history)));
    const again = scoreIncrementally(history, cache);
    expect(again.stats.rowsRescored).toBe(0);
    expect(again.stats.dagsRescored).toBe(0);
    expect(findingsOf(again)).toBe(findingsOf(after));
  }, 60_000);
});
