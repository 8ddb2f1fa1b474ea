import type { PlacedNode } from './layout-graph';
import { nodeLook } from './node-tone';
import type { PathRole } from './path-roles';
import { kindWord } from './view-graph';

const MAX_CHARS = 36;

/** One node: a rounded box (task, DAG, task group, or a kind this build does not know) or a pill (asset), tinted by its last state. */
export function LineageNodeShape({
  placed,
  role,
  selected,
  onHover,
  onSelect,
  onToggle,
}: {
  placed: PlacedNode;
  role: PathRole;
  selected: boolean;
  onHover: (key: string | null) => void;
  onSelect: (key: string) => void;
  onToggle: (key: string) => void;
}) {
  const { node, x, y, width, height } = placed;
  const look = nodeLook(node);
  const tone = look?.tone ?? 'none';
  const classes = [
    'lineage-node',
    `kind-${node.kind}`,
    `tone-${tone}`,
    role ? `is-${role}` : '',
    selected ? 'is-selected' : '',
    node.collapsed ? 'is-collapsed' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const name = node.name.length > MAX_CHARS ? `${node.name.slice(0, MAX_CHARS - 1)}…` : node.name;
  const members = node.members !== undefined ? `, ${node.members} tasks folded` : '';
  const label = `${kindWord(node.kind)} ${node.name}${look ? `, last ${look.label}` : ''}${members}`;
  const tag =
    node.members !== undefined
      ? `${node.members} tasks`
      : node.kind === 'task' || node.kind === 'asset'
        ? null
        : kindWord(node.kind).toUpperCase();
  return (
    <g
      className={classes}
      transform={`translate(${x - width / 2},${y - height / 2})`}
      data-key={node.key}
      data-name={node.name}
      data-members={node.members}
      role="button"
      tabIndex={0}
      aria-label={label}
      onMouseEnter={() => onHover(node.key)}
      onMouseLeave={() => onHover(null)}
      onFocus={() => onHover(node.key)}
      onBlur={() => onHover(null)}
      onClick={() => onSelect(node.key)}
      onDoubleClick={() => onToggle(node.key)}
      onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && onSelect(node.key)}
    >
      <title>{label}</title>
      <rect className="lineage-box" width={width} height={height} rx={node.kind === 'asset' ? height / 2 : 6} />
      {node.kind === 'asset' ? (
        <path className="lineage-glyph" d={`M14 ${height / 2 - 6} l6 3.5 v5 l-6 3.5 l-6 -3.5 v-5 z`} />
      ) : (
        <circle className="lineage-dot" cx={15} cy={height / 2} r={5} />
      )}
      <text className="lineage-label" x={node.kind === 'asset' ? 28 : 27} y={height / 2} dominantBaseline="central">
        {name}
      </text>
      {tag !== null ? (
        <text className="lineage-kind" x={width - 8} y={9} textAnchor="end">
          {tag}
        </text>
      ) : null}
    </g>
  );
}
