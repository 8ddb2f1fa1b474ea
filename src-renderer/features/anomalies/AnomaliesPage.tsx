import { useState } from 'react';
import type { Environment } from '../../../src-shared/domain/environment';
import { useApiMutation } from '../api/use-api-mutation';
import { useApiQuery } from '../api/use-api-query';
import { ErrorPanel } from '../feedback/ErrorPanel';
import { Loading } from '../feedback/Loading';
import { PageHeader } from '../frame/PageHeader';
import { formatRoute } from '../routing/route';
import { AnomalyDetailPanel } from './AnomalyDetailPanel';
import { AnomalyFilters, type AnomalyFilterState } from './AnomalyFilters';
import { AnomalyList } from './AnomalyList';
import { PatternsView } from './PatternsView';

const DAY = 86_400_000;

/** Anomalies ranked by how unusual they are, each explained; a second tab lists error patterns. */
export function AnomaliesPage({ env, params }: { env: Environment; params: Readonly<Record<string, string>> }) {
  const tab = params.tab === 'patterns' ? 'patterns' : 'anomalies';
  const [filter, setFilter] = useState<AnomalyFilterState>({ kind: '', severity: '', dag: params.dag ?? '', days: 90 });
  const [selected, setSelected] = useState<string | null>(null);
  const rescore = useApiMutation('analytics.rescore');
  // The window is measured from when the page opened, so the query key stays stable while it is open.
  const [openedAt] = useState(() => Date.now());
  const since = new Date(openedAt - filter.days * DAY).toISOString();
  const list = useApiQuery(
    'anomalies.list',
    {
      envId: env.id,
      ...(filter.kind ? { kinds: [filter.kind] } : {}),
      ...(filter.severity ? { severities: [filter.severity] } : {}),
      ...(filter.dag.trim() ? { dagId: filter.dag.trim() } : {}),
      ...(filter.days < 3650 ? { since } : {}),
      limit: 200,
    },
    { placeholderPrevious: true },
  );
  const scoredAt = list.data?.scoredAt;
  return (
    <div className="page page-fill anomalies-page">
      <PageHeader title="Anomalies" subtitle={`${env.name} · ${scoredAt ? `scored ${scoredAt.slice(0, 16).replace('T', ' ')}` : 'not scored yet'}`}>
        <nav className="tabs" aria-label="Anomaly views">
          <a href={formatRoute('anomalies')} aria-current={tab === 'anomalies' ? 'page' : undefined}>
            Anomalies
          </a>
          <a href={formatRoute('anomalies', { tab: 'patterns' })} aria-current={tab === 'patterns' ? 'page' : undefined}>
            Error patterns
          </a>
        </nav>
        <button type="button" className="button" disabled={rescore.isPending} onClick={() => rescore.mutate({ envId: env.id, force: true })}>
          {rescore.isPending ? 'Scoring…' : 'Rescore'}
        </button>
      </PageHeader>
      {tab === 'patterns' ? (
        <PatternsView env={env} />
      ) : (
        <>
          <AnomalyFilters value={filter} onChange={setFilter} />
          {list.error !== null ? <ErrorPanel error={list.error} title="Anomalies could not be loaded" /> : null}
          {list.data === undefined ? (
            <Loading label="Loading anomalies…" />
          ) : (
            <div className="anomaly-split">
              <div className="anomaly-column">
                <p className="muted table-count" aria-live="polite">
                  {list.data.items.length} of {list.data.total} anomalies
                </p>
                <AnomalyList items={list.data.items} selected={selected ?? list.data.items[0]?.anomalyId ?? null} onSelect={setSelected} />
              </div>
              <div className="anomaly-column detail-column">
                {(selected ?? list.data.items[0]?.anomalyId) ? <AnomalyDetailPanel env={env} anomalyId={selected ?? list.data.items[0]?.anomalyId ?? ''} /> : null}
              </div>
            </div>
          )}
        </>
      )}
    </div>
  );
}
