import type { PaletteHit } from '../../../src-shared/api/requests/palette';
import type { Environment } from '../../../src-shared/domain/environment';
import { formatRoute } from '../routing/route';
import { viewIds, views } from '../routing/views';
import { commandItems } from './command-items';

export interface PaletteItem {
  key: string;
  kind: 'view' | 'dag' | 'run' | 'command';
  label: string;
  detail: string;
  /** Where choosing the item goes; null for a command that acts in place. */
  href: string | null;
  /** A command that starts a sync of this environment. */
  syncEnvId?: string | null;
}

/** Views whose name contains the query (all of them for an empty query). */
export function viewItems(query: string): PaletteItem[] {
  const needle = query.trim().toLowerCase();
  return viewIds
    .filter((id) => views[id].detail !== true)
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

/** Search hits first (what the user typed for), then the commands and views that match. */
export function paletteItems(query: string, hits: readonly PaletteHit[], envs: readonly Environment[] = []): PaletteItem[] {
  return [...hits.map(hitItem), ...commandItems(query, envs), ...viewItems(query)];
}
