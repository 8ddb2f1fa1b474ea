import type { LineageNode } from '../../../src-shared/domain/lineage';
import { RunState, TaskState } from '../../../src-shared/domain/states';
import { stateLooks, type AnyState, type StateLook } from '../../ui/states/state-look';

/** The state look of a node's last state (null: never ran, or an asset). */
export function nodeLook(node: Pick<LineageNode, 'state'>): StateLook | null {
  if (node.state === null) return null;
  const parsed = TaskState.safeParse(node.state);
  if (parsed.success) return stateLooks[parsed.data];
  const run = RunState.safeParse(node.state);
  return run.success ? stateLooks[run.data] : null;
}

/** A state string from the API as a known state, or null. */
export function asState(value: string): AnyState | null {
  const task = TaskState.safeParse(value);
  if (task.success) return task.data;
  const run = RunState.safeParse(value);
  return run.success ? run.data : null;
}
