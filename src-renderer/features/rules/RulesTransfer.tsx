import { useCallback, useState } from 'react';
import { useApiMutation } from '../../platform/api/use-api-mutation';
import { useApiQuery } from '../../platform/api/use-api-query';
import { Dialog } from '../../ui/dialog/Dialog';
import { useBlobUrl } from '../env-settings/use-blob-url';
import { useFileText, type PickedFile } from '../env-settings/use-file-text';
import { ApiErrorNotice } from '../../ui/feedback/ApiErrorNotice';

/** Export: every rule as a versioned JSON file to save. */
export function RulesExportDialog({ onClose }: { onClose: () => void }) {
  const file = useApiQuery('rules.export', {});
  const text = file.data === undefined ? null : `${JSON.stringify(file.data, null, 2)}\n`;
  const url = useBlobUrl(text, 'application/json');
  return (
    <Dialog
      title="Export rules"
      subtitle="Versioned JSON; import it on another machine."
      onClose={onClose}
      wide
      footer={
        <>
          <span className="dialog-foot-spacer" />
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
          {url !== null ? (
            <a className="button button-primary" href={url} download="orc-rules.json">
              Save file
            </a>
          ) : null}
        </>
      }
    >
      {file.error !== null ? <ApiErrorNotice error={file.error} title="Rules could not be exported" /> : null}
      {text !== null ? (
        <pre className="rules-json selectable" aria-label="Rules JSON">
          {text}
        </pre>
      ) : null}
    </Dialog>
  );
}

/** Import: a rules file chosen or pasted; known rules with another definition get a new version. */
export function RulesImportDialog({ onClose }: { onClose: () => void }) {
  const [text, setText] = useState('');
  const run = useApiMutation('rules.import');
  const onRead = useCallback((f: PickedFile) => setText(f.text), []);
  const file = useFileText(onRead);
  return (
    <Dialog
      title="Import rules"
      subtitle="A JSON file written by Export rules."
      onClose={onClose}
      wide
      footer={
        <>
          <span className="dialog-foot-spacer" />
          <button type="button" className="button" onClick={onClose}>
            {run.data !== undefined ? 'Close' : 'Cancel'}
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={text.trim() === '' || run.isPending}
            onClick={() => run.mutate({ text })}
          >
            {run.isPending ? 'Importing…' : 'Import'}
          </button>
        </>
      }
    >
      <label className="form-field">
        File
        <input
          type="file"
          accept=".json,application/json"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f !== undefined) file.read(f);
          }}
        />
      </label>
      <label className="form-field form-field-wide">
        Or paste it
        <textarea className="mono" rows={10} value={text} spellCheck={false} onChange={(e) => setText(e.target.value)} />
      </label>
      {file.error !== null ? <p className="field-error">{file.error}</p> : null}
      {run.error !== null ? <ApiErrorNotice error={run.error} title="Nothing was imported" /> : null}
      {run.data !== undefined ? (
        <p role="status">
          {run.data.created} added, {run.data.updated} updated to a new version, {run.data.unchanged} unchanged.
        </p>
      ) : null}
    </Dialog>
  );
}
