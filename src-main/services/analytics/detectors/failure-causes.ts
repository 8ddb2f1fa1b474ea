import type { CauseHint } from '../../../../src-shared/domain/analytics';
import type { FailureContext, FailureStreak } from './failure-context';
import { formatDay } from './format';

const HOUR = 3_600_000;

/**
 * Proposes the shared upstream of a failure episode: the error pattern, the
 * host and pool it ran on, the assets whose consumers starve, and the other
 * tasks that failed in the same window (with the same error, when they did).
 */
export function proposeCauses(streaks: readonly FailureStreak[], all: readonly FailureStreak[], ctx: FailureContext): CauseHint[] {
  const first = streaks[0];
  if (!first) return [];
  const start = Math.min(...streaks.map((s) => s.startMs));
  const end = Math.max(...streaks.map((s) => s.endMs));
  const patterns = new Set(streaks.flatMap((s) => [...s.patterns]));
  const hints: CauseHint[] = [];
  for (const p of patterns)
    hints.push({ kind: 'pattern', value: ctx.patternText(p), detail: `Error pattern ${p} of every failed try in this episode.` });
  const together = all.filter(
    (o) =>
      !streaks.includes(o) && o.startMs <= end + HOUR && o.endMs >= start - HOUR && !(o.dagId === first.dagId && o.taskId === first.taskId),
  );
  const sameError = together.filter((o) => [...o.patterns].some((p) => patterns.has(p)));
  if (sameError.length > 0) {
    hints.push({
      kind: 'task',
      value: sameError
        .slice(0, 5)
        .map((o) => `${o.dagId}.${o.taskId}`)
        .join(', '),
      detail: `${sameError.length} other task(s) failed with the same error in the same window: a shared upstream is likely.`,
    });
  } else if (together.length > 0) {
    hints.push({
      kind: 'window',
      value: `${formatDay(start)} – ${formatDay(end)}`,
      detail: `${together.length} other task(s) failed in this window too.`,
    });
  }
  const hosts = new Set(streaks.flatMap((s) => s.hostnames));
  if (hosts.size === 1) hints.push({ kind: 'host', value: [...hosts][0] ?? '', detail: 'Every failed instance ran on this worker.' });
  if (first.pool) {
    const poolFailures = together.filter((o) => o.pool === first.pool).length;
    hints.push({
      kind: 'pool',
      value: first.pool,
      detail:
        poolFailures > 0 ? `${poolFailures} other task(s) of this pool failed meanwhile.` : 'No other task of this pool failed meanwhile.',
    });
  }
  for (const uri of ctx.producedAssets(first.dagId)) {
    hints.push({ kind: 'asset', value: uri, detail: 'This DAG produces the asset: its consumers get no update while it fails.' });
  }
  return hints;
}
