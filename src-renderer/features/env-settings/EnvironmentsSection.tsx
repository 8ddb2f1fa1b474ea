import { useEffect, useRef, useState } from 'react';
import type { Environment } from '../../../src-shared/domain/environment';
import { useEnvironments } from '../environments/use-environments';
import { ErrorPanel } from '../../ui/feedback/ErrorPanel';
import { latestSyncJob } from '../jobs/sync-job-text';
import { useJobs } from '../jobs/use-jobs';
import { navigate } from '../../platform/routing/use-route';
import { useNow } from '../../platform/time/use-now';
import { AddEnvironmentDialog } from './AddEnvironmentDialog';
import { EditEnvironmentDialog } from './EditEnvironmentDialog';
import { EnvironmentRow } from './EnvironmentRow';
import { ExportDialog } from './ExportDialog';
import { ImportDialog } from './ImportDialog';
import { RemoveEnvironmentDialog } from './RemoveEnvironmentDialog';
import { envDialogFrom, envSettingsHref } from '../../platform/routing/settings-route';

type RowDialog = { kind: 'edit' | 'remove'; env: Environment } | null;

/** Settings → Environments: the list with sync controls, and Add / Import / Export (opened by link) and Edit / Remove. */
export function EnvironmentsSection({ params }: { params: Readonly<Record<string, string>> }) {
  const { envs, error } = useEnvironments();
  const jobs = useJobs();
  const now = useNow();
  const [rowDialog, setRowDialog] = useState<RowDialog>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const dialog = envDialogFrom(params);
  const wantsSection = params.section === 'environments';
  const closeLinked = (): void => navigate(envSettingsHref());

  useEffect(() => {
    if (wantsSection) sectionRef.current?.scrollIntoView({ block: 'start' });
  }, [wantsSection]);

  return (
    <section className="settings-section" aria-labelledby="settings-envs" ref={sectionRef}>
      <div className="section-head">
        <h2 id="settings-envs">Environments</h2>
        <div className="section-actions">
          <a className="button button-small" href={envSettingsHref('import')}>
            Import…
          </a>
          <a className="button button-small" href={envSettingsHref('export')}>
            Export…
          </a>
          <a className="button button-small button-primary" href={envSettingsHref('add')}>
            Add environment
          </a>
        </div>
      </div>
      <p className="muted section-lead">
        Each Airflow 2.7+ or Airflow 3 deployment you connect is synced into a local cache. Credentials are kept encrypted on this machine;
        new environments are read-only unless you say otherwise.
      </p>
      {error !== null ? <ErrorPanel error={error} title="Environments could not be listed" /> : null}
      <ul className="env-list" aria-label="Environments">
        {envs.map((env) => (
          <EnvironmentRow
            key={env.id}
            env={env}
            job={latestSyncJob(jobs, env.id)}
            nowMs={now}
            actions={{
              edit: (target) => setRowDialog({ kind: 'edit', env: target }),
              remove: (target) => setRowDialog({ kind: 'remove', env: target }),
            }}
          />
        ))}
      </ul>
      {dialog === 'add' ? <AddEnvironmentDialog onClose={closeLinked} /> : null}
      {dialog === 'import' ? <ImportDialog onClose={closeLinked} /> : null}
      {dialog === 'export' ? <ExportDialog onClose={closeLinked} /> : null}
      {rowDialog?.kind === 'edit' ? <EditEnvironmentDialog env={rowDialog.env} onClose={() => setRowDialog(null)} /> : null}
      {rowDialog?.kind === 'remove' ? <RemoveEnvironmentDialog env={rowDialog.env} onClose={() => setRowDialog(null)} /> : null}
    </section>
  );
}
