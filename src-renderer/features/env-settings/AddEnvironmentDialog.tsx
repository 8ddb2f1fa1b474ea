import { useId } from 'react';
import { useApiMutation } from '../../platform/api/use-api-mutation';
import { Dialog } from '../../ui/dialog/Dialog';
import { ApiErrorNotice } from '../../ui/feedback/ApiErrorNotice';
import { draftToInput } from './draft-to-input';
import { emptyDraft } from './env-draft';
import { EnvironmentForm } from './EnvironmentForm';
import { TestOutcome } from './TestOutcome';
import { useConnectionTest } from './use-connection-test';
import { useEnvForm } from './use-env-form';

/** Add an environment: fill in, test, save. Saving tests again and is refused (form kept) when the test fails. */
export function AddEnvironmentDialog({ onClose }: { onClose: () => void }) {
  const formId = useId();
  const form = useEnvForm(emptyDraft, () => true);
  const test = useConnectionTest(form.draft);
  const add = useApiMutation('envs.add');
  const sync = useApiMutation('sync.start');

  const save = (): void => {
    if (!form.check()) return;
    add.mutate(draftToInput(form.draft), {
      onSuccess: ({ environment }) => {
        sync.mutate({ envId: environment.id, full: false });
        onClose();
      },
    });
  };

  return (
    <Dialog
      title="Add environment"
      subtitle="Connect an Airflow 2.7+ or Airflow 3 deployment. The connection is tested before anything is saved."
      onClose={onClose}
      wide
      footer={
        <>
          <button
            type="button"
            className="button"
            disabled={test.pending}
            onClick={() => {
              if (form.check()) test.run({ draft: draftToInput(form.draft) });
            }}
          >
            {test.pending ? 'Testing…' : 'Test connection'}
          </button>
          <span className="dialog-foot-spacer" />
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" form={formId} disabled={add.isPending}>
            {add.isPending ? 'Testing and saving…' : 'Save'}
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
        <EnvironmentForm form={form} secretPlaceholder={undefined} />
      </form>
      <div className="dialog-results">
        <TestOutcome test={test} />
        {add.error !== null ? <ApiErrorNotice error={add.error} title="Not saved" /> : null}
      </div>
    </Dialog>
  );
}
