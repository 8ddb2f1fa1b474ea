import type { PaletteHit } from '../../../src-shared/api/requests/palette';
import { formatRoute } from '../routing/route';
import { viewIds, views } from '../routing/views';

export interface PaletteItem {
  key: string;
  kind: 'view' | 'dag' | 'run';
  label: string;
  detail: string;
  href: string;
}

/** Views whose name contains the query (all of them for an empty query). */
export function viewItems(query: string): PaletteItem[] {
  const needle = query.trim().toLowerCase();
  return viewIds
    .filter((id) => needle.length === 0 || views[id].label.toLowerCase().includes(needle))
    .map((id) => ({ key: `view:${id}`, kind: 'view', label: views[id].label, detail: views[id].built ? 'Go to view' : 'Not built yet', href: formatRoute(id) }));
}

/** A DAG opens its runs; a run opens its detail. */
export function hitItem(hit: PaletteHit): PaletteItem {
  if (hit.kind === 'run' && hit.runId !== null) {
    return { key: `run:${hit.dagId}:${hit.runId}`, kind: 'run', label: hit.label, detail: hit.detail, href: formatRoute('runs', { dag: hit.dagId, run: hit.runId }) };
  }
  return { key: `dag:${hit.dagId}`, kind: 'dag', label: hit.label, detail: hit.detail, href: formatRoute('runs', { dag: hit.dagId }) };
}

/** Search hits first (what the user typed for), then the views that match. */
export function paletteItems(query: string, hits: readonly PaletteHit[]): PaletteItem[] {
  return [...hits.map(hitItem), ...viewItems(query)];
}
