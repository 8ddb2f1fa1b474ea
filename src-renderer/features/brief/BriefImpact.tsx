import type { FailureBrief } from '../../../src-shared/domain/failure-brief';
import { dagHref, taskHref } from '../../platform/routing/investigate-links';
import { lineageHref } from '../lineage/lineage-route';

/** An asset node's URI: its key is the JSON array ["Asset", uri]. */
function assetUri(key: string): string | null {
  try {
    const parts: unknown = JSON.parse(key);
    return Array.isArray(parts) && typeof parts[1] === 'string' ? parts[1] : null;
  } catch {
    return null;
  }
}

/** What the failure broke: this run's upstream_failed task instances, then DAGs and assets downstream in the lineage graph. */
export function BriefImpact({ brief }: { brief: FailureBrief }) {
  const { envId, dagId, runId, downstream } = brief;
  const dags = downstream.lineage.filter((i) => i.label === 'Dag');
  const assets = downstream.lineage.filter((i) => i.label === 'Asset');
  return (
    <section className="brief-section" aria-label="Impact downstream">
      <h2 className="section-title">Impact downstream</h2>
      <h3 className="section-title">Left upstream_failed in this run · {downstream.upstreamFailed.length}</h3>
      {downstream.upstreamFailed.length === 0 ? (
        <p className="muted">No task of this run was left upstream_failed.</p>
      ) : (
        <ul className="brief-list brief-inline" data-testid="brief-upstream-failed">
          {downstream.upstreamFailed.map((t) => (
            <li key={`${t.taskId}#${t.mapIndex}`}>
              <a className="mono" href={taskHref(envId, dagId, runId, t.taskId, t.mapIndex)}>
                {t.taskId}
              </a>
            </li>
          ))}
        </ul>
      )}
      <h3 className="section-title">Downstream DAGs · {dags.length}</h3>
      {dags.length === 0 ? (
        <p className="muted">No other DAG depends on this task in the lineage graph.</p>
      ) : (
        <ul className="brief-list" data-testid="brief-downstream-dags">
          {dags.map((d) => (
            <li key={d.key}>
              {d.envId !== null && d.dagId !== null ? (
                <a className="mono" href={dagHref(d.envId, d.dagId)}>
                  {d.name}
                </a>
              ) : (
                <span className="mono">{d.name}</span>
              )}
              {d.envId !== null && d.envId !== envId ? <span className="muted"> · {d.envId}</span> : null}
            </li>
          ))}
        </ul>
      )}
      <h3 className="section-title">Assets · {assets.length}</h3>
      {assets.length === 0 ? (
        <p className="muted">The failing task feeds no asset.</p>
      ) : (
        <ul className="brief-list">
          {assets.map((a) => {
            const uri = assetUri(a.key);
            return (
              <li key={a.key}>
                {uri === null ? (
                  <span className="mono">{a.name}</span>
                ) : (
                  <a className="mono" href={lineageHref({ kind: 'asset', dagId: null, uri, depth: 2, expand: false })} title={uri}>
                    {a.name}
                  </a>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
