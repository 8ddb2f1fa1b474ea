import type { ActionProposal } from '../../../src-shared/domain/copilot';
import { ApiErrorNotice } from '../feedback/ApiErrorNotice';
import { useApiMutation } from '../api/use-api-mutation';

const TITLE: Readonly<Record<ActionProposal['kind'], string>> = {
  clear_task: 'Clear a task',
  pause_dag: 'Pause a DAG',
  trigger_run: 'Trigger a run',
  add_note: 'Add a note',
};

/** A suggested action: exactly what would change, and a button only a person can press. Nothing runs without it. */
export function ProposalCard({ envId, proposal, readOnly }: { envId: string; proposal: ActionProposal; readOnly: boolean }) {
  const confirm = useApiMutation('copilot.proposal.confirm');
  const refused = proposal.status === 'refused';
  return (
    <div className="proposal-card" aria-label={`Proposed action: ${TITLE[proposal.kind]}`}>
      <div className="proposal-title">{TITLE[proposal.kind]}</div>
      <p className="proposal-summary">{proposal.summary}</p>
      <p className="proposal-note">
        {readOnly ? 'This environment is read-only: this action cannot run here.' : 'Actions on Airflow arrive with the actions issue; until then this card only describes the change.'}
      </p>
      {refused ? <p className="proposal-refused">{proposal.statusMessage ?? 'Refused.'}</p> : null}
      {confirm.error !== null ? <ApiErrorNotice error={confirm.error} title="Not applied" /> : null}
      <button type="button" className="button button-small" disabled={confirm.isPending || refused} onClick={() => confirm.mutate({ envId, proposalId: proposal.id })}>
        Apply…
      </button>
    </div>
  );
}
