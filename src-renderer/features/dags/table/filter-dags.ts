import type { DagSummary } from '../../../../src-shared/domain/history';

/**
 * Keeps DAGs matching every word of the filter, looked for in the id,
 * owners, tags, schedule and last state. `tag:x` and `owner:x` narrow to one field.
 */
export function filterDags<T extends DagSummary>(dags: readonly T[], filter: string): T[] {
  const words = filter
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word.length > 0);
  if (words.length === 0) return [...dags];
  return dags.filter((dag) =>
    words.every((word) => {
      if (word.startsWith('tag:')) return dag.tags.some((tag) => tag.toLowerCase().includes(word.slice(4)));
      if (word.startsWith('owner:')) return dag.owners.some((owner) => owner.toLowerCase().includes(word.slice(6)));
      const haystack = [dag.dagId, dag.schedule ?? '', dag.lastRunState ?? '', ...dag.owners, ...dag.tags].join('\n').toLowerCase();
      return haystack.includes(word);
    }),
  );
}
