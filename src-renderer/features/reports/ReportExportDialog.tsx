import { useState } from 'react';
import type { ReportFormat, ReportSourceInput } from '../../../src-shared/domain/reports';
import { useApiMutation } from '../../platform/api/use-api-mutation';
import { useApiQuery } from '../../platform/api/use-api-query';
import { Dialog } from '../../ui/dialog/Dialog';
import { ErrorPanel } from '../../ui/feedback/ErrorPanel';
import { downloadFile } from './download-file';
import { suggestedFileName } from '../../platform/routing/incident-links';

const FORMATS: { id: ReportFormat; label: string; help: string }[] = [
  { id: 'html', label: 'HTML', help: 'one self-contained file: inline charts, no scripts, no external requests' },
  { id: 'pdf', label: 'PDF', help: 'printed from the same HTML' },
  { id: 'md', label: 'Markdown', help: 'for tickets and wikis' },
];

/** Exports a report: downloads in the browser; in the desktop app saves to a path that starts in the documents folder. */
export function ReportExportDialog({ source, title, onClose }: { source: ReportSourceInput; title: string; onClose: () => void }) {
  const defaults = useApiQuery('reports.defaults', {});
  const [format, setFormat] = useState<ReportFormat>('html');
  const [path, setPath] = useState<string | null>(null);
  const render = useApiMutation('reports.render');
  const save = useApiMutation('reports.save');
  const canSave = defaults.data?.canSaveToPath === true;
  const sep = defaults.data?.documentsDir.includes('\\') === true ? '\\' : '/';
  const shownPath = path ?? (defaults.data !== undefined ? `${defaults.data.documentsDir}${sep}${suggestedFileName(title, format)}` : '');
  const [done, setDone] = useState<string | null>(null);
  const busy = render.isPending || save.isPending;

  const run = (): void => {
    setDone(null);
    if (canSave) {
      save.mutate(
        { source, format, path: shownPath },
        { onSuccess: (saved) => setDone(`Saved ${saved.path} (${Math.round(saved.bytes / 1024)} KiB in ${saved.ms} ms).`) },
      );
    } else {
      render.mutate(
        { source, format },
        {
          onSuccess: (file) => {
            downloadFile(file.fileName, file.mime, file.content, file.encoding);
            setDone(`Downloaded ${file.fileName} (${Math.round(file.bytes / 1024)} KiB in ${file.ms} ms).`);
          },
        },
      );
    }
  };

  return (
    <Dialog
      title="Export report"
      subtitle={title}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
          <button
            type="button"
            className="button button-primary"
            onClick={run}
            disabled={busy || defaults.data === undefined || (canSave && shownPath.trim() === '')}
          >
            {busy ? 'Rendering…' : canSave ? 'Save' : 'Download'}
          </button>
        </>
      }
    >
      <fieldset className="report-formats">
        <legend>Format</legend>
        {FORMATS.map((f) => (
          <label key={f.id} className="pin-choice">
            <input
              type="radio"
              name="format"
              value={f.id}
              checked={format === f.id}
              onChange={() => {
                setFormat(f.id);
                setPath(null);
              }}
            />
            <span>{f.label}</span> <span className="muted">· {f.help}</span>
          </label>
        ))}
      </fieldset>
      {canSave ? (
        <label className="report-path">
          Save as
          <input
            type="text"
            value={shownPath}
            onChange={(e) => setPath(e.target.value)}
            spellCheck={false}
            aria-label="File to save the report to"
          />
        </label>
      ) : (
        <p className="muted">The report downloads through the browser.</p>
      )}
      {done !== null ? <p role="status">{done}</p> : null}
      {render.error !== null ? <ErrorPanel error={render.error} title="The report could not be rendered" /> : null}
      {save.error !== null ? <ErrorPanel error={save.error} title="The report could not be saved" /> : null}
    </Dialog>
  );
}
