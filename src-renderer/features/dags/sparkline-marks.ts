import { max, range, scaleBand, scaleLinear } from 'd3';
import type { RecentRun } from '../../../src-shared/domain/dag-list';
import type { RunState } from '../../../src-shared/domain/states';
import { formatDuration } from '../../platform/time/format-duration';

/** How a run is drawn: the shape alone tells the state apart, the colour repeats it. */
export type SparkShape = 'bar' | 'crossed-bar' | 'hollow-bar' | 'ring';

export interface SparkMark {
  runId: string;
  state: RunState;
  shape: SparkShape;
  x: number;
  width: number;
  /** Top of the bar (or centre of the ring) and its height. */
  y: number;
  height: number;
}

const SHAPES: Readonly<Record<RunState, SparkShape>> = { success: 'bar', failed: 'crossed-bar', running: 'hollow-bar', queued: 'ring' };
/** Room above the bars for the cross of a failed run. */
export const CAP = 6;

/**
 * One mark per run, newest at the right, in `slots` equal places (fewer runs leave the left empty).
 * Bar height is the duration on a linear scale from zero to the longest run shown.
 */
export function sparklineMarks(runs: readonly RecentRun[], slots: number, width: number, height: number): SparkMark[] {
  const shown = runs.slice(-slots);
  const x = scaleBand<number>().domain(range(slots)).range([0, width]).paddingInner(0.25);
  const longest = max(shown, (r) => r.durationS ?? 0) ?? 0;
  const y = scaleLinear()
    .domain([0, longest > 0 ? longest : 1])
    .range([height - 1, CAP + 1]);
  const offset = slots - shown.length;
  return shown.map((run, i) => {
    const shape = SHAPES[run.state];
    const left = x(offset + i) ?? 0;
    const top = run.durationS === null ? (shape === 'hollow-bar' ? CAP + 1 : height - 3) : Math.min(height - 3, y(run.durationS));
    return {
      runId: run.runId,
      state: run.state,
      shape,
      x: left,
      width: x.bandwidth(),
      y: shape === 'ring' ? height - 4 : top,
      height: shape === 'ring' ? 3 : height - 1 - top,
    };
  });
}

/** What the sparkline shows, in words: for its title and aria-label. */
export function sparklineLabel(runs: readonly RecentRun[]): string {
  if (runs.length === 0) return 'No run in the window';
  const counts = new Map<RunState, number>();
  for (const run of runs) counts.set(run.state, (counts.get(run.state) ?? 0) + 1);
  const states = (['success', 'failed', 'running', 'queued'] as const)
    .filter((s) => (counts.get(s) ?? 0) > 0)
    .map((s) => `${counts.get(s) ?? 0} ${s}`)
    .join(', ');
  const durations = runs.map((r) => r.durationS).filter((d): d is number => d !== null);
  const span =
    durations.length > 0 ? `; durations ${formatDuration(Math.min(...durations))} to ${formatDuration(Math.max(...durations))}` : '';
  const newest = runs[runs.length - 1];
  return `Last ${runs.length} run${runs.length === 1 ? '' : 's'}, oldest to newest: ${states}${span}; newest ${newest?.state ?? ''}`;
}
