import type { SeriesPoint } from '../../../../src-shared/domain/analytics';
import { severityOf, type Finding } from '../finding';
import { dailyCounts, type MinedPattern } from '../patterns/pattern-miner';
import { formatDay, isoOf } from './format';

const DAY = 86_400_000;

function countSeries(p: MinedPattern, endMs: number): SeriesPoint[] {
  const days = Math.max(14, Math.ceil((endMs - p.firstSeenMs) / DAY) + 7);
  const start = endMs - days * DAY;
  return dailyCounts(p.times, endMs, days).map((c, k) => ({
    t: isoOf(start + (k + 1) * DAY),
    observed: c,
    expected: 0,
    lo: 0,
    hi: 0,
    flagged: c > 0,
    runId: null,
  }));
}

/** One finding per pattern first seen after the warm-up: the environment never failed that way before. */
export function newPatternFindings(patterns: readonly MinedPattern[], known: number, asOfMs: number): Finding[] {
  return patterns
    .filter((p) => p.isNew && p.confirmedMs !== null)
    .map((p) => {
      const score = Math.min(30, 7 + Math.log2(1 + p.count) + p.tasks.size);
      return {
        kind: 'new_error_pattern',
        dagId: p.first.dagId,
        taskId: p.first.taskId,
        runId: p.first.runId,
        severity: severityOf(score),
        score,
        startsMs: p.firstSeenMs,
        endsMs: p.lastSeenMs,
        detectedMs: p.confirmedMs ?? p.firstSeenMs,
        title: `New error: ${p.exception}`,
        expected: `one of the ${known} failure patterns this environment already knew`,
        observed: `a pattern never seen before, first at ${formatDay(p.firstSeenMs)}; ${p.count} occurrence${p.count > 1 ? 's' : ''} in ${p.tasks.size} task${p.tasks.size > 1 ? 's' : ''} since`,
        why: `A new way of failing usually means something changed: a dependency, data, credentials or an API. Confirmed new: with ${p.failuresBefore} failures logged before it, a pattern this frequent would have shown up already.`,
        unit: 'failures / day',
        series: countSeries(p, Math.min(asOfMs, p.lastSeenMs + 7 * DAY)),
        causes: [{ kind: 'pattern', value: p.template, detail: `Pattern ${p.patternId}: ${p.first.line}` }],
        runIds: [p.first.runId],
      } satisfies Finding;
    });
}
