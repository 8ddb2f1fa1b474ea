import { curveBasis, line } from 'd3';

const draw = line<{ x: number; y: number }>()
  .x((p) => p.x)
  .y((p) => p.y)
  .curve(curveBasis);

/** An SVG path through the layout's edge points. */
export function edgePath(points: readonly { x: number; y: number }[]): string {
  return draw([...points]) ?? '';
}
