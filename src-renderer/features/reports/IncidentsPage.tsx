import { useState } from 'react';
import type { Environment } from '../../../src-shared/domain/environment';
import { useApiMutation } from '../../platform/api/use-api-mutation';
import { useApiQuery } from '../../platform/api/use-api-query';
import { ErrorPanel } from '../../ui/feedback/ErrorPanel';
import { Loading } from '../../ui/feedback/Loading';
import { PageHeader } from '../../ui/PageHeader';
import type { Route } from '../../platform/routing/route';
import { formatAbsolute } from '../../platform/time/format-relative';
import { IncidentPage } from './IncidentPage';
import { incidentHref } from '../../platform/routing/incident-links';
import { ReportExportDialog } from './ReportExportDialog';

type Span = '24h' | '7d' | '30d';

/** Incidents & reports: the incidents of the environment, a new or imported one, and a report of a time window. */
export function IncidentsPage({ env, params }: { env: Environment; params: Route['params'] }) {
  if (params.incident !== undefined && params.incident !== '') return <IncidentPage incidentId={params.incident} />;
  return <IncidentList env={env} />;
}

function IncidentList({ env }: { env: Environment }) {
  const list = useApiQuery('incidents.list', { envId: env.id });
  const create = useApiMutation('incidents.create');
  const importer = useApiMutation('incidents.import');
  const [title, setTitle] = useState('');
  const [since, setSince] = useState<Span>('24h');
  const [exporting, setExporting] = useState(false);

  return (
    <div className="page incidents-page">
      <PageHeader title="Incidents & reports" subtitle={env.name}>
        <label className="button">
          Import incident…
          <input
            type="file"
            accept="application/json,.json"
            className="visually-hidden"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file !== undefined)
                void file
                  .text()
                  .then((text) => importer.mutate({ text }, { onSuccess: (i) => (window.location.hash = incidentHref(i.id)) }));
            }}
          />
        </label>
      </PageHeader>
      {importer.error !== null ? <ErrorPanel error={importer.error} title="The incident could not be imported" /> : null}
      <section className="incident-new" aria-label="New incident">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate(
              { envId: env.id, ...(title.trim() !== '' ? { title: title.trim() } : {}) },
              { onSuccess: (i) => (window.location.hash = incidentHref(i.id)) },
            );
          }}
        >
          <input
            type="text"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            maxLength={300}
            placeholder="What is going wrong?"
            aria-label="Title of a new incident"
          />
          <button type="submit" className="button button-primary" disabled={create.isPending}>
            New incident
          </button>
        </form>
        <p className="muted">Or open one from a failed run, a task log, an anomaly or a copilot answer with “Pin to incident”.</p>
        {create.error !== null ? <ErrorPanel error={create.error} title="The incident could not be opened" /> : null}
      </section>
      <section aria-label="Incidents">
        <h3 className="section-title">Incidents · {list.data?.length ?? 0}</h3>
        {list.error !== null ? <ErrorPanel error={list.error} title="Incidents could not be loaded" /> : null}
        {list.data === undefined ? <Loading label="Loading incidents…" /> : null}
        {list.data !== undefined && list.data.length === 0 ? <p className="table-empty">No incident yet in {env.name}.</p> : null}
        {list.data !== undefined && list.data.length > 0 ? (
          <table className="data-table incidents-table">
            <thead>
              <tr>
                <th scope="col">Incident</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">
                  Pinned
                </th>
                <th scope="col">Updated</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((i) => (
                <tr key={i.id}>
                  <td>
                    <a href={incidentHref(i.id)}>{i.title}</a>
                    {i.imported ? <span className="badge"> imported</span> : null}
                  </td>
                  <td>
                    <span className={`incident-status status-${i.status}`}>{i.status}</span>
                  </td>
                  <td className="num">{i.pinCount}</td>
                  <td className="mono muted">{formatAbsolute(i.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
      <section className="env-report" aria-label="Environment report">
        <h3 className="section-title">Environment report</h3>
        <p className="muted">
          Summary, timeline, failing DAGs with their downstream impact, duration and anomaly charts, error patterns with sample lines,
          actions taken and copilot findings.
        </p>
        <div className="env-report-row">
          <label>
            Last{' '}
            <select value={since} onChange={(e) => setSince(e.target.value as Span)} aria-label="Time window">
              <option value="24h">24 hours</option>
              <option value="7d">7 days</option>
              <option value="30d">30 days</option>
            </select>
          </label>
          <button type="button" className="button button-primary" onClick={() => setExporting(true)}>
            Export report…
          </button>
        </div>
      </section>
      {exporting ? (
        <ReportExportDialog
          source={{ kind: 'window', envId: env.id, since }}
          title={`${env.name}-last-${since}`}
          onClose={() => setExporting(false)}
        />
      ) : null}
    </div>
  );
}
