import type { SynthLabel, TryKey } from '../src-main/services/synth/label-types';

const DAY = 86_400_000;
/** The slowdown size the detection-delay goal is set at (≥ 1.8× takes ≤ 3 days to say). */
export const SLOWDOWN_GOAL_FACTOR = 1.8;

/** End of each task instance's last listed try, ordered by time. */
function instanceEnds(tries: readonly TryKey[]): number[] {
  const ends = new Map<string, number>();
  for (const t of tries) {
    const key = `${t.runId}\u0000${t.taskId}\u0000${t.mapIndex}`;
    ends.set(key, Math.max(ends.get(key) ?? -Infinity, Date.parse(t.endedAt)));
  }
  return [...ends.values()].sort((a, b) => a - b);
}

/**
 * When an injected incident first became an incident in the rows, as opposed
 * to one unlucky run: the detection-delay goals count from here. A failure
 * burst needs its second failed run (one failed run is a failure, not an
 * anomaly); a late run its due time; a missed slot its due time; a slowdown
 * the day it reached 1.8×; a new error its first occurrence; the others their
 * first affected instance.
 */
export function evidenceMs(l: SynthLabel): number {
  const start = Date.parse(l.startsAt);
  switch (l.kind) {
    case 'failure_burst': {
      const ends = instanceEnds(l.detail.failedTries.filter((t) => t.taskId === l.taskId));
      return ends[1] ?? ends[0] ?? start;
    }
    case 'gradual_slowdown':
      return l.detail.ratePerDay > 0 ? Date.parse(l.detail.driftStart) + ((SLOWDOWN_GOAL_FACTOR - 1) / l.detail.ratePerDay) * DAY : start;
    case 'late_schedule': {
      const due = l.detail.delayedRuns.map((r) => Date.parse(r.runAfter));
      return due.length > 0 ? Math.min(...due) : start;
    }
    case 'missed_schedule': {
      const due = l.detail.missedRuns.map((r) => Date.parse(r.runAfter));
      return due.length > 0 ? Math.min(...due) : start;
    }
    default:
      return start;
  }
}
