import {
  isDate,
  isDateTime,
  isDuration,
  isLocalDateTime,
  isLocalTime,
  isNode,
  isPath,
  isPoint,
  isRelationship,
  isTime,
} from 'neo4j-driver';
import type { QueryCell } from '../../../../src-shared/domain/graph-query';

type Props = Record<string, QueryCell>;

function props(value: Record<string, unknown>): Props {
  const out: Props = {};
  for (const [k, v] of Object.entries(value)) out[k] = toCell(v);
  return out;
}

/** A Neo4j value as JSON for the console table; nodes, relationships and paths are tagged by `$kind`. */
export function toCell(value: unknown): QueryCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return Number(value);
  if (isNode(value)) return { $kind: 'node', id: value.elementId, labels: [...value.labels], props: props(value.properties) };
  if (isRelationship(value)) {
    return {
      $kind: 'rel',
      id: value.elementId,
      type: value.type,
      start: value.startNodeElementId,
      end: value.endNodeElementId,
      props: props(value.properties),
    };
  }
  if (isPath(value)) {
    return {
      $kind: 'path',
      segments: value.segments.map((s) => ({ start: toCell(s.start), rel: toCell(s.relationship), end: toCell(s.end) })),
    };
  }
  if (
    isDate(value) ||
    isDateTime(value) ||
    isLocalDateTime(value) ||
    isLocalTime(value) ||
    isTime(value) ||
    isDuration(value) ||
    isPoint(value)
  ) {
    return String(value);
  }
  if (Array.isArray(value)) return value.map(toCell);
  if (typeof value === 'object') return props(value as Record<string, unknown>);
  return String(value);
}
