import type { RunState } from '../../../src-shared/domain/states';
import type { DagRow } from './table/dag-row';

/** The list's filters besides the search text; each empty when not set. Deep-linked as route params. */
export interface DagFacets {
  tag: string;
  owner: string;
  /** A run state, or `never` for DAGs without a run. */
  state: RunState | 'never' | '';
  paused: 'paused' | 'active' | '';
}

export const noFacets: DagFacets = { tag: '', owner: '', state: '', paused: '' };

const RUN_STATES: readonly string[] = ['success', 'failed', 'running', 'queued', 'never'];

/** Reads the facets from route params, ignoring values that name nothing. */
export function readFacets(params: Readonly<Record<string, string>>): DagFacets {
  const state = params.state ?? '';
  const paused = params.paused ?? '';
  return {
    tag: params.tag ?? '',
    owner: params.owner ?? '',
    state: RUN_STATES.includes(state) ? (state as DagFacets['state']) : '',
    paused: paused === 'paused' || paused === 'active' ? paused : '',
  };
}

/** Keeps the DAGs matching every facet that is set; tag and owner match exactly. */
export function filterByFacets<T extends DagRow>(dags: readonly T[], facets: DagFacets): T[] {
  return dags.filter(
    (dag) =>
      (facets.tag === '' || dag.tags.includes(facets.tag)) &&
      (facets.owner === '' || dag.owners.includes(facets.owner)) &&
      (facets.state === '' || (facets.state === 'never' ? dag.lastRunState === null : dag.lastRunState === facets.state)) &&
      (facets.paused === '' || dag.isPaused === (facets.paused === 'paused')),
  );
}

/** Every tag and owner of the DAGs, sorted, for the filters' choices. */
export function facetChoices(dags: readonly DagRow[]): { tags: string[]; owners: string[] } {
  const tags = new Set<string>();
  const owners = new Set<string>();
  for (const dag of dags) {
    for (const tag of dag.tags) tags.add(tag);
    for (const owner of dag.owners) owners.add(owner);
  }
  const byText = (a: string, b: string): number => a.localeCompare(b, undefined, { sensitivity: 'base', numeric: true });
  return { tags: [...tags].sort(byText), owners: [...owners].sort(byText) };
}
