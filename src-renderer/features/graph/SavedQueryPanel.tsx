import type { SavedQuery } from '../../../src-shared/domain/graph-query';

/** The saved questions, and the parameters of the chosen one. */
export function SavedQueryPanel({
  queries,
  selected,
  values,
  onSelect,
  onValue,
  onRun,
  running,
}: {
  queries: readonly SavedQuery[];
  selected: SavedQuery | null;
  values: Readonly<Record<string, string>>;
  onSelect: (q: SavedQuery) => void;
  onValue: (name: string, value: string) => void;
  onRun: () => void;
  running: boolean;
}) {
  return (
    <aside className="saved-queries" aria-label="Saved queries">
      <h2>Saved queries</h2>
      <ul>
        {queries.map((q) => (
          <li key={q.id}>
            <button type="button" className={`saved-query${selected?.id === q.id ? ' is-selected' : ''}`} onClick={() => onSelect(q)}>
              <strong>{q.title}</strong>
              <span className="muted">{q.description}</span>
            </button>
          </li>
        ))}
      </ul>
      {selected !== null ? (
        <form
          className="saved-params"
          onSubmit={(e) => {
            e.preventDefault();
            onRun();
          }}
        >
          {selected.params.map((p) => (
            <label key={p.name} className="inline-field">
              <span className="mono">${p.name}</span>
              <input
                value={values[p.name] ?? ''}
                placeholder={p.default === null ? p.description : `default ${p.default}`}
                onChange={(e) => onValue(p.name, e.target.value)}
                aria-label={p.name}
              />
            </label>
          ))}
          <button type="submit" className="button button-primary" disabled={running}>
            Run saved query
          </button>
        </form>
      ) : null}
    </aside>
  );
}
