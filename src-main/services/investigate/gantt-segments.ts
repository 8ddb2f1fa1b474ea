import type { GanttSegment } from '../../../src-shared/domain/investigate';
import type { TaskState } from '../../../src-shared/domain/states';

export interface TryTimes {
  tryNumber: number;
  state: TaskState;
  startDate: string | null;
  endDate: string | null;
}

export interface InstanceTimes extends TryTimes {
  queuedAt: string | null;
}

/**
 * The bars of one task instance's Gantt row, in time order: each earlier
 * (failed) try, the wait before the next try, the time the last try sat in
 * the queue, and the last try itself (still running: up to `asOf`).
 */
export function ganttSegments(instance: InstanceTimes, earlier: readonly TryTimes[], asOf: string): GanttSegment[] {
  const segments: GanttSegment[] = [];
  // Decided without running (Airflow stamps start and end at once): no bar, the row says why.
  if (instance.state === 'upstream_failed' || instance.state === 'skipped' || instance.state === 'removed') return segments;
  let previousEnd: string | null = null;
  for (const t of [...earlier].sort((a, b) => a.tryNumber - b.tryNumber)) {
    if (t.startDate === null) continue;
    if (previousEnd !== null && previousEnd < t.startDate)
      segments.push({ kind: 'wait', tryNumber: t.tryNumber, state: 'up_for_retry', start: previousEnd, end: t.startDate });
    const end = t.endDate ?? t.startDate;
    segments.push({ kind: 'retry', tryNumber: t.tryNumber, state: t.state, start: t.startDate, end });
    previousEnd = end;
  }
  const runStart = instance.startDate;
  const queuedAt = instance.queuedAt;
  const waitEnd = queuedAt ?? runStart;
  if (previousEnd !== null && waitEnd !== null && previousEnd < waitEnd) {
    segments.push({ kind: 'wait', tryNumber: instance.tryNumber, state: 'up_for_retry', start: previousEnd, end: waitEnd });
  }
  if (queuedAt !== null && (runStart === null || queuedAt < runStart)) {
    segments.push({ kind: 'queued', tryNumber: instance.tryNumber, state: 'queued', start: queuedAt, end: runStart ?? asOf });
  }
  if (runStart !== null) {
    const end = instance.endDate ?? (instance.state === 'running' ? asOf : runStart);
    segments.push({ kind: 'run', tryNumber: instance.tryNumber, state: instance.state, start: runStart, end });
  }
  return segments;
}
