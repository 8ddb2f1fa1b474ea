import type { RuleFiring } from '../../../src-shared/domain/rules';
import type { ActionChoice } from '../actions/ActionButtons';

/** The action a firing proposes, as the action dialog's choice; null when there is none to propose. */
export function firingActionChoice(f: RuleFiring): ActionChoice | null {
  if (f.action === 'pause_dag') return { label: `Pause ${f.dagId}…`, actions: [{ kind: 'pause_dag', dagId: f.dagId, paused: true }] };
  if (f.action === 'clear_task' && f.taskId !== null && f.runId !== null) {
    return {
      label: `Clear ${f.taskId}…`,
      actions: [{ kind: 'clear_task_instances', dagId: f.dagId, runId: f.runId, taskIds: [f.taskId] }],
    };
  }
  return null;
}
