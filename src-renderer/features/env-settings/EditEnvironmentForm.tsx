import { useId } from 'react';
import type { Environment } from '../../../src-shared/domain/environment';
import { useApiMutation } from '../../platform/api/use-api-mutation';
import { Dialog } from '../../ui/dialog/Dialog';
import { ApiErrorNotice } from '../../ui/feedback/ApiErrorNotice';
import { changesConnection, draftChanges, draftToInput } from './draft-to-input';
import type { EnvDraft } from './env-draft';
import { EnvironmentForm } from './EnvironmentForm';
import { TestOutcome } from './TestOutcome';
import { useConnectionTest } from './use-connection-test';
import { useEnvForm } from './use-env-form';

/** The loaded Edit form: sends only what changed; an empty password or token keeps the stored one. */
export function EditEnvironmentForm({ env, initial, onClose }: { env: Environment; initial: EnvDraft; onClose: () => void }) {
  const formId = useId();
  const form = useEnvForm(initial, (draft) => draft.authKind !== initial.authKind);
  const test = useConnectionTest(form.draft);
  const update = useApiMutation('envs.update');
  const changes = draftChanges(initial, form.draft);
  const secretPlaceholder = env.credentialsConfigured ? 'unchanged' : 'not set yet';
  // A test of changed connection settings cannot use the stored secret; say so when none was typed.
  const testNeedsSecret = changesConnection(changes) && form.draft.authKind !== 'none' && form.draft.secret.length === 0;

  const runTest = (): void => {
    if (!form.check()) return;
    test.run(changesConnection(changes) ? { draft: draftToInput(form.draft) } : { envId: env.id });
  };
  const save = (): void => {
    if (!form.check()) return;
    if (Object.keys(changes).length === 0) {
      onClose();
      return;
    }
    update.mutate({ envId: env.id, changes }, { onSuccess: onClose });
  };

  return (
    <Dialog
      title={`Edit ${env.name}`}
      subtitle="Leave the password or token empty to keep the stored one. Connection changes are tested before they are saved."
      onClose={onClose}
      wide
      footer={
        <>
          <button type="button" className="button" disabled={test.pending} onClick={runTest}>
            {test.pending ? 'Testing…' : 'Test connection'}
          </button>
          <span className="dialog-foot-spacer" />
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" form={formId} disabled={update.isPending}>
            {update.isPending ? 'Saving…' : 'Save'}
          </button>
        </>
      }
    >
      <form
        id={formId}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <EnvironmentForm form={form} secretPlaceholder={form.draft.authKind === initial.authKind ? secretPlaceholder : undefined} />
      </form>
      <div className="dialog-results">
        {testNeedsSecret ? (
          <p className="form-note muted">
            To test changed connection settings here, type the password or token again; Save tests them with the stored one.
          </p>
        ) : null}
        <TestOutcome test={test} />
        {update.error !== null ? <ApiErrorNotice error={update.error} title="Not saved" /> : null}
      </div>
    </Dialog>
  );
}
