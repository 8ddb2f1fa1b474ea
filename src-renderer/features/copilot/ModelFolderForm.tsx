import { useEffect, useState, type FormEvent } from 'react';
import { ApiErrorNotice } from '../../ui/feedback/ApiErrorNotice';
import { useApiMutation } from '../../platform/api/use-api-mutation';

/** Settings: the models folder (an absolute path on this machine). */
export function ModelFolderForm({ modelsDir, suggestedDir }: { modelsDir: string | null; suggestedDir: string }) {
  const [value, setValue] = useState(modelsDir ?? '');
  const update = useApiMutation('llm.settings.update');
  useEffect(() => setValue(modelsDir ?? ''), [modelsDir]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ modelsDir: value.trim() === '' ? null : value.trim() });
  };
  return (
    <form className="copilot-folder" onSubmit={submit}>
      <label className="field-label" htmlFor="models-dir">
        Models folder
      </label>
      <div className="copilot-folder-row">
        <input
          id="models-dir"
          type="text"
          value={value}
          placeholder={suggestedDir}
          onChange={(e) => setValue(e.target.value)}
          spellCheck={false}
        />
        <button type="submit" className="button button-small" disabled={update.isPending}>
          Save
        </button>
      </div>
      {update.error !== null ? <ApiErrorNotice error={update.error} title="The folder was not saved" /> : null}
    </form>
  );
}
