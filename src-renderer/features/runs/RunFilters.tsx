import type { RunState } from '../../../src-shared/domain/states';
import { navigate } from '../../platform/routing/use-route';
import { StateIcon } from '../../ui/states/StateIcon';
import { stateLooks } from '../../ui/states/state-look';
import { hoursLabel, runsHref, type RunsView } from '../../platform/routing/runs-route';

const filterStates: readonly RunState[] = ['failed', 'running', 'queued', 'success'];

/** The DAG and time filters (removable) and toggle chips for run states. */
export function RunFilters({ view }: { view: RunsView }) {
  const toggle = (state: RunState): void => {
    const states = view.states.includes(state) ? view.states.filter((s) => s !== state) : [...view.states, state];
    navigate(runsHref({ ...view, states }));
  };
  return (
    <div className="run-filters" role="group" aria-label="Run filters">
      {view.dagId !== null ? (
        <span className="filter-chip">
          <span className="muted">DAG</span>
          <span className="mono">{view.dagId}</span>
          <a href={runsHref({ ...view, dagId: null })} aria-label="Clear DAG filter" className="chip-clear">
            ×
          </a>
        </span>
      ) : null}
      {view.hours !== null ? (
        <span className="filter-chip">
          <span className="muted">Runs of the</span>
          <span>{hoursLabel(view.hours)}</span>
          <a href={runsHref({ ...view, hours: null })} aria-label="Clear time filter" className="chip-clear">
            ×
          </a>
        </span>
      ) : null}
      <button
        type="button"
        aria-pressed={view.gone}
        className="state-chip toggle"
        title="Runs Airflow no longer returns (deleted, or pruned by airflow db clean): the cache keeps them for the investigation"
        onClick={() => navigate(runsHref({ ...view, gone: !view.gone }))}
      >
        <span className="chip-label">Gone from Airflow</span>
      </button>
      {filterStates.map((state) => {
        const look = stateLooks[state];
        const pressed = view.states.includes(state);
        return (
          <button
            key={state}
            type="button"
            aria-pressed={pressed}
            className={`state-chip toggle state-${look.tone}`}
            onClick={() => toggle(state)}
          >
            <StateIcon shape={look.shape} />
            <span className="chip-label">{look.label}</span>
          </button>
        );
      })}
    </div>
  );
}
