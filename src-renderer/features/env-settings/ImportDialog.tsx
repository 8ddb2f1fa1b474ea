import { useCallback, useId, useState } from 'react';
import { useApiMutation } from '../../platform/api/use-api-mutation';
import { Dialog } from '../../ui/dialog/Dialog';
import { ApiErrorNotice } from '../../ui/feedback/ApiErrorNotice';
import { formatFromFileName, formatFromText, type ImportFileFormat } from './import-format';
import { FlowrsChoices } from './FlowrsChoices';
import { ImportResultView } from './ImportResultView';
import { useFileText, type PickedFile } from './use-file-text';

/** Paste or choose a YAML/JSON file of environments, or a flowrs config.toml to choose servers from; shows what was added and what was refused. */
export function ImportDialog({ onClose }: { onClose: () => void }) {
  const [text, setText] = useState('');
  const [format, setFormat] = useState<ImportFileFormat>('yaml');
  const [fileName, setFileName] = useState<string | null>(null);
  const textId = useId();
  const fileId = useId();
  const formatId = useId();
  const run = useApiMutation('envs.import');
  const addChosen = useApiMutation('envs.import');
  const onRead = useCallback((file: PickedFile) => {
    setFileName(file.name);
    setText(file.text);
    setFormat(formatFromFileName(file.name) ?? formatFromText(file.text));
  }, []);
  const file = useFileText(onRead);

  return (
    <Dialog
      title="Import environments"
      subtitle="A YAML or JSON file with an “environments” list, as Export writes it. Passwords and tokens are entered afterwards."
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
            disabled={text.trim().length === 0 || run.isPending}
            onClick={() => run.mutate({ text, format })}
          >
            {run.isPending ? 'Reading…' : format === 'flowrs' ? 'Read servers' : 'Import'}
          </button>
        </>
      }
    >
      <div className="import-source">
        <div className="form-field">
          <label htmlFor={fileId}>File</label>
          <input
            id={fileId}
            type="file"
            accept=".yaml,.yml,.json,.toml,application/json,application/yaml,text/yaml"
            onChange={(event) => {
              const chosen = event.target.files?.[0];
              if (chosen !== undefined) file.read(chosen);
            }}
          />
        </div>
        <div className="form-field">
          <label htmlFor={formatId}>Format</label>
          <select
            id={formatId}
            value={format}
            onChange={(event) => setFormat(event.target.value === 'json' || event.target.value === 'flowrs' ? event.target.value : 'yaml')}
          >
            <option value="yaml">YAML</option>
            <option value="json">JSON</option>
            <option value="flowrs">flowrs config.toml</option>
          </select>
        </div>
      </div>
      {file.error !== null ? <p className="field-error">{file.error}</p> : null}
      <div className="form-field form-field-wide">
        <label htmlFor={textId}>{fileName !== null ? `Contents of ${fileName}` : 'Or paste the file here'}</label>
        <textarea
          id={textId}
          className="code-area"
          rows={10}
          spellCheck={false}
          value={text}
          placeholder={
            'environments:\n  - name: production\n    color: "#dc2626"\n    baseUrl: https://airflow.example.com\n    auth: { kind: password, username: orc }'
          }
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      {run.error !== null ? <ApiErrorNotice error={run.error} title="Nothing imported" /> : null}
      {run.data?.candidates !== undefined && addChosen.data === undefined ? (
        <FlowrsChoices
          candidates={run.data.candidates}
          discovered={run.data.discovered ?? []}
          pending={addChosen.isPending}
          onAdd={(choose) => addChosen.mutate({ text, format: 'flowrs', choose })}
        />
      ) : null}
      {run.data !== undefined && run.data.candidates === undefined ? <ImportResultView result={run.data} /> : null}
      {addChosen.error !== null ? <ApiErrorNotice error={addChosen.error} title="Nothing imported" /> : null}
      {addChosen.data !== undefined ? <ImportResultView result={addChosen.data} /> : null}
    </Dialog>
  );
}
