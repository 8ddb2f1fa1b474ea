import type { AirflowActionInput } from '../../../src-shared/domain/actions';
import type { Environment } from '../../../src-shared/domain/environment';
import type { RunSummary } from '../../../src-shared/domain/history';
import { BulkBar } from '../actions/bulk/BulkBar';
import type { BulkSelection } from '../actions/bulk/use-bulk-selection';
import { runKey } from './RunList';

/** Clear or mark the selected runs (across DAGs) in one confirmed action. */
export function RunBulkBar({ env, runs, selection }: { env: Environment; runs: readonly RunSummary[]; selection: BulkSelection }) {
  const chosen = new Set(selection.selected);
  const picked = runs.filter((r) => chosen.has(runKey(r)));
  const each = (make: (r: RunSummary) => AirflowActionInput): AirflowActionInput[] => picked.map(make);
  return (
    <BulkBar
      env={env}
      count={picked.length}
      targets={picked.map((r) => `${r.dagId} · ${r.runId} (${r.state})`)}
      onClear={selection.clear}
      choices={[
        { label: 'Clear failed tasks', actions: each((r) => ({ kind: 'clear_failed_in_run', dagId: r.dagId, runId: r.runId })) },
        { label: 'Mark runs success', actions: each((r) => ({ kind: 'mark_run', dagId: r.dagId, runId: r.runId, newState: 'success' })) },
        { label: 'Mark runs failed', actions: each((r) => ({ kind: 'mark_run', dagId: r.dagId, runId: r.runId, newState: 'failed' })) },
      ]}
    />
  );
}
