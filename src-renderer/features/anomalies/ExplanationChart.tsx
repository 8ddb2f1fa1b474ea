import { useMemo } from 'react';
import { area, extent, line, max, scaleLinear, scaleUtc } from 'd3';
import type { SeriesPoint } from '../../../src-shared/domain/analytics';

const W = 640;
const H = 220;
const M = { top: 12, right: 16, bottom: 28, left: 56 };

interface Point {
  t: Date;
  observed: number | null;
  expected: number | null;
  lo: number | null;
  hi: number | null;
  flagged: boolean;
}

/** Baseline band (expected range) against what was observed; flagged points in the alarm colour. D3 computes, React draws. */
export function ExplanationChart({ series, unit }: { series: readonly SeriesPoint[]; unit: string }) {
  const chart = useMemo(() => {
    const points: Point[] = series.map((p) => ({
      t: new Date(p.t),
      observed: p.observed,
      expected: p.expected,
      lo: p.lo,
      hi: p.hi,
      flagged: p.flagged,
    }));
    const [t0, t1] = extent(points, (p) => p.t);
    const top = max(points, (p) => Math.max(p.observed ?? 0, p.hi ?? 0, p.expected ?? 0)) ?? 1;
    const x = scaleUtc()
      .domain([t0 ?? new Date(0), t1 ?? new Date(1)])
      .range([M.left, W - M.right]);
    const y = scaleLinear()
      .domain([0, top * 1.08 || 1])
      .nice()
      .range([H - M.bottom, M.top]);
    const band = area<Point>()
      .defined((p) => p.lo !== null && p.hi !== null)
      .x((p) => x(p.t))
      .y0((p) => y(p.lo ?? 0))
      .y1((p) => y(p.hi ?? 0))(points);
    const expected = line<Point>()
      .defined((p) => p.expected !== null)
      .x((p) => x(p.t))
      .y((p) => y(p.expected ?? 0))(points);
    const observed = line<Point>()
      .defined((p) => p.observed !== null)
      .x((p) => x(p.t))
      .y((p) => y(p.observed ?? 0))(points);
    return { points, x, y, band, expected, observed, tickText: x.tickFormat(5) };
  }, [series]);
  if (series.length === 0) return <p className="muted">No series to chart for this anomaly.</p>;
  const { points, x, y, band, expected, observed, tickText } = chart;
  return (
    <svg className="explain-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Observed against the expected range, in ${unit}`}>
      {y.ticks(4).map((v) => (
        <g key={v}>
          <line x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} className="grid-line" />
          <text x={M.left - 6} y={y(v)} dy="0.32em" textAnchor="end" className="axis-text">
            {v}
          </text>
        </g>
      ))}
      {x.ticks(5).map((d) => (
        <text key={d.toISOString()} x={x(d)} y={H - 8} textAnchor="middle" className="axis-text">
          {tickText(d)}
        </text>
      ))}
      <text x={8} y={M.top + 4} className="axis-text">
        {unit}
      </text>
      {band ? <path d={band} className="band" /> : null}
      {expected ? <path d={expected} className="expected-line" /> : null}
      {observed ? <path d={observed} className="observed-line" /> : null}
      {points.map((p, i) =>
        p.observed === null ? null : (
          <circle key={i} cx={x(p.t)} cy={y(p.observed)} r={p.flagged ? 4 : 2} className={p.flagged ? 'dot flagged' : 'dot'} />
        ),
      )}
    </svg>
  );
}
