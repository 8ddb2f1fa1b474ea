import { area, line, quadtree, scaleLinear, scaleTime, type Quadtree } from 'd3';
import type { DurationHistory, DurationPoint } from '../../../src-shared/domain/dag-history';
import { quantileSorted } from './quantile-sorted';

export interface PlacedPoint {
  point: DurationPoint;
  x: number;
  y: number;
}

export interface DurationScales {
  x: ReturnType<typeof scaleTime<number, number>>;
  y: ReturnType<typeof scaleLinear<number, number>>;
  placed: PlacedPoint[];
  bandPath: string;
  medianPath: string;
  finder: Quadtree<PlacedPoint>;
}

/** Scales, band and median paths and a quadtree for hover, computed once per data and size (D3 computes, React draws). */
export function durationScales(
  history: DurationHistory,
  from: string,
  to: string,
  box: { left: number; right: number; top: number; bottom: number },
): DurationScales {
  const x = scaleTime()
    .domain([new Date(from), new Date(to)])
    .range([box.left, box.right]);
  const sorted = history.points.map((p) => p.durationS).sort((a, b) => a - b);
  // Past p99 a few outliers would squash everything else; they are clamped to the top edge.
  const top = Math.max(1, (quantileSorted(sorted, 0.99) ?? 1) * 1.1, ...history.band.map((b) => b.p90 * 1.1));
  const y = scaleLinear().domain([0, top]).range([box.bottom, box.top]).nice();
  const placed = history.points.map((point) => ({ point, x: x(new Date(point.at)), y: Math.max(box.top, y(point.durationS)) }));
  const bandPath =
    area<DurationHistory['band'][number]>()
      .x((b) => x(new Date(b.at)))
      .y0((b) => y(b.p10))
      .y1((b) => y(b.p90))(history.band) ?? '';
  const medianPath =
    line<DurationHistory['band'][number]>()
      .x((b) => x(new Date(b.at)))
      .y((b) => y(b.median))(history.band) ?? '';
  const finder = quadtree<PlacedPoint>()
    .x((p) => p.x)
    .y((p) => p.y)
    .addAll(placed);
  return { x, y, placed, bandPath, medianPath, finder };
}
