/** A d3 zoom transform's numbers: screen = graph * k + (x, y). */
export interface ViewTransform {
  x: number;
  y: number;
  k: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Scale from graph units to minimap pixels so the whole graph fits in `box`. */
export function minimapScale(graph: Size, box: Size): number {
  if (graph.width <= 0 || graph.height <= 0) return 1;
  return Math.min(box.width / graph.width, box.height / graph.height);
}

/** The part of the graph the viewport shows, in minimap pixels (clipped to the minimap). */
export function viewportRect(t: ViewTransform, viewport: Size, scale: number, box: Size): Rect {
  const x = (-t.x / t.k) * scale;
  const y = (-t.y / t.k) * scale;
  const width = (viewport.width / t.k) * scale;
  const height = (viewport.height / t.k) * scale;
  const left = Math.max(0, x);
  const top = Math.max(0, y);
  return {
    x: left,
    y: top,
    width: Math.max(0, Math.min(box.width, x + width) - left),
    height: Math.max(0, Math.min(box.height, y + height) - top),
  };
}

/** The transform that centres the viewport on the graph point under minimap pixel (mx, my), keeping the zoom level. */
export function panToMinimapPoint(mx: number, my: number, t: ViewTransform, viewport: Size, scale: number): ViewTransform {
  const gx = mx / scale;
  const gy = my / scale;
  return { x: viewport.width / 2 - gx * t.k, y: viewport.height / 2 - gy * t.k, k: t.k };
}
