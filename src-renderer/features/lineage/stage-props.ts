import type { LineageLayout } from './layout-graph';
import type { Traced } from './path-roles';

/** What both drawings (SVG and canvas) take: the layout, the trace and selection, and what pointer gestures do. */
export interface StageProps {
  layout: LineageLayout;
  traced: Traced | null;
  selected: string | null;
  focusKey: string | null;
  onHover: (key: string | null) => void;
  onSelect: (key: string) => void;
  /** Double-click: collapse a task's DAG, or expand a collapsed DAG or task group. */
  onToggle: (key: string) => void;
}
