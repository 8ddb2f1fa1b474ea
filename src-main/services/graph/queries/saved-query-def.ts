import type { QueryTable, SavedQueryParam } from '../../../../src-shared/domain/graph-query';
import type { EmbeddedGraph } from '../embedded-graph';

export type ParamValues = Readonly<Record<string, string | number>>;

/** A saved graph question: its Cypher for Neo4j, and the same answer computed in-process. */
export interface SavedQueryDef {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly cypher: string;
  readonly params: readonly SavedQueryParam[];
  answer(graph: EmbeddedGraph, params: ParamValues): QueryTable;
}

/**
 * The data-flow step of flow.ts in Cypher: walking downstream from `a` to `b`,
 * DEPENDS_ON and CONSUMES are followed against their direction, the others along it.
 */
export const DOWNSTREAM_STEP =
  "((a)-[r:DEPENDS_ON|PRODUCES|CONSUMES|TRIGGERS|HAS_TASK]-(b) WHERE (type(r) IN ['DEPENDS_ON', 'CONSUMES']) = (startNode(r) = b))";
/** The same step walked upstream, from `b` (downstream) to `a`. */
export const UPSTREAM_STEP =
  "((b)-[r:DEPENDS_ON|PRODUCES|CONSUMES|TRIGGERS|HAS_TASK]-(a) WHERE (type(r) IN ['DEPENDS_ON', 'CONSUMES']) = (startNode(r) = b))";
/** Upper bound of the walks; `$depth` narrows it. */
export const MAX_WALK = 8;

export const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
export const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
