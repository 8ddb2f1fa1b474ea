import type { ActionPreview } from '../../../src-shared/domain/actions';

/** What each action changes: target, from, to; and whether Airflow itself computed it. */
export function PreviewTable({ previews }: { previews: ActionPreview[] }) {
  return (
    <div className="action-preview">
      {previews.map((p, i) => (
        <section key={i} aria-label={p.summary}>
          <h3>{p.summary}</h3>
          <p className="muted">
            {p.fromAirflowDryRun ? "Computed by Airflow's own dry run." : 'Computed from the cache; Airflow has no dry run for this.'}
          </p>
          {p.changes.length === 0 ? (
            <p>Nothing would change.</p>
          ) : (
            <table className="data-table compact">
              <thead>
                <tr>
                  <th scope="col">Target</th>
                  <th scope="col">Now</th>
                  <th scope="col">After</th>
                </tr>
              </thead>
              <tbody>
                {p.changes.map((c, j) => (
                  <tr key={j}>
                    <td className="mono">{c.target}</td>
                    <td>{c.from ?? '—'}</td>
                    <td>{c.to}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
    </div>
  );
}
