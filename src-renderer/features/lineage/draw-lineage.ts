import { curveBasis, line } from 'd3';
import type { LineageLayout, PlacedEdge, PlacedNode } from './layout-graph';
import type { LineageColors } from './lineage-colors';
import type { Size, ViewTransform } from './minimap-geometry';
import { nodeLook } from './node-tone';
import { edgeRole, nodeRole, type Traced } from './path-roles';
import { kindWord } from './view-graph';

export interface DrawMarks {
  traced: Traced | null;
  selected: string | null;
}

const MAX_CHARS = 36;
/** Below this zoom labels are unreadable; boxes alone are drawn. */
const LABEL_MIN_ZOOM = 0.45;

interface Point {
  x: number;
  y: number;
}

/**
 * Draws the whole lineage on a 2D canvas under the zoom transform: edges in a
 * few batched passes (dimmed, plain, traced), then the nodes in view, with
 * labels only where they are readable. The same look as the SVG drawing.
 */
export function drawLineage(
  ctx: CanvasRenderingContext2D,
  layout: LineageLayout,
  t: ViewTransform,
  size: Size,
  colors: LineageColors,
  marks: DrawMarks,
  ratio: number,
): void {
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.fillStyle = colors.surface;
  ctx.fillRect(0, 0, size.width, size.height);
  ctx.setTransform(ratio * t.k, 0, 0, ratio * t.k, ratio * t.x, ratio * t.y);
  const view = { x0: -t.x / t.k, y0: -t.y / t.k, x1: (size.width - t.x) / t.k, y1: (size.height - t.y) / t.k };
  const visible = (minX: number, minY: number, maxX: number, maxY: number): boolean =>
    maxX >= view.x0 && minX <= view.x1 && maxY >= view.y0 && minY <= view.y1;
  drawEdges(ctx, layout.edges, colors, marks, t.k, visible);
  for (const p of layout.nodes) {
    if (visible(p.x - p.width / 2, p.y - p.height / 2, p.x + p.width / 2, p.y + p.height / 2)) drawNode(ctx, p, colors, marks, t.k);
  }
}

function drawEdges(
  ctx: CanvasRenderingContext2D,
  edges: readonly PlacedEdge[],
  colors: LineageColors,
  marks: DrawMarks,
  k: number,
  visible: (a: number, b: number, c: number, d: number) => boolean,
): void {
  const passes: Record<'dim' | 'plain' | 'up' | 'down', PlacedEdge[]> = { dim: [], plain: [], up: [], down: [] };
  for (const e of edges) {
    const first = e.points[0];
    const last = e.points[e.points.length - 1];
    if (!first || !last) continue;
    let minY = Math.min(first.y, last.y);
    let maxY = Math.max(first.y, last.y);
    for (const p of e.points) {
      minY = Math.min(minY, p.y);
      maxY = Math.max(maxY, p.y);
    }
    if (!visible(Math.min(first.x, last.x), minY, Math.max(first.x, last.x), maxY)) continue;
    const role = edgeRole(marks.traced, e.edge);
    passes[role ?? 'plain'].push(e);
  }
  const path = line<Point>()
    .x((p) => p.x)
    .y((p) => p.y)
    .curve(curveBasis)
    .context(ctx);
  const stroke = (list: readonly PlacedEdge[], alpha: number, override: string | null, width: number): void => {
    for (const style of ['task', 'asset', 'triggers'] as const) {
      const batch = list.filter((e) => edgeStyle(e) === style);
      if (batch.length === 0) continue;
      ctx.globalAlpha = alpha;
      ctx.strokeStyle = override ?? (style === 'asset' ? colors.accent : style === 'triggers' ? colors.tone.warn : colors.borderStrong);
      ctx.lineWidth = override !== null ? width : style === 'task' ? 1.4 : 1.8;
      ctx.setLineDash(override !== null ? [] : style === 'asset' ? [5, 3] : style === 'triggers' ? [2, 3] : []);
      ctx.beginPath();
      for (const e of batch) path(e.points);
      ctx.stroke();
      ctx.fillStyle = override ?? colors.faint;
      if (k >= 0.3) for (const e of batch) arrowHead(ctx, e.points);
    }
  };
  stroke(passes.dim, 0.15, null, 1.4);
  stroke(passes.plain, 1, null, 1.4);
  stroke(passes.up, 1, colors.tone.warn, 2.6);
  stroke(passes.down, 1, colors.accent, 2.6);
  ctx.globalAlpha = 1;
  ctx.setLineDash([]);
  if (k >= LABEL_MIN_ZOOM) {
    ctx.font = '600 10px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillStyle = colors.muted;
    for (const list of [passes.plain, passes.up, passes.down]) {
      for (const e of list) {
        const count = e.edge.count ?? 1;
        const mid = e.points[Math.floor(e.points.length / 2)];
        if (count > 1 && mid) ctx.fillText(`×${count}`, mid.x, mid.y - 7);
      }
    }
  }
}

