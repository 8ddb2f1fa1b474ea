import type { LineageScope } from '../../../src-shared/domain/lineage';
import { formatRoute, type Route } from '../../platform/routing/route';
import type { RenderChoice } from './render-mode';

export type ScopeKind = LineageScope['kind'];

/** The lineage view's scope as kept in the hash route (`#/lineage?scope=neighbours&dag=etl`, `#/lineage?scope=environments&envs=prod,staging`). */
export interface LineageParams {
  kind: ScopeKind;
  dagId: string | null;
  uri: string | null;
  depth: number;
  expand: boolean;
  /** Environments of the `environments` scope (the current one when empty). */
  envIds?: readonly string[];
  /** SVG or canvas, or chosen by size. */
  render?: RenderChoice;
}

const kinds: readonly ScopeKind[] = ['dag', 'neighbours', 'asset', 'environment', 'environments'];
const renders: readonly RenderChoice[] = ['auto', 'svg', 'canvas'];
const ENV_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;

export function readLineageParams(params: Route['params']): LineageParams {
  const kind = kinds.find((k) => k === params.scope) ?? (params.dag ? 'neighbours' : 'environment');
  const depth = Number.parseInt(params.depth ?? '2', 10);
  const envIds = [...new Set((params.envs ?? '').split(',').filter((id) => ENV_ID.test(id)))].slice(0, 20);
  return {
    kind,
    dagId: params.dag ?? null,
    uri: params.uri ?? null,
    depth: Number.isFinite(depth) ? Math.min(10, Math.max(1, depth)) : 2,
    expand: params.expand === '1',
    envIds,
    render: renders.find((r) => r === params.render) ?? 'auto',
  };
}

export function lineageHref(p: LineageParams): string {
  const wide = p.kind === 'environment' || p.kind === 'environments';
  return formatRoute('lineage', {
    scope: p.kind,
    dag: p.kind === 'dag' || p.kind === 'neighbours' ? (p.dagId ?? undefined) : undefined,
    uri: p.kind === 'asset' ? (p.uri ?? undefined) : undefined,
    depth: p.kind === 'asset' ? String(p.depth) : undefined,
    envs: p.kind === 'environments' ? (p.envIds ?? []).join(',') : undefined,
    expand: wide && p.expand ? '1' : undefined,
    render: p.render !== undefined && p.render !== 'auto' ? p.render : undefined,
  });
}

/** The request scope, or null while a needed choice (DAG, asset) is missing. */
export function toScope(p: LineageParams, currentEnv: string): LineageScope | null {
  if (p.kind === 'environment') return { kind: 'environment', expand: p.expand };
  if (p.kind === 'environments')
    return { kind: 'environments', envIds: p.envIds !== undefined && p.envIds.length > 0 ? [...p.envIds] : [currentEnv], expand: p.expand };
  if (p.kind === 'asset') return p.uri === null ? null : { kind: 'asset', uri: p.uri, depth: p.depth };
  return p.dagId === null ? null : { kind: p.kind, dagId: p.dagId };
}
