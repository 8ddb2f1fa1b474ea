import type { LineageScope } from '../../../src-shared/domain/lineage';
import { formatRoute, type Route } from '../routing/route';

export type ScopeKind = LineageScope['kind'];

/** The lineage view's scope as kept in the hash route (`#/lineage?scope=neighbours&dag=etl`). */
export interface LineageParams {
  kind: ScopeKind;
  dagId: string | null;
  uri: string | null;
  depth: number;
  expand: boolean;
}

const kinds: readonly ScopeKind[] = ['dag', 'neighbours', 'asset', 'environment'];

export function readLineageParams(params: Route['params']): LineageParams {
  const kind = kinds.find((k) => k === params.scope) ?? (params.dag ? 'neighbours' : 'environment');
  const depth = Number.parseInt(params.depth ?? '2', 10);
  return { kind, dagId: params.dag ?? null, uri: params.uri ?? null, depth: Number.isFinite(depth) ? Math.min(10, Math.max(1, depth)) : 2, expand: params.expand === '1' };
}

export function lineageHref(p: LineageParams): string {
  return formatRoute('lineage', {
    scope: p.kind,
    dag: p.kind === 'dag' || p.kind === 'neighbours' ? (p.dagId ?? undefined) : undefined,
    uri: p.kind === 'asset' ? (p.uri ?? undefined) : undefined,
    depth: p.kind === 'asset' ? String(p.depth) : undefined,
    expand: p.kind === 'environment' && p.expand ? '1' : undefined,
  });
}

/** The request scope, or null while a needed choice (DAG, asset) is missing. */
export function toScope(p: LineageParams): LineageScope | null {
  if (p.kind === 'environment') return { kind: 'environment', expand: p.expand };
  if (p.kind === 'asset') return p.uri === null ? null : { kind: 'asset', uri: p.uri, depth: p.depth };
  return p.dagId === null ? null : { kind: p.kind, dagId: p.dagId };
}
