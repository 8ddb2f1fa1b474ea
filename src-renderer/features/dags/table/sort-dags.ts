import type { RunState } from '../../../../src-shared/domain/states';
import type { DagSort, DagSortKey } from './dag-columns';
import type { DagRow } from './dag-row';

/** Failed first when sorting by state descending: the order an operator triages in. */
const stateRank: Readonly<Record<RunState, number>> = { failed: 4, running: 3, queued: 2, success: 1 };

const text = (a: string, b: string): number => a.localeCompare(b, undefined, { sensitivity: 'base', numeric: true });

/** The value a column sorts by; null when the DAG has none (never run, no schedule, no run in the window). */
function sortValue(key: DagSortKey, dag: DagRow): string | number | null {
  switch (key) {
    case 'dagId':
      return dag.dagId;
    case 'schedule':
      return dag.schedule;
    case 'owners':
      return dag.owners.join(', ');
    case 'lastRunState':
      return dag.lastRunState && stateRank[dag.lastRunState];
    case 'lastRunAt':
      return dag.lastRunAt;
    case 'failureRate':
      return dag.stats?.failureRate ?? null;
    case 'meanDurationS':
      return dag.stats?.meanDurationS ?? null;
    case 'runs24h':
    case 'failed24h':
    case 'failed7d':
      return dag[key];
  }
}

function compareValues(a: string | number, b: string | number): number {
  return typeof a === 'number' && typeof b === 'number' ? a - b : text(String(a), String(b));
}

/**
 * Sorts a copy of the DAGs; ties fall back to DAG id (then environment) so the order is stable.
 * Missing values (never run, no schedule) always go last, whichever the direction.
 */
export function sortDags<T extends DagRow>(dags: readonly T[], sort: DagSort): T[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  return [...dags].sort((a, b) => {
    const av = sortValue(sort.key, a);
    const bv = sortValue(sort.key, b);
    if ((av === null) !== (bv === null)) return av === null ? 1 : -1;
    const primary = av === null || bv === null ? 0 : compareValues(av, bv) * sign;
    if (primary !== 0) return primary;
    // Equal recent failures: the DAG that failed more this week comes first.
    if (sort.key === 'failed24h' && a.failed7d !== b.failed7d) return (a.failed7d - b.failed7d) * sign;
    // Equal failure rates: the one with more finished runs behind the rate first.
    if (sort.key === 'failureRate' && (a.stats?.finishedRuns ?? 0) !== (b.stats?.finishedRuns ?? 0))
      return ((a.stats?.finishedRuns ?? 0) - (b.stats?.finishedRuns ?? 0)) * sign;
    return text(a.dagId, b.dagId) || text(a.envId, b.envId);
  });
}
