import { useMemo } from 'react';
import type { GanttSegment, GanttTask } from '../../../src-shared/domain/investigate';
import { useElementWidth } from '../../ui/charts/use-element-width';
import { TimeAxis } from '../../ui/charts/TimeAxis';
import { tickFormatFor } from '../../ui/charts/utc-format';
import { taskHref } from '../../platform/routing/investigate-links';
import { stateLooks } from '../../ui/states/state-look';
import { formatDuration } from '../../platform/time/format-duration';
import { formatAbsolute } from '../../platform/time/format-relative';
import { ganttLayout, instanceLabel } from './gantt-layout';

const ROW = 24;
const LABEL_W = 240;
const TOP = 26;
const QUEUED_MIN_W = 5;
/** Width a row's note ("did not run: upstream failed") needs. */
const NOTE_ROOM = 200;

const seconds = (s: GanttSegment): number => (Date.parse(s.end) - Date.parse(s.start)) / 1000;

function segmentTitle(task: GanttTask, s: GanttSegment): string {
  const what =
    s.kind === 'queued'
      ? 'queued'
      : s.kind === 'wait'
        ? 'waiting to retry'
        : s.kind === 'retry'
          ? `try ${s.tryNumber}: ${stateLooks[s.state].label}`
          : `try ${s.tryNumber}: ${stateLooks[s.state].label}`;
  return `${instanceLabel(task)} · ${what} · ${formatDuration(seconds(s))} · ${formatAbsolute(s.start)} → ${formatAbsolute(s.end)}`;
}

function segmentClass(s: GanttSegment): string {
  if (s.kind === 'queued') return 'gantt-seg seg-queued';
  if (s.kind === 'wait') return 'gantt-seg seg-wait';
  if (s.kind === 'retry') return 'gantt-seg seg-retry';
  return `gantt-seg seg-run state-fill-${stateLooks[s.state].tone}`;
}

/** Where a row's note goes: after the instant Airflow stamped, or before it (anchored at its end) near the right edge, so it is never cut off. */
function notePlace(at: string | null, x: (d: Date) => number, right: number): { x: number; textAnchor: 'start' | 'end' } {
  if (at === null) return { x: LABEL_W + 12, textAnchor: 'start' };
  const px = x(new Date(at));
  return px > right - NOTE_ROOM ? { x: px - 4, textAnchor: 'end' } : { x: px + 4, textAnchor: 'start' };
}

/** Task instances of one run on a time axis: queue time, earlier tries, retry waits, the last try; the critical path stands out. */
export function GanttChart({ envId, dagId, runId, tasks }: { envId: string; dagId: string; runId: string; tasks: readonly GanttTask[] }) {
  const [ref, width] = useElementWidth<HTMLDivElement>(900);
  const right = Math.max(LABEL_W + 200, width - 16);
  const layout = useMemo(() => ganttLayout(tasks, LABEL_W + 8, right), [tasks, right]);
  const height = TOP + tasks.length * ROW + 8;
  const format = tickFormatFor(layout.endMs - layout.startMs);
  const totalQueue = tasks.reduce((sum, t) => sum + (t.queueS ?? 0), 0);
  return (
    <div className="gantt" ref={ref}>
      <div className="chart-legend" aria-label="Legend">
        <span className="legend-item">
          <svg width="18" height="10" aria-hidden="true">
            <rect className="gantt-seg seg-queued" width="18" height="10" />
          </svg>
          queued
        </span>
        <span className="legend-item">
          <svg width="18" height="10" aria-hidden="true">
            <rect className="gantt-seg seg-run state-fill-ok" width="18" height="10" />
          </svg>
          running (colour = state)
        </span>
        <span className="legend-item">
          <svg width="18" height="10" aria-hidden="true">
            <rect className="gantt-seg seg-retry" width="18" height="10" />
          </svg>
          failed earlier try
        </span>
        <span className="legend-item">
          <svg width="18" height="10" aria-hidden="true">
            <line className="seg-wait-line" x1="0" x2="18" y1="5" y2="5" />
          </svg>
          waiting to retry
        </span>
        <span className="legend-item">
          <svg width="18" height="10" aria-hidden="true">
            <rect className="gantt-critical-mark" width="4" height="10" />
          </svg>
          critical path
        </span>
        <span className="legend-item muted" data-testid="gantt-queue-total">
          queue time in this run: {formatDuration(totalQueue)}
        </span>
      </div>
      <svg className="gantt-svg" width={right + 8} height={height} role="img" aria-label={`Gantt of ${tasks.length} task instances`}>
        <TimeAxis scale={layout.x} y={TOP} height={height - TOP} format={format} ticks={Math.max(3, Math.floor((right - LABEL_W) / 110))} />
        {tasks.map((task, i) => {
          const y = TOP + i * ROW;
          return (
            <g
              key={`${task.taskId}\u0000${task.mapIndex}`}
              className={`gantt-row${task.critical ? ' is-critical' : ''}`}
              data-task={task.taskId}
            >
              {task.critical ? <rect className="gantt-critical-band" x={0} y={y} width={right + 8} height={ROW} /> : null}
              {task.critical ? <rect className="gantt-critical-mark" x={0} y={y + 3} width={3} height={ROW - 6} /> : null}
              <a
                href={taskHref(envId, dagId, runId, task.taskId, task.mapIndex)}
                aria-label={`${instanceLabel(task)}: ${stateLooks[task.state].label}${task.queueS !== null ? `, queued ${formatDuration(task.queueS)}` : ''}`}
              >
                <text className="gantt-label" x={10} y={y + ROW / 2 + 4}>
                  {instanceLabel(task).length > 32 ? `${instanceLabel(task).slice(0, 31)}…` : instanceLabel(task)}
                </text>
              </a>
              {task.segments.length === 0 ? (
                <text className="gantt-note" {...notePlace(task.endDate ?? task.startDate, layout.x, right)} y={y + ROW / 2 + 4}>
                  {task.state === 'upstream_failed'
                    ? 'did not run: upstream failed'
                    : task.state === 'skipped'
                      ? 'skipped'
                      : stateLooks[task.state].label}
                </text>
              ) : null}
              {task.segments.map((s, j) => {
                // A queue of a few seconds stays visible: at least QUEUED_MIN_W wide, ending where the try started.
                const x1 = layout.x(new Date(s.end));
                const w = Math.max(s.kind === 'queued' ? QUEUED_MIN_W : 2, x1 - layout.x(new Date(s.start)));
                const x0 = s.kind === 'queued' ? x1 - w : layout.x(new Date(s.start));
                if (s.kind === 'wait') {
                  return (
                    <line key={j} className="seg-wait-line" x1={x0} x2={x0 + w} y1={y + ROW / 2} y2={y + ROW / 2}>
                      <title>{segmentTitle(task, s)}</title>
                    </line>
                  );
                }
                return (
                  <rect key={j} className={segmentClass(s)} data-kind={s.kind} x={x0} y={y + 5} width={w} height={ROW - 10} rx={2}>
                    <title>{segmentTitle(task, s)}</title>
                  </rect>
                );
              })}
            </g>
          );
        })}
      </svg>
    </div>
  );
}
