import { useState } from 'react';
import type { AirflowActionInput } from '../../../src-shared/domain/actions';
import type { Environment } from '../../../src-shared/domain/environment';
import { Dialog } from '../../ui/dialog/Dialog';
import { FormField } from '../env-settings/FormField';
import { ActionDialog } from './ActionDialog';

export interface NoteButtonProps {
  env: Environment;
  /** The note Airflow has now (as last synced). */
  current: string | null;
  /** What the note is on, for the dialog's title ("task load of run …"). */
  what: string;
  /** The action that sets a note (run or task instance). */
  action: (note: string) => AirflowActionInput;
}

/**
 * Add or edit an Airflow note (on a run or a task instance): write it, then
 * the usual preview, confirmation naming the environment and audit entry.
 * Hidden for synthetic environments, disabled with the reason in read-only ones.
 */
export function NoteButton({ env, current, what, action }: NoteButtonProps) {
  const [open, setOpen] = useState(false);
  if (env.synthetic) return null;
  const label = current === null || current === '' ? 'Add note' : 'Edit note';
  return (
    <>
      <button
        type="button"
        className="button"
        disabled={env.readOnly}
        title={env.readOnly ? `${env.name} is read-only. Allow actions in Settings → Environments → Edit.` : undefined}
        onClick={() => setOpen(true)}
      >
        {label}
      </button>
      {open ? <NoteDialog env={env} current={current} what={what} action={action} title={label} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function NoteDialog({ env, current, what, action, title, onClose }: NoteButtonProps & { title: string; onClose: () => void }) {
  const [text, setText] = useState(current ?? '');
  const [chosen, setChosen] = useState<AirflowActionInput | null>(null);
  if (chosen !== null) return <ActionDialog env={env} title={`${title}: ${what}`} actions={[chosen]} onClose={onClose} />;
  return (
    <Dialog
      title={`${title}: ${what}`}
      subtitle={`Environment: ${env.name}`}
      onClose={onClose}
      wide
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={text === (current ?? '')}
            onClick={() => setChosen(action(text))}
          >
            Preview
          </button>
        </>
      }
    >
      <FormField label="Note" help="Saved in Airflow, visible to everyone who can see this in Airflow." wide>
        {(ids) => (
          <textarea
            id={ids.id}
            aria-describedby={ids.describedBy}
            rows={6}
            maxLength={10_000}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        )}
      </FormField>
    </Dialog>
  );
}
