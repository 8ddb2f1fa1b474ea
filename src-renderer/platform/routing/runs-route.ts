import { RunState } from '../../../src-shared/domain/states';
import { formatRoute, type Route } from './route';

/** What the Runs page shows, as kept in its hash route. */
export interface RunsView {
  dagId: string | null;
  states: RunState[];
  /** Only runs of the last N hours (by run time, as the Overview counts them); null: all. */
  hours: number | null;
  /** Only the runs Airflow no longer returns (deleted, or pruned by `airflow db clean`), which the cache keeps. */
  gone: boolean;
  selected: { dagId: string; runId: string } | null;
}

const MAX_HOURS = 24 * 365;

function readHours(text: string | undefined): number | null {
  if (text === undefined || !/^\d{1,4}$/.test(text)) return null;
  const hours = Number(text);
  return hours >= 1 && hours <= MAX_HOURS ? hours : null;
}

export function readRunsView(params: Route['params']): RunsView {
  const states = (params.state ?? '')
    .split(',')
    .map((value) => RunState.safeParse(value))
    .flatMap((parsed) => (parsed.success ? [parsed.data] : []));
  const runDag = params.runDag ?? params.dag;
  const selected = params.run !== undefined && runDag !== undefined ? { dagId: runDag, runId: params.run } : null;
  return { dagId: params.dag ?? null, states: [...new Set(states)], hours: readHours(params.hours), gone: params.gone === '1', selected };
}

/** The route of a Runs view; without `hours`, all runs. */
export function runsHref(view: Omit<RunsView, 'hours' | 'gone'> & { hours?: number | null; gone?: boolean }): string {
  return formatRoute('runs', {
    dag: view.dagId ?? undefined,
    state: view.states.length > 0 ? view.states.join(',') : undefined,
    hours: view.hours === null || view.hours === undefined ? undefined : String(view.hours),
    gone: view.gone === true ? '1' : undefined,
    runDag: view.selected !== null && view.selected.dagId !== view.dagId ? view.selected.dagId : undefined,
    run: view.selected?.runId,
  });
}

/** "last 24 h", "last 7 days": the window a `hours` filter names. */
export const hoursLabel = (hours: number): string => (hours % 24 === 0 && hours > 24 ? `last ${hours / 24} days` : `last ${hours} h`);
