import { Theme } from '../../../src-shared/api/requests/app';
import { useApiQuery } from '../../platform/api/use-api-query';
import { AuditSection } from '../actions/AuditSection';
import { EnvironmentsSection } from '../env-settings/EnvironmentsSection';
import { Neo4jSection } from '../neo4j-settings/Neo4jSection';
import { RulesSection } from '../rules/RulesSection';
import { ErrorPanel } from '../../ui/feedback/ErrorPanel';
import { PageHeader } from '../../ui/PageHeader';
import { themeLabels } from '../../platform/theme/resolve-theme';
import type { ThemeState } from '../../platform/theme/use-theme';

function Row({ label, value }: { label: string; value: string }) {
  return (
    <div className="field">
      <dt>{label}</dt>
      <dd className="mono selectable">{value}</dd>
    </div>
  );
}

export function SettingsPage({ theme, params }: { theme: ThemeState; params: Readonly<Record<string, string>> }) {
  const info = useApiQuery('app.info', {});
  return (
    <div className="page settings-page">
      <PageHeader title="Settings" />
      <EnvironmentsSection params={params} />
      <Neo4jSection />
      <RulesSection />
      <AuditSection />
      <section className="settings-section" aria-labelledby="settings-theme">
        <h2 id="settings-theme">Appearance</h2>
        <div className="segmented" role="radiogroup" aria-label="Theme">
          {Theme.options.map((option) => (
            <label key={option} className={theme.choice === option ? 'is-checked' : undefined}>
              <input type="radio" name="theme" value={option} checked={theme.choice === option} onChange={() => theme.choose(option)} />
              {themeLabels[option]}
            </label>
          ))}
        </div>
        <p className="muted">System follows your operating system's light or dark appearance.</p>
      </section>
      <section className="settings-section" aria-labelledby="settings-data">
        <h2 id="settings-data">Data</h2>
        {info.error !== null ? <ErrorPanel error={info.error} /> : null}
        {info.data !== undefined ? (
          <dl className="settings-fields">
            <Row label="Data directory" value={info.data.dataDir} />
            <Row label="Cache file" value={info.data.cacheFile} />
            <Row label="Version" value={`${info.data.version} (${info.data.mode})`} />
            {info.data.cacheRecovered !== null ? <Row label="Recovered cache" value={info.data.cacheRecovered} /> : null}
          </dl>
        ) : null}
        {info.data?.recoveredFiles.map((r) => (
          <div key={r.file} className="notice notice-error" role="status" data-testid="recovered-file">
            <p>
              <span className="mono selectable">{r.file}</span> was damaged and was moved to{' '}
              <span className="mono selectable">{r.movedTo}</span>.
            </p>
            <p>{r.meaning}</p>
          </div>
        ))}
      </section>
    </div>
  );
}
