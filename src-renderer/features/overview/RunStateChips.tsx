import type { RunStateCounts } from '../../../src-shared/api/requests/history';
import type { RunState } from '../../../src-shared/domain/states';
import { formatRoute } from '../../platform/routing/route';
import { StateIcon } from '../../ui/states/StateIcon';
import { stateLooks } from '../../ui/states/state-look';

const order: readonly RunState[] = ['success', 'failed', 'running', 'queued'];

/** Runs of the last 24 h by state; each chip opens the Runs page filtered to that state and the same 24 h. */
export function RunStateChips({ counts }: { counts: RunStateCounts }) {
  const total = order.reduce((sum, state) => sum + counts[state], 0);
  return (
    <div className="stat-tile stat-wide">
      <span className="stat-label">Runs, last 24 h</span>
      <span className="stat-value">{total.toLocaleString('en-US')}</span>
      <ul className="state-chips" aria-label="Runs in the last 24 hours by state">
        {order.map((state) => {
          const look = stateLooks[state];
          return (
            <li key={state}>
              <a
                className={`state-chip state-${look.tone}${counts[state] === 0 ? ' is-zero' : ''}`}
                href={formatRoute('runs', { state, hours: '24' })}
                data-state={state}
              >
                <StateIcon shape={look.shape} />
                <span className="chip-count">{counts[state].toLocaleString('en-US')}</span>
                <span className="chip-label">{look.label}</span>
              </a>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
