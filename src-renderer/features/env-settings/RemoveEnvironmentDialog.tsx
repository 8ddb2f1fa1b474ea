import { useId, useState } from 'react';
import type { Environment } from '../../../src-shared/domain/environment';
import { useApiMutation } from '../../platform/api/use-api-mutation';
import { Dialog } from '../../ui/dialog/Dialog';
import { ApiErrorNotice } from '../../ui/feedback/ApiErrorNotice';

/** Confirms a removal by having the user type the environment's name. */
export function RemoveEnvironmentDialog({ env, onClose }: { env: Environment; onClose: () => void }) {
  const [typed, setTyped] = useState('');
  const inputId = useId();
  const remove = useApiMutation('envs.remove');
  const matches = typed.trim() === env.name;
  return (
    <Dialog
      title={`Remove ${env.name}?`}
      onClose={onClose}
      footer={
        <>
          <span className="dialog-foot-spacer" />
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="button button-danger"
            disabled={!matches || remove.isPending}
            onClick={() => remove.mutate({ envId: env.id }, { onSuccess: onClose })}
          >
            {remove.isPending ? 'Removing…' : 'Remove environment'}
          </button>
        </>
      }
    >
      <p>
        This removes <strong>{env.name}</strong>
        {env.baseUrl !== null ? (
          <>
            {' '}
            (<span className="mono">{env.baseUrl}</span>)
          </>
        ) : null}
        , its stored credentials and its cached history from this machine. Airflow itself is not touched.
      </p>
      <div className="form-field">
        <label htmlFor={inputId}>
          Type <strong className="mono">{env.name}</strong> to confirm
        </label>
        <input
          id={inputId}
          type="text"
          value={typed}
          autoComplete="off"
          spellCheck={false}
          autoFocus
          onChange={(event) => setTyped(event.target.value)}
        />
      </div>
      {remove.error !== null ? <ApiErrorNotice error={remove.error} title="Not removed" /> : null}
    </Dialog>
  );
}
