import { useMemo } from 'react';
import type { QueryResult } from '../../../src-shared/domain/graph-query';
import { graphOf } from './cell-text';

const SIZE = 420;

/** Nodes and relationships of a result on a circle: enough to see how they connect. */
export function ResultGraph({ result }: { result: QueryResult }) {
  const { nodes, rels } = useMemo(() => graphOf(result.rows), [result]);
  const placed = useMemo(() => {
    const list = [...nodes.values()].slice(0, 150);
    const r = SIZE / 2 - 50;
    return new Map(
      list.map((n, i) => [
        n.id,
        { n, x: SIZE / 2 + r * Math.cos((2 * Math.PI * i) / list.length), y: SIZE / 2 + r * Math.sin((2 * Math.PI * i) / list.length) },
      ]),
    );
  }, [nodes]);
  if (nodes.size === 0)
    return <p className="muted result-empty">The result holds no nodes to draw; return nodes or paths to see a graph.</p>;
  return (
    <svg className="result-graph" viewBox={`0 0 ${SIZE} ${SIZE}`} role="img" aria-label="Result graph">
      {[...rels.values()].map((r) => {
        const a = placed.get(r.start);
        const b = placed.get(r.end);
        return a && b ? (
          <line key={r.id} x1={a.x} y1={a.y} x2={b.x} y2={b.y} className="result-rel">
            <title>{r.type}</title>
          </line>
        ) : null;
      })}
      {[...placed.values()].map(({ n, x, y }) => (
        <g key={n.id} transform={`translate(${x},${y})`} className="result-node">
          <circle r={7} />
          <text y={-11} textAnchor="middle">
            {n.name.length > 22 ? `${n.name.slice(0, 21)}…` : n.name}
          </text>
          <title>{`${n.labels.join(':')} ${n.name}`}</title>
        </g>
      ))}
    </svg>
  );
}
