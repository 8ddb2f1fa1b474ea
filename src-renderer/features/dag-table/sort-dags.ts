import type { DagSummary } from '../../../src-shared/domain/history';
import type { RunState } from '../../../src-shared/domain/states';
import type { DagSort } from './dag-columns';

/** Failed first when sorting by state descending: the order an operator triages in. */
const stateRank: Readonly<Record<RunState, number>> = { failed: 4, running: 3, queued: 2, success: 1 };

function compareNullable<T>(a: T | null, b: T | null, compare: (x: T, y: T) => number): number {
  if (a === null && b === null) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return compare(a, b);
}

const text = (a: string, b: string): number => a.localeCompare(b, undefined, { sensitivity: 'base', numeric: true });
const num = (a: number, b: number): number => a - b;

function compareBy(sort: DagSort, a: DagSummary, b: DagSummary): number {
  switch (sort.key) {
    case 'dagId':
      return text(a.dagId, b.dagId);
    case 'schedule':
      return compareNullable(a.schedule, b.schedule, text);
    case 'owners':
      return text(a.owners.join(', '), b.owners.join(', '));
    case 'lastRunState':
      return compareNullable(a.lastRunState && stateRank[a.lastRunState], b.lastRunState && stateRank[b.lastRunState], num);
    case 'lastRunAt':
      return compareNullable(a.lastRunAt, b.lastRunAt, text);
    case 'runs24h':
    case 'failed24h':
    case 'failed7d':
      return a[sort.key] - b[sort.key];
  }
}

/**
 * Sorts a copy of the DAGs; ties fall back to DAG id so the order is stable.
 * Missing values (never run, no schedule) always go last, whichever the direction.
 */
export function sortDags(dags: readonly DagSummary[], sort: DagSort): DagSummary[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  return [...dags].sort((a, b) => {
    const aMissing = sort.key === 'lastRunAt' ? a.lastRunAt === null : sort.key === 'lastRunState' ? a.lastRunState === null : sort.key === 'schedule' ? a.schedule === null : false;
    const bMissing = sort.key === 'lastRunAt' ? b.lastRunAt === null : sort.key === 'lastRunState' ? b.lastRunState === null : sort.key === 'schedule' ? b.schedule === null : false;
    if (aMissing !== bMissing) return aMissing ? 1 : -1;
    const primary = compareBy(sort, a, b) * sign;
    if (primary !== 0) return primary;
    // Equal recent failures: the DAG that failed more this week comes first.
    if (sort.key === 'failed24h' && a.failed7d !== b.failed7d) return (a.failed7d - b.failed7d) * sign;
    return text(a.dagId, b.dagId);
  });
}
