import { useId, useState } from 'react';
import { useApiQuery } from '../../platform/api/use-api-query';
import { Dialog } from '../../ui/dialog/Dialog';
import { ErrorPanel } from '../../ui/feedback/ErrorPanel';
import type { FileFormat } from './import-format';
import { useBlobUrl } from './use-blob-url';

const mimeTypes: Readonly<Record<FileFormat, string>> = { yaml: 'application/yaml', json: 'application/json' };

/** Every real environment as YAML or JSON, to read, copy or download; secrets are never included. */
export function ExportDialog({ onClose }: { onClose: () => void }) {
  const [format, setFormat] = useState<FileFormat>('yaml');
  const textId = useId();
  const exported = useApiQuery('envs.export', { format });
  const text = exported.data?.text ?? null;
  const url = useBlobUrl(text, mimeTypes[format]);
  const fileName = `orc-environments.${format === 'yaml' ? 'yaml' : 'json'}`;
  return (
    <Dialog
      title="Export environments"
      subtitle="No passwords or tokens are included: whoever imports this file enters their own."
      onClose={onClose}
      wide
      footer={
        <>
          <div className="segmented" role="radiogroup" aria-label="Export format">
            {(['yaml', 'json'] as const).map((option) => (
              <label key={option} className={format === option ? 'is-checked' : undefined}>
                <input type="radio" name="export-format" value={option} checked={format === option} onChange={() => setFormat(option)} />
                {option.toUpperCase()}
              </label>
            ))}
          </div>
          <span className="dialog-foot-spacer" />
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
          {url !== null ? (
            <a className="button button-primary" href={url} download={fileName}>
              Download {fileName}
            </a>
          ) : null}
        </>
      }
    >
      {exported.error !== null ? <ErrorPanel error={exported.error} title="Export failed" /> : null}
      <label htmlFor={textId} className="visually-hidden">
        Exported environments
      </label>
      <textarea
        id={textId}
        className="code-area"
        rows={16}
        readOnly
        spellCheck={false}
        value={text ?? ''}
        placeholder={exported.isLoading ? 'Exporting…' : ''}
      />
    </Dialog>
  );
}
