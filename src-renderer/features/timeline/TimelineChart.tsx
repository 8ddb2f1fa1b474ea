import { scaleTime } from 'd3';
import { useMemo, useRef, useState } from 'react';
import type { Timeline, TimelineRun } from '../../../src-shared/domain/dag-history';
import { useElementWidth } from '../../ui/charts/use-element-width';
import { TimeAxis } from '../../ui/charts/TimeAxis';
import { tickFormatFor } from '../../ui/charts/utc-format';
import { runHref } from '../../platform/routing/investigate-links';
import { stateLooks } from '../../ui/states/state-look';
import { formatAbsolute } from '../../platform/time/format-relative';
import { useZoomX } from './use-zoom-x';

const LANE = 20;
const LABEL_W = 230;
const TOP = 26;

interface Lane {
  key: string;
  label: string;
  runs: TimelineRun[];
}

function lanesOf(runs: readonly TimelineRun[], multiEnv: boolean): Lane[] {
  const lanes = new Map<string, Lane>();
  for (const run of runs) {
    const key = `${run.envId}\u0000${run.dagId}`;
    const lane = lanes.get(key) ?? { key, label: multiEnv ? `${run.envId} · ${run.dagId}` : run.dagId, runs: [] };
    lane.runs.push(run);
    lanes.set(key, lane);
  }
  return [...lanes.values()].sort((a, b) => a.label.localeCompare(b.label));
}

/** Swimlanes of runs per DAG over a window; wheel zooms, drag pans (d3-zoom), a run opens on click. */
export function TimelineChart({ timeline, asOf }: { timeline: Timeline; asOf: string }) {
  const [ref, width] = useElementWidth<HTMLDivElement>(1000);
  const svgRef = useRef<SVGSVGElement>(null);
  const [hover, setHover] = useState<TimelineRun | null>(null);
  const right = Math.max(LABEL_W + 200, width - 8);
  const lanes = useMemo(() => lanesOf(timeline.runs, new Set(timeline.runs.map((r) => r.envId)).size > 1), [timeline.runs]);
  const [transform, reset] = useZoomX(svgRef, right, `${timeline.from}${timeline.to}`);
  const base = useMemo(
    () =>
      scaleTime()
        .domain([new Date(timeline.from), new Date(timeline.to)])
        .range([LABEL_W, right]),
    [timeline.from, timeline.to, right],
  );
  const x = transform.rescaleX(base);
  const [d0, d1] = x.domain();
  const span = (d1?.getTime() ?? 0) - (d0?.getTime() ?? 0);
  const height = TOP + lanes.length * LANE + 4;
  const nowX = x(new Date(asOf));
  return (
    <div className="timeline" ref={ref}>
      <div className="chart-legend" aria-label="Legend">
        {(['success', 'failed', 'running', 'queued'] as const).map((state) => (
          <span key={state} className="legend-item">
            <svg width="18" height="10" aria-hidden="true">
              <rect className={`timeline-run state-fill-${stateLooks[state].tone}`} width="18" height="10" rx="2" />
            </svg>
            {stateLooks[state].label}
          </span>
        ))}
        <span className="legend-item">
          <svg width="18" height="10" aria-hidden="true">
            <line className="timeline-now" x1="9" x2="9" y1="0" y2="10" />
          </svg>
          now
        </span>
      </div>
      <div className="timeline-tools">
        <span className="muted">Wheel to zoom, drag to pan.</span>
        <button type="button" className="button button-quiet" onClick={reset} disabled={transform.k === 1 && transform.x === 0}>
          Reset zoom
        </button>
        <span className="muted" aria-live="polite">
          {hover !== null
            ? `${hover.dagId} · ${hover.runId} · ${stateLooks[hover.state].label} · ${formatAbsolute(hover.start)}`
            : `${timeline.runs.length} runs in ${lanes.length} lanes`}
        </span>
      </div>
      <svg
        ref={svgRef}
        className="timeline-svg"
        width={right + 8}
        height={height}
        role="img"
        aria-label={`Timeline of ${timeline.runs.length} runs in ${lanes.length} DAGs`}
      >
        <defs>
          <clipPath id="timeline-clip">
            <rect x={LABEL_W} y={0} width={right - LABEL_W} height={height} />
          </clipPath>
        </defs>
        <TimeAxis
          scale={x}
          y={TOP}
          height={height - TOP}
          format={tickFormatFor(span)}
          ticks={Math.max(3, Math.floor((right - LABEL_W) / 120))}
        />
        {lanes.map((lane, i) => (
          <g key={lane.key} className="timeline-lane">
            {i % 2 === 1 ? <rect className="lane-stripe" x={0} y={TOP + i * LANE} width={right} height={LANE} /> : null}
            <text className="gantt-label" x={8} y={TOP + i * LANE + LANE / 2 + 4}>
              {lane.label.length > 30 ? `${lane.label.slice(0, 29)}…` : lane.label}
            </text>
            <g clipPath="url(#timeline-clip)">
              {lane.runs.map((run) => {
                const x0 = x(new Date(run.start));
                const x1 = x(new Date(run.end ?? asOf));
                const look = stateLooks[run.state];
                return (
                  <a
                    key={run.runId}
                    href={runHref(run.envId, run.dagId, run.runId)}
                    onMouseEnter={() => setHover(run)}
                    onMouseLeave={() => setHover(null)}
                    aria-label={`${run.dagId} ${run.runId} ${look.label}`}
                  >
                    <rect
                      className={`timeline-run state-fill-${look.tone}${run.state === 'failed' ? ' is-failed' : ''}`}
                      x={x0}
                      y={TOP + i * LANE + 4}
                      width={Math.max(2, x1 - x0)}
                      height={LANE - 8}
                      rx={2}
                    >
                      <title>{`${run.dagId} · ${run.runId} · ${look.label}`}</title>
                    </rect>
                  </a>
                );
              })}
            </g>
          </g>
        ))}
        {nowX >= LABEL_W && nowX <= right ? <line className="timeline-now" x1={nowX} x2={nowX} y1={TOP} y2={height} /> : null}
      </svg>
    </div>
  );
}