function edgeStyle(e: PlacedEdge): 'task' | 'asset' | 'triggers' {
  return e.edge.kind === 'produces' || e.edge.kind === 'consumes' ? 'asset' : e.edge.kind === 'triggers' ? 'triggers' : 'task';
}

function arrowHead(ctx: CanvasRenderingContext2D, points: readonly Point[]): void {
  const end = points[points.length - 1];
  const before = points[points.length - 2];
  if (!end || !before) return;
  const angle = Math.atan2(end.y - before.y, end.x - before.x);
  ctx.beginPath();
  ctx.moveTo(end.x, end.y);
  ctx.lineTo(end.x - 7 * Math.cos(angle - 0.45), end.y - 7 * Math.sin(angle - 0.45));
  ctx.lineTo(end.x - 7 * Math.cos(angle + 0.45), end.y - 7 * Math.sin(angle + 0.45));
  ctx.closePath();
  ctx.fill();
}

function drawNode(ctx: CanvasRenderingContext2D, p: PlacedNode, colors: LineageColors, marks: DrawMarks, k: number): void {
  const { node, width, height } = p;
  const x = p.x - width / 2;
  const y = p.y - height / 2;
  const look = nodeLook(node);
  const role = nodeRole(marks.traced, node.key);
  const isAsset = node.kind === 'asset';
  ctx.globalAlpha = role === 'dim' ? 0.3 : 1;
  ctx.beginPath();
  ctx.roundRect(x, y, width, height, isAsset ? height / 2 : 6);
  const bad = look?.tone === 'bad';
  ctx.fillStyle = isAsset
    ? colors.accentSoft
    : bad
      ? colors.badSoft
      : node.kind === 'dag' || node.kind === 'group'
        ? colors.surfaceHover
        : colors.surface2;
  ctx.fill();
  const selected = node.key === marks.selected;
  ctx.strokeStyle =
    role === 'hovered'
      ? colors.text
      : role === 'downstream'
        ? colors.accent
        : role === 'upstream'
          ? colors.tone.warn
          : selected
            ? colors.focus
            : isAsset
              ? colors.accent
              : bad
                ? colors.tone.bad
                : colors.borderStrong;
  ctx.lineWidth =
    role === 'hovered' || role === 'downstream' || role === 'upstream' ? 2.4 : selected ? 2.6 : node.kind === 'dag' ? 1.6 : 1.2;
  ctx.setLineDash(node.kind === 'group' || node.collapsed ? [4, 2] : []);
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.fillStyle = isAsset ? colors.accent : look ? colors.tone[look.tone] : colors.tone.neutral;
  ctx.beginPath();
  ctx.arc(x + 15, p.y, isAsset ? 4 : 5, 0, Math.PI * 2);
  ctx.fill();
  if (k >= LABEL_MIN_ZOOM) {
    ctx.fillStyle = colors.text;
    ctx.font = '12px system-ui, sans-serif';
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    const name = node.name.length > MAX_CHARS ? `${node.name.slice(0, MAX_CHARS - 1)}…` : node.name;
    ctx.fillText(name, x + (isAsset ? 28 : 27), p.y);
    const tag =
      node.members !== undefined ? `${node.members} tasks` : node.kind === 'task' || isAsset ? null : kindWord(node.kind).toUpperCase();
    if (tag !== null) {
      ctx.fillStyle = colors.faint;
      ctx.font = '600 8.5px system-ui, sans-serif';
      ctx.textAlign = 'right';
      ctx.fillText(tag, x + width - 8, y + 9);
    }
  }
  ctx.globalAlpha = 1;
}
