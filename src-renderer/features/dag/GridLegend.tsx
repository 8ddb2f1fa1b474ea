import type { TaskState } from '../../../src-shared/domain/states';
import { StateIcon } from '../../ui/states/StateIcon';
import { stateLooks } from '../../ui/states/state-look';

const shown: readonly TaskState[] = ['success', 'failed', 'upstream_failed', 'up_for_retry', 'running', 'queued', 'skipped', 'none'];

/** What the grid's colours and glyphs mean; the accent bar marks a new DAG version, a digit the tries. */
export function GridLegend() {
  return (
    <ul className="chart-legend" aria-label="Grid legend">
      {shown.map((state) => (
        <li key={state} className={`legend-item state state-${stateLooks[state].tone}`}>
          <StateIcon shape={stateLooks[state].shape} />
          <span className="state-label">{stateLooks[state].label}</span>
        </li>
      ))}
      <li className="legend-item">
        <span className="legend-version" aria-hidden="true" />
        new DAG version
      </li>
      <li className="legend-item">
        <span className="legend-tries" aria-hidden="true">
          2
        </span>
        tries
      </li>
    </ul>
  );
}
