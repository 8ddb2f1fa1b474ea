import { useEffect, useState, type FormEvent } from 'react';
import { ApiErrorNotice } from '../../ui/feedback/ApiErrorNotice';
import { useApiMutation } from '../../platform/api/use-api-mutation';
import { useApiQuery } from '../../platform/api/use-api-query';
import { similarityLabel } from './similarity-label';

/** Settings > Models: the local embedding model folder (similar past failures), and whether it is usable. */
export function EmbeddingFolderForm() {
  const status = useApiQuery('embeddings.status', {});
  const update = useApiMutation('embeddings.settings.update');
  const saved = status.data?.modelDir ?? '';
  const [value, setValue] = useState(saved);
  useEffect(() => setValue(saved), [saved]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ modelDir: value.trim() === '' ? null : value.trim() });
  };
  const s = status.data;
  return (
    <form className="copilot-folder" onSubmit={submit}>
      <label className="field-label" htmlFor="embedding-model-dir">
        Embedding model folder
      </label>
      <div className="copilot-folder-row">
        <input
          id="embedding-model-dir"
          type="text"
          value={value}
          placeholder="a folder with config.json, tokenizer.json and onnx/model.onnx"
          onChange={(e) => setValue(e.target.value)}
          spellCheck={false}
        />
        <button type="submit" className="button button-small" disabled={update.isPending} aria-label="Save embedding model folder">
          Save
        </button>
      </div>
      {s !== undefined && s.error !== null ? <p className="copilot-error">{s.error}</p> : null}
      {s !== undefined ? (
        <p className="copilot-muted" data-testid="embedding-status">
          Similar failures: {similarityLabel(s.method, s.modelName)}
          {s.method === 'embedding' ? ` · ${s.embedded} failures embedded` : ''}
        </p>
      ) : null}
      {update.error !== null ? <ApiErrorNotice error={update.error} title="The folder was not saved" /> : null}
    </form>
  );
}
