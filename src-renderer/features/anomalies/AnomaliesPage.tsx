import { useState } from 'react';
import type { Environment } from '../../../src-shared/domain/environment';
import { useApiMutation } from '../../platform/api/use-api-mutation';
import { useApiQuery } from '../../platform/api/use-api-query';
import { ErrorPanel } from '../../ui/feedback/ErrorPanel';
import { Loading } from '../../ui/feedback/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { formatRoute } from '../../platform/routing/route';
import { Button } from '../../ui/kit';
import { AnomalyDetailPanel } from './AnomalyDetailPanel';
import { AnomalyFilters, type AnomalyFilterState } from './AnomalyFilters';
import { AnomalyList } from './AnomalyList';
import { MarkButtons } from './MarkButtons';
import { markKey, useAnomalyMarks } from './use-anomaly-marks';
import { PatternsView } from './PatternsView';

const DAY = 86_400_000;

/** Anomalies ranked by how unusual they are, each explained; a second tab lists error patterns. */
export function AnomaliesPage({ env, params }: { env: Environment; params: Readonly<Record<string, string>> }) {
  const tab = params.tab === 'patterns' ? 'patterns' : 'anomalies';
  const [filter, setFilter] = useState<AnomalyFilterState>({
    kind: '',
    severity: '',
    dag: params.dag ?? '',
    days: Number(params.days) > 0 ? Number(params.days) : 90,
  });
  const [selected, setSelected] = useState<string | null>(params.anomaly ?? null);
  const [showMuted, setShowMuted] = useState(false);
  const marks = useAnomalyMarks(env.id);
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
  const all = list.data?.items ?? [];
  const mutedCount = all.filter((a) => marks.byKey.get(markKey(a.dagId, a.taskId)) === 'muted').length;
  const items = showMuted ? all : all.filter((a) => marks.byKey.get(markKey(a.dagId, a.taskId)) !== 'muted');
  const current = items.find((a) => a.anomalyId === selected) ?? items[0] ?? null;
  return (
    <div className="page page-fill anomalies-page">
      <PageHeader
        title="Anomalies"
        subtitle={`${env.name} · ${scoredAt ? `scored ${scoredAt.slice(0, 16).replace('T', ' ')}` : 'not scored yet'}`}
      >
        <nav className="tabs" aria-label="Anomaly views">
          <a href={formatRoute('anomalies')} aria-current={tab === 'anomalies' ? 'page' : undefined}>
            Anomalies
          </a>
          <a href={formatRoute('anomalies', { tab: 'patterns' })} aria-current={tab === 'patterns' ? 'page' : undefined}>
            Error patterns
          </a>
        </nav>
        <Button disabled={rescore.isPending} onClick={() => rescore.mutate({ envId: env.id, force: true })}>
          {rescore.isPending ? 'Scoring…' : 'Rescore'}
        </Button>
      </PageHeader>
      {tab === 'patterns' ? (
        <PatternsView env={env} initial={params.pattern} />
      ) : (
        <>
          <AnomalyFilters value={filter} onChange={setFilter} />
          <label className="anomaly-muted-toggle">
            <input type="checkbox" checked={showMuted} onChange={(e) => setShowMuted(e.target.checked)} />
            Show muted tasks ({mutedCount})
          </label>
          {list.error !== null ? <ErrorPanel error={list.error} title="Anomalies could not be loaded" /> : null}
          {list.data === undefined ? (
            <Loading label="Loading anomalies…" />
          ) : (
            <div className="anomaly-split">
              <div className="anomaly-column">
                <p className="muted table-count" aria-live="polite">
                  {items.length} of {list.data.total} anomalies{showMuted || mutedCount === 0 ? '' : ` · ${mutedCount} muted hidden`}
                </p>
                <AnomalyList items={items} selected={current?.anomalyId ?? null} onSelect={setSelected} marks={marks.byKey} />
              </div>
              <div className="anomaly-column detail-column">
                {current !== null ? (
                  <>
                    <MarkButtons
                      item={current}
                      mark={marks.byKey.get(markKey(current.dagId, current.taskId))}
                      pending={marks.pending}
                      onMark={(m) => marks.set(current.dagId, current.taskId, m)}
                    />
                    <AnomalyDetailPanel env={env} anomalyId={current.anomalyId} briefRunId={current.briefRunId} />
                  </>
                ) : null}
              </div>
            </div>
          )}
        </>
      )}
    </div>
  );
}
