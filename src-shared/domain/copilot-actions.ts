import type { AirflowActionInput } from './actions';
import type { ActionProposal } from './copilot';

/**
 * The Airflow action a copilot proposal stands for, as the actions dialog
 * previews and (only after a person confirms) runs it; null when the
 * proposal lacks what the action needs.
 */
export function proposalAction(p: ActionProposal): AirflowActionInput | null {
  switch (p.kind) {
    case 'pause_dag':
      return { kind: 'pause_dag', dagId: p.dagId, paused: true };
    case 'trigger_run':
      return { kind: 'trigger_dag', dagId: p.dagId, conf: {} };
    case 'clear_task':
      return p.runId === null || p.taskId === null
        ? null
        : { kind: 'clear_task_instances', dagId: p.dagId, runId: p.runId, taskIds: [p.taskId], onlyFailed: true };
    case 'add_note':
      return p.runId === null || p.note === null ? null : { kind: 'set_run_note', dagId: p.dagId, runId: p.runId, note: p.note };
  }
}
