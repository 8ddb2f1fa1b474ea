import { scaleTime, type ScaleTime } from 'd3';
import type { GanttTask } from '../../../src-shared/domain/investigate';

export interface GanttLayout {
  x: ScaleTime<number, number>;
  startMs: number;
  endMs: number;
}

/** The time scale of a run's Gantt: from the first queue/start to the last end, padded a little. */
export function ganttLayout(tasks: readonly GanttTask[], left: number, right: number): GanttLayout {
  let startMs = Infinity;
  let endMs = -Infinity;
  for (const task of tasks) {
    for (const segment of task.segments) {
      startMs = Math.min(startMs, Date.parse(segment.start));
      endMs = Math.max(endMs, Date.parse(segment.end));
    }
  }
  if (!Number.isFinite(startMs) || !Number.isFinite(endMs)) {
    startMs = 0;
    endMs = 1000;
  }
  const pad = Math.max(1000, (endMs - startMs) * 0.02);
  const x = scaleTime()
    .domain([new Date(startMs - pad), new Date(endMs + pad)])
    .range([left, right]);
  return { x, startMs, endMs };
}

export const instanceLabel = (task: Pick<GanttTask, 'taskId' | 'mapIndex'>): string =>
  task.mapIndex >= 0 ? `${task.taskId} [${task.mapIndex}]` : task.taskId;
