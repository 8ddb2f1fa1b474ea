import { useState } from 'react';
import type { ActionProposal } from '../../../src-shared/domain/copilot';
import { proposalAction } from '../../../src-shared/domain/copilot-actions';
import type { Environment } from '../../../src-shared/domain/environment';
import { ChosenDialog } from '../actions/ActionButtons';

const TITLE: Readonly<Record<ActionProposal['kind'], string>> = {
  clear_task: 'Clear a task',
  pause_dag: 'Pause a DAG',
  trigger_run: 'Trigger a run',
  add_note: 'Add a note',
};

/**
 * A suggested action: exactly what would change, and a button only a person
 * can press. It opens the actions dialog (Airflow's dry run, a confirmation
 * naming the environment, the audit log); nothing runs without that.
 */
export function ProposalCard({ env, proposal }: { env: Environment; proposal: ActionProposal }) {
  const [open, setOpen] = useState(false);
  const action = proposalAction(proposal);
  return (
    <div className="proposal-card" aria-label={`Proposed action: ${TITLE[proposal.kind]}`}>
      <div className="proposal-title">{TITLE[proposal.kind]}</div>
      <p className="proposal-summary">{proposal.summary}</p>
      <p className="proposal-note">
        {env.readOnly || env.synthetic
          ? `${env.name} is read-only: the dialog shows why nothing can run here.`
          : 'Nothing has run. Review shows what Airflow would change; it runs only when you confirm.'}
      </p>
      {proposal.status === 'refused' ? <p className="proposal-refused">{proposal.statusMessage ?? 'Refused.'}</p> : null}
      <button type="button" className="button button-small" disabled={action === null} onClick={() => setOpen(true)}>
        Review and apply…
      </button>
      {open && action !== null ? (
        <ChosenDialog env={env} choice={{ label: TITLE[proposal.kind], actions: [action] }} onClose={() => setOpen(false)} />
      ) : null}
    </div>
  );
}
