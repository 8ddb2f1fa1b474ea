import { useState } from 'react';
import type { AirflowActionInput } from '../../../src-shared/domain/actions';
import type { Environment } from '../../../src-shared/domain/environment';
import { ActionDialog } from './ActionDialog';
import { TriggerDialog } from './TriggerDialog';

export interface ActionChoice {
  label: string;
  actions: AirflowActionInput[];
}

/**
 * Buttons that open the preview-and-confirm dialog. Hidden for synthetic
 * environments; disabled, with the reason, in read-only ones.
 */
export function ActionButtons({ env, choices }: { env: Environment; choices: ActionChoice[] }) {
  const [open, setOpen] = useState<ActionChoice | null>(null);
  if (env.synthetic) return null;
  const reason = env.readOnly ? `${env.name} is read-only. Allow actions in Settings → Environments → Edit.` : undefined;
  return (
    <>
      {choices.map((choice) => (
        <button key={choice.label} type="button" className="button" disabled={env.readOnly} title={reason} onClick={() => setOpen(choice)}>
          {choice.label}
        </button>
      ))}
      {open !== null ? <ChosenDialog env={env} choice={open} onClose={() => setOpen(null)} /> : null}
    </>
  );
}

/** A trigger first opens its conf editor (checked against the DAG's params); everything else goes straight to the preview. */
export function ChosenDialog({ env, choice, onClose }: { env: Environment; choice: ActionChoice; onClose: () => void }) {
  const [only] = choice.actions;
  if (choice.actions.length === 1 && only?.kind === 'trigger_dag') {
    return <TriggerDialog env={env} dagId={only.dagId} {...(only.conf !== undefined ? { conf: only.conf } : {})} onClose={onClose} />;
  }
  return <ActionDialog env={env} title={choice.label} actions={choice.actions} onClose={onClose} />;
}
