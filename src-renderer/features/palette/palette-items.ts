import type { PaletteHit } from '../../../src-shared/api/requests/palette';
import type { Environment } from '../../../src-shared/domain/environment';
import { lineageHref } from '../lineage/lineage-route';
import { formatRoute } from '../../platform/routing/route';
import { viewIds, views } from '../../platform/routing/views';
import { commandItems } from './command-items';

export interface PaletteItem {
  key: string;
  kind: 'view' | 'dag' | 'task' | 'pattern' | 'asset' | 'run' | 'command';
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
    .map((id) => ({
      key: `view:${id}`,
      kind: 'view',
      label: views[id].label,
      detail: views[id].built ? 'Go to view' : 'Not built yet',
      href: formatRoute(id),
    }));
}

/** A DAG opens its runs; a run its detail; a task the DAG grid on that task; a pattern its place in the Patterns tab; an asset its lineage. */
export function hitItem(hit: PaletteHit): PaletteItem {
  const item = (kind: PaletteItem['kind'], key: string, href: string): PaletteItem => ({
    key: `${kind}:${hit.envId}:${key}`,
    kind,
    label: hit.label,
    detail: hit.detail,
    href,
  });
  switch (hit.kind) {
    case 'run':
      return item(
        'run',
        `${hit.dagId}:${hit.runId ?? ''}`,
        formatRoute('runs', { dag: hit.dagId, ...(hit.runId !== null ? { run: hit.runId } : {}) }),
      );
    case 'task':
      return item('task', `${hit.dagId}:${hit.taskId ?? ''}`, formatRoute('dag', { dag: hit.dagId, task: hit.taskId }));
    case 'pattern':
      return item('pattern', hit.patternId ?? hit.label, formatRoute('anomalies', { tab: 'patterns', pattern: hit.patternId }));
    case 'asset':
      return item(
        'asset',
        hit.uri ?? hit.label,
        lineageHref({ kind: 'asset', dagId: null, uri: hit.uri ?? hit.label, depth: 2, expand: false }),
      );
    case 'dag':
      return item('dag', hit.dagId, formatRoute('runs', { dag: hit.dagId }));
  }
}

/** Search hits first (what the user typed for), then the commands and views that match. */
export function paletteItems(query: string, hits: readonly PaletteHit[], envs: readonly Environment[] = []): PaletteItem[] {
  return [...hits.map(hitItem), ...commandItems(query, envs), ...viewItems(query)];
}
