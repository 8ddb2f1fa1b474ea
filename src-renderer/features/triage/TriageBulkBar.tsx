import type { Environment } from '../../../src-shared/domain/environment';
import type { TriageItem } from '../../../src-shared/domain/investigate';
import { BulkBar } from '../actions/bulk/BulkBar';
import type { BulkSelection } from '../actions/bulk/use-bulk-selection';

export const triageKey = (item: { envId: string; dagId: string; runId: string }): string =>
  `${item.envId}\u0000${item.dagId}\u0000${item.runId}`;

/** Clear the failed tasks of the selected failed runs, or mark them, across DAGs, in one confirmed action. */
export function TriageBulkBar({
  items,
  envs,
  selection,
}: {
  items: readonly TriageItem[];
  envs: readonly Environment[];
  selection: BulkSelection;
}) {
  const chosen = new Set(selection.selected);
  const picked = items.filter((i) => chosen.has(triageKey(i)));
  const envIds = new Set(picked.map((i) => i.envId));
  const [only] = [...envIds];
  const env = envIds.size === 1 ? (envs.find((e) => e.id === only) ?? null) : null;
  return (
    <BulkBar
      env={env}
      count={picked.length}
      targets={picked.map((i) => `${i.dagId} · ${i.runId}${i.failedTasks.length > 0 ? ` (failed: ${i.failedTasks.join(', ')})` : ''}`)}
      onClear={selection.clear}
      choices={[
        { label: 'Clear failed tasks', actions: picked.map((i) => ({ kind: 'clear_failed_in_run', dagId: i.dagId, runId: i.runId })) },
        {
          label: 'Mark runs success',
          actions: picked.map((i) => ({ kind: 'mark_run', dagId: i.dagId, runId: i.runId, newState: 'success' })),
        },
      ]}
    />
  );
}
