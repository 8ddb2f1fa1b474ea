import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { ActionKind, ActionProposal } from '../../../../src-shared/domain/copilot';
import { ToolDagId, ToolRunId, ToolTaskId } from '../tools/tool-args';

/** What each kind of proposal names; validated like tool arguments. */
export const proposalArgs = {
  pause_dag: z.object({ dagId: ToolDagId }).strict(),
  trigger_run: z.object({ dagId: ToolDagId }).strict(),
  clear_task: z.object({ dagId: ToolDagId, runId: ToolRunId, taskId: ToolTaskId }).strict(),
  add_note: z.object({ dagId: ToolDagId, runId: ToolRunId, note: z.string().min(1).max(300) }).strict(),
} as const satisfies Record<ActionKind, z.ZodObject>;

type Args = { dagId: string; runId?: string; taskId?: string; note?: string };

function summary(kind: ActionKind, a: Args): string {
  switch (kind) {
    case 'pause_dag':
      return `Pause DAG ${a.dagId}: no new runs are scheduled until it is unpaused.`;
    case 'trigger_run':
      return `Trigger a new manual run of DAG ${a.dagId} with its default conf.`;
    case 'clear_task':
      return `Clear task ${a.taskId ?? '?'} in run ${a.runId ?? '?'} of DAG ${a.dagId} so the scheduler runs it again.`;
    case 'add_note':
      return `Set the note of run ${a.runId ?? '?'} of DAG ${a.dagId} to: "${a.note ?? ''}".`;
  }
}

/** A card for the person to read; status "proposed" — nothing has been, or will be, executed by the copilot. */
export function makeProposal(kind: ActionKind, args: Args): ActionProposal {
  return {
    id: randomUUID(),
    kind,
    dagId: args.dagId,
    runId: args.runId ?? null,
    taskId: args.taskId ?? null,
    note: args.note ?? null,
    summary: summary(kind, args),
    status: 'proposed',
    statusMessage: null,
  };
}
