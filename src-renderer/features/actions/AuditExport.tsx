import { useApiQuery } from '../../platform/api/use-api-query';
import { Dialog } from '../../ui/dialog/Dialog';
import { useBlobUrl } from '../env-settings/use-blob-url';
import { ErrorPanel } from '../../ui/feedback/ErrorPanel';
import { Loading } from '../../ui/feedback/Loading';

/** The audit log as a file to download. */
export function AuditExport({ format, onClose }: { format: 'csv' | 'json'; onClose: () => void }) {
  const exported = useApiQuery('audit.export', { format });
  const text = exported.data?.text ?? null;
  const url = useBlobUrl(text, format === 'csv' ? 'text/csv' : 'application/json');
  return (
    <Dialog
      title={`Audit log (${format.toUpperCase()})`}
      onClose={onClose}
      wide
      footer={
        url !== null ? (
          <a className="button" href={url} download={`orc-audit-log.${format}`}>
            Download
          </a>
        ) : undefined
      }
    >
      {exported.isLoading ? <Loading label="Exporting…" /> : null}
      {exported.error !== null ? <ErrorPanel error={exported.error} title="The audit log could not be exported" /> : null}
      {exported.data !== undefined ? (
        <textarea className="export-text" readOnly value={text ?? ''} rows={14} aria-label="Exported audit log" />
      ) : null}
    </Dialog>
  );
}
