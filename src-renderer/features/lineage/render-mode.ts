export type RenderMode = 'svg' | 'canvas';
export type RenderChoice = 'auto' | RenderMode;

/** Past these sizes SVG gets slow to draw and pan; the view draws on a canvas instead. */
export const CANVAS_MIN_NODES = 600;
export const CANVAS_MIN_EDGES = 1_500;
/** From this many nodes the view shows a minimap. */
export const MINIMAP_MIN_NODES = 120;

/** SVG (accessible, exportable as is) for ordinary views, canvas for large ones, unless the person chose. */
export function renderModeFor(nodes: number, edges: number, choice: RenderChoice): RenderMode {
  if (choice !== 'auto') return choice;
  return nodes >= CANVAS_MIN_NODES || edges >= CANVAS_MIN_EDGES ? 'canvas' : 'svg';
}
