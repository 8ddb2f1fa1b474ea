/** Every target of a bulk action, as selected, before Airflow says what would change. */
export function TargetList({ targets }: { targets: readonly string[] }) {
  return (
    <section className="bulk-targets" aria-label="Targets">
      <h3>Targets · {targets.length}</h3>
      <ol className="bulk-target-list">
        {targets.map((t) => (
          <li key={t} className="mono">
            {t}
          </li>
        ))}
      </ol>
    </section>
  );
}
