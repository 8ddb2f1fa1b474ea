import { useState } from 'react';
import { useApiQuery } from '../../platform/api/use-api-query';
import { useCurrentEnv } from '../environments/use-current-env';
import { ErrorPanel } from '../../ui/feedback/ErrorPanel';
import { Loading } from '../../ui/feedback/Loading';
import { AirflowEventLog } from './AirflowEventLog';
import { AuditExport } from './AuditExport';

/** Settings → Audit log: every action attempt on Airflow, newest first, kept locally and append-only. */
export function AuditSection() {
  const audit = useApiQuery('audit.list', { limit: 200 });
  const [exporting, setExporting] = useState<'csv' | 'json' | null>(null);
  const { env } = useCurrentEnv();
  return (
    <section className="settings-section" aria-labelledby="audit-heading">
      <div className="section-head">
        <h2 id="audit-heading">Audit log</h2>
        <div className="section-actions">
          <button type="button" className="button" onClick={() => setExporting('csv')}>
            Export CSV
          </button>
          <button type="button" className="button" onClick={() => setExporting('json')}>
            Export JSON
          </button>
        </div>
      </div>
      <p className="muted">
        Every action sent to Airflow from this machine (who, when, where, what it previewed, and the result). It cannot be edited.
      </p>
      {audit.isLoading ? <Loading label="Reading the audit log…" /> : null}
      {audit.error !== null ? <ErrorPanel error={audit.error} title="The audit log could not be read" /> : null}
      {audit.data !== undefined && audit.data.length === 0 ? <p>No actions yet.</p> : null}
      {audit.data !== undefined && audit.data.length > 0 ? (
        <table className="data-table compact">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Environment</th>
              <th scope="col">Action</th>
              <th scope="col">Targets</th>
              <th scope="col">Result</th>
            </tr>
          </thead>
          <tbody>
            {audit.data.map((e) => (
              <tr key={e.id}>
                <td title={e.at}>{new Date(e.at).toLocaleString()}</td>
                <td>{e.osUser}</td>
                <td>{e.envName}</td>
                <td className="mono">{e.action}</td>
                <td className="mono">{e.targets.join(', ')}</td>
                <td title={e.message}>{e.result}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {env !== null ? <AirflowEventLog env={env} /> : null}
      {exporting !== null ? <AuditExport format={exporting} onClose={() => setExporting(null)} /> : null}
    </section>
  );
}
