import type { ScaleTime } from 'd3';

/** A time axis drawn by React from a D3 scale: ticks, labels and grid lines down `height`. */
export function TimeAxis({
  scale,
  y,
  height,
  ticks = 6,
  format,
}: {
  scale: ScaleTime<number, number>;
  y: number;
  height: number;
  ticks?: number;
  format: (d: Date) => string;
}) {
  return (
    <g className="axis axis-time" aria-hidden="true">
      {scale.ticks(ticks).map((tick) => {
        const x = scale(tick);
        return (
          <g key={tick.getTime()} transform={`translate(${x},0)`}>
            <line className="grid-line" y1={y} y2={y + height} />
            <text className="axis-label" y={y - 6} textAnchor="middle">
              {format(tick)}
            </text>
          </g>
        );
      })}
    </g>
  );
}
