import { useState } from 'react';
import type { ImportCandidate } from '../../../src-shared/api/requests/environments';

/** The servers of a flowrs config.toml: nothing is added until the person ticks some and adds them. */
export function FlowrsChoices({
  candidates,
  discovered,
  pending,
  onAdd,
}: {
  candidates: ImportCandidate[];
  discovered: string[];
  pending: boolean;
  onAdd: (names: string[]) => void;
}) {
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (name: string): void =>
    setChosen((previous) => {
      const next = new Set(previous);
      if (next.has(name)) next.delete(name);
      else next.add(name);
      return next;
    });
  return (
    <div className="import-result" aria-label="Servers in config.toml">
      <p className="notice" role="status">
        <strong>{candidates.length} servers can be added.</strong>
        <span className="notice-hint"> Passwords and tokens are not copied: enter them with Edit. Each is tested when you save it.</span>
      </p>
      <ul className="import-list">
        {candidates.map((c) => (
          <li key={c.name}>
            <label>
              <input type="checkbox" checked={chosen.has(c.name)} onChange={() => toggle(c.name)} />{' '}
              <span className="env-name">{c.name}</span>
            </label>
            <span className="mono muted truncate">{c.baseUrl}</span>
            <span className="badge">{c.authKind}</span>
            {c.note !== null ? <span className="muted">{c.note}</span> : null}
          </li>
        ))}
      </ul>
      {discovered.length > 0 ? (
        <p className="muted">flowrs also finds environments by itself on: {discovered.join(', ')}. Add those here by hand.</p>
      ) : null}
      <button type="button" className="button button-primary" disabled={chosen.size === 0 || pending} onClick={() => onAdd([...chosen])}>
        {pending ? 'Adding…' : `Add ${chosen.size} chosen`}
      </button>
    </div>
  );
}
