import { useMemo, useState } from 'react';
import type { DurationHistory } from '../../../src-shared/domain/dag-history';
import { useElementWidth } from '../../ui/charts/use-element-width';
import { TimeAxis } from '../../ui/charts/TimeAxis';
import { tickFormatFor } from '../../ui/charts/utc-format';
import { runHref } from '../../platform/routing/investigate-links';
import { navigate } from '../../platform/routing/use-route';
import { formatDuration } from '../../platform/time/format-duration';
import { formatAbsolute } from '../../platform/time/format-relative';
import { durationScales, type PlacedPoint } from './duration-scales';
import { Badge, Legend } from '../../ui/kit';

const HEIGHT = 260;
const BOX = { left: 64, top: 24, bottomPad: 8 };

/** Durations over time: successes as dots, failures as crosses, the rolling median and p10–p90 band; hover reads a run, click opens it. */
export function DurationChart({
  history,
  envId,
  from,
  to,
  currentRunId,
}: {
  history: DurationHistory;
  envId: string;
  from: string;
  to: string;
  currentRunId: string | null;
}) {
  const [ref, width] = useElementWidth<HTMLDivElement>(900);
  const [hover, setHover] = useState<PlacedPoint | null>(null);
  const right = Math.max(BOX.left + 200, width - 16);
  const bottom = HEIGHT - 22;
  const scales = useMemo(
    () => durationScales(history, from, to, { left: BOX.left, right, top: BOX.top, bottom }),
    [history, from, to, right, bottom],
  );
  const format = tickFormatFor(Date.parse(to) - Date.parse(from));
  const current = currentRunId !== null ? scales.placed.find((p) => p.point.runId === currentRunId) : undefined;
  const failures = history.points.filter((p) => p.state === 'failed').length;
  const pick = (event: React.MouseEvent<SVGSVGElement>): PlacedPoint | null => {
    const box = event.currentTarget.getBoundingClientRect();
    return scales.finder.find(event.clientX - box.left, event.clientY - box.top, 24) ?? null;
  };
  return (
    <div className="duration-chart" ref={ref}>
      <Legend
        label="Duration chart legend"
        className="chart-legend"
        items={[
          {
            key: 'success',
            className: 'legend-item',
            swatch: (
              <svg width="12" height="12" aria-hidden="true">
                <circle className="dur-point" cx="6" cy="6" r="3" />
              </svg>
            ),
            label: 'success',
          },
          {
            key: 'failed',
            className: 'legend-item',
            swatch: (
              <svg width="12" height="12" aria-hidden="true">
                <path className="dur-fail" d="M2 2l8 8M10 2l-8 8" />
              </svg>
            ),
            label: `failed (${failures})`,
          },
          {
            key: 'median',
            className: 'legend-item',
            swatch: (
              <svg width="18" height="12" aria-hidden="true">
                <line className="dur-median" x1="0" x2="18" y1="6" y2="6" />
              </svg>
            ),
            label: `median ${history.median !== null ? formatDuration(history.median) : ''}`,
          },
          {
            key: 'band',
            className: 'legend-item',
            swatch: (
              <svg width="18" height="12" aria-hidden="true">
                <rect className="dur-band" width="18" height="12" />
              </svg>
            ),
            label: 'p10–p90',
          },
          ...(current !== undefined
            ? [
                {
                  key: 'current',
                  className: 'legend-item',
                  swatch: (
                    <svg width="14" height="14" aria-hidden="true">
                      <circle className="dur-current" cx="7" cy="7" r="5" />
                    </svg>
                  ),
                  label: 'this run',
                },
              ]
            : []),
          ...(history.truncated ? [{ key: 'truncated', label: <Badge>first 20,000 points</Badge> }] : []),
        ]}
      />
      <svg
        width={right + 8}
        height={HEIGHT}
        role="img"
        aria-label={`Durations of ${history.taskId ?? history.dagId}: ${history.points.length} runs, median ${formatDuration(history.median)}`}
        onMouseMove={(e) => setHover(pick(e))}
        onMouseLeave={() => setHover(null)}
        onClick={(e) => {
          const hit = pick(e);
          if (hit !== null) navigate(runHref(envId, history.dagId, hit.point.runId));
        }}
        className="duration-svg"
      >
        <TimeAxis
          scale={scales.x}
          y={BOX.top}
          height={bottom - BOX.top}
          format={format}
          ticks={Math.max(3, Math.floor((right - BOX.left) / 110))}
        />
        <g className="axis axis-y" aria-hidden="true">
          {scales.y.ticks(5).map((tick) => (
            <g key={tick} transform={`translate(0,${scales.y(tick)})`}>
              <line className="grid-line" x1={BOX.left} x2={right} />
              <text className="axis-label" x={BOX.left - 6} y={4} textAnchor="end">
                {formatDuration(tick)}
              </text>
            </g>
          ))}
        </g>
        <path className="dur-band" d={scales.bandPath} />
        <path className="dur-median" d={scales.medianPath} />
        {scales.placed.map((p) =>
          p.point.state === 'failed' ? (
            <path key={p.point.runId} className="dur-fail" d={`M${p.x - 3.5} ${p.y - 3.5}l7 7M${p.x + 3.5} ${p.y - 3.5}l-7 7`} />
          ) : (
            <circle key={p.point.runId} className="dur-point" cx={p.x} cy={p.y} r={2.4} />
          ),
        )}
        {current !== undefined ? <circle className="dur-current" cx={current.x} cy={current.y} r={7} /> : null}
        {hover !== null ? <circle className="dur-hover" cx={hover.x} cy={hover.y} r={6} /> : null}
      </svg>
      {hover !== null ? (
        <div className="chart-tooltip" style={{ left: Math.min(hover.x + 12, right - 260), top: hover.y + 8 }} role="status">
          <div className="mono">{hover.point.runId}</div>
          <div>
            {formatDuration(hover.point.durationS)} · {hover.point.state}
          </div>
          <div className="muted">{formatAbsolute(hover.point.at)}</div>
        </div>
      ) : null}
    </div>
  );
}
