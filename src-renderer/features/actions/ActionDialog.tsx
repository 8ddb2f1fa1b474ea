import { useState } from 'react';
import type { AirflowActionInput } from '../../../src-shared/domain/actions';
import { isProductionColor, type Environment } from '../../../src-shared/domain/environment';
import { useApiMutation } from '../../platform/api/use-api-mutation';
import { useApiQuery } from '../../platform/api/use-api-query';
import { Dialog } from '../../ui/dialog/Dialog';
import { FormField } from '../env-settings/FormField';
import { ApiErrorNotice } from '../../ui/feedback/ApiErrorNotice';
import { Loading } from '../../ui/feedback/Loading';
import { ActionOutcomes } from './ActionOutcomes';
import { PreviewTable } from './PreviewTable';
import { TargetList } from './TargetList';

export interface ActionDialogProps {
  env: Environment;
  title: string;
  actions: AirflowActionInput[];
  /** For bulk actions: every target, listed before Airflow's preview (and even when it is refused). */
  targets?: readonly string[];
  onClose: () => void;
}

/**
 * Shows exactly what the actions will change (Airflow's dry run where it has
 * one), then runs them only after a confirmation naming the environment;
 * production-coloured environments need its name typed.
 */
export function ActionDialog({ env, title, actions, targets, onClose }: ActionDialogProps) {
  const production = isProductionColor(env.color);
  const [typed, setTyped] = useState('');
  const preview = useApiQuery('actions.preview', { envId: env.id, actions });
  const execute = useApiMutation('actions.execute');
  const confirmed = !production || typed.trim() === env.name;
  const run = () => execute.mutate({ envId: env.id, actions, confirmation: production ? typed : env.name });
  const done = execute.data !== undefined;
  return (
    <Dialog
      title={title}
      subtitle={`Environment: ${env.name}${production ? ' (production)' : ''}`}
      onClose={onClose}
      wide
      footer={
        done ? (
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
        ) : (
          <>
            <button type="button" className="button" onClick={onClose}>
              Cancel
            </button>
            <button
              type="button"
              className="button button-danger"
              disabled={!confirmed || preview.data === undefined || execute.isPending}
              onClick={run}
            >
              {execute.isPending ? 'Running…' : `Run in ${env.name}`}
            </button>
          </>
        )
      }
    >
      {targets !== undefined ? <TargetList targets={targets} /> : null}
      {preview.isLoading ? <Loading label="Asking Airflow what would change…" /> : null}
      {preview.error !== null ? <ApiErrorNotice error={preview.error} title="Nothing can be changed" /> : null}
      {preview.data !== undefined ? <PreviewTable previews={preview.data} /> : null}
      {production && !done && preview.data !== undefined ? (
        <FormField label={`Type ${env.name} to confirm`} help="This is a production environment.">
          {(ids) => (
            <input
              id={ids.id}
              aria-describedby={ids.describedBy}
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              autoComplete="off"
              spellCheck={false}
            />
          )}
        </FormField>
      ) : null}
      {execute.error !== null ? <ApiErrorNotice error={execute.error} title="Not run" /> : null}
      {execute.data !== undefined ? <ActionOutcomes outcomes={execute.data} /> : null}
    </Dialog>
  );
}
