import { StateIcon } from './StateIcon';
import { stateLooks, type AnyState } from './state-look';

/** A run or task state: icon, colour and the word. */
export function StateBadge({ state, compact = false }: { state: AnyState | null; compact?: boolean }) {
  if (state === null) return <span className="muted">never run</span>;
  const look = stateLooks[state];
  return (
    <span className={`state state-${look.tone}`} title={look.label}>
      <StateIcon shape={look.shape} />
      {compact ? <span className="visually-hidden">{look.label}</span> : <span className="state-label">{look.label}</span>}
    </span>
  );
}
