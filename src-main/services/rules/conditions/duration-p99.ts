import { SortedWindow } from '../../analytics/detectors/sorted-window';
import { formatSeconds } from '../../analytics/detectors/format';
import { P99_BASELINE_DAYS, type DurationRow } from '../rule-inputs';
import { subjectOf, type Candidate } from './candidate';

const DAY = 86_400_000;
const MIN_SAMPLES = 30;
const CAPACITY = 2048;

/**
 * A task ran longer than the p99 of its own previous 30 days `times` times in
 * one UTC day: one firing per task and day, when the `times`-th one ended.
 */
export function durationAboveP99(rows: readonly DurationRow[], times: number, fromMs: number): Candidate[] {
  const out: Candidate[] = [];
  const win = new SortedWindow(CAPACITY);
  let key = '';
  let day = NaN;
  let count = 0;
  for (const r of rows) {
    const k = `${r.dagId}\u0000${r.taskId}`;
    if (k !== key) {
      key = k;
      win.clear();
      day = NaN;
      count = 0;
    }
    win.evictBefore(r.startMs - P99_BASELINE_DAYS * DAY);
    const d = Math.floor(r.startMs / DAY);
    if (d !== day) {
      day = d;
      count = 0;
    }
    if (win.size >= MIN_SAMPLES && r.startMs >= fromMs) {
      const p99 = win.quantile(0.99);
      if (r.durationS > p99 && ++count === times) {
        out.push({
          subject: subjectOf(r.dagId, r.taskId),
          window: new Date(d * DAY).toISOString().slice(0, 10),
          dagId: r.dagId,
          taskId: r.taskId,
          runId: r.runId,
          atMs: r.startMs + r.durationS * 1000,
          title: `${r.taskId} ran longer than its p99 ${times} time${times > 1 ? 's' : ''} in a day`,
          detail: `${formatSeconds(r.durationS)} in run ${r.runId}; its 30-day p99 was ${formatSeconds(p99)}.`,
        });
      }
    }
    win.push(r.durationS, r.startMs);
  }
  return out;
}
