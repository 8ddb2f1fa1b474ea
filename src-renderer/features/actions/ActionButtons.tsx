import { useState } from 'react';
import type { AirflowActionInput } from '../../../src-shared/domain/actions';
import type { Environment } from '../../../src-shared/domain/environment';
import { ActionDialog } from './ActionDialog';

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
      {open !== null ? <ActionDialog env={env} title={open.label} actions={open.actions} onClose={() => setOpen(null)} /> : null}
    </>
  );
}
