import type { LineageEdge } from '../../../src-shared/domain/lineage';
import { edgeOnPath } from './trace-paths';

export type PathRole = 'hovered' | 'upstream' | 'downstream' | 'dim' | null;

export interface Traced {
  key: string;
  upstream: Set<string>;
  downstream: Set<string>;
}

/** How a node shows while a trace is on: the hovered node, on its upstream or downstream path, or dimmed. */
export function nodeRole(traced: Traced | null, key: string): PathRole {
  if (traced === null) return null;
  if (key === traced.key) return 'hovered';
  if (traced.downstream.has(key)) return 'downstream';
  if (traced.upstream.has(key)) return 'upstream';
  return 'dim';
}

/** How an edge shows while a trace is on. */
export function edgeRole(traced: Traced | null, edge: LineageEdge): 'up' | 'down' | 'dim' | null {
  if (traced === null) return null;
  return edgeOnPath(edge, traced.key, traced) ?? 'dim';
}
