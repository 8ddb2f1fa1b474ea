import { RunState } from '../../../src-shared/domain/states';
import { formatRoute, type Route } from '../routing/route';

/** What the Runs page shows, as kept in its hash route. */
export interface RunsView {
  dagId: string | null;
  states: RunState[];
  selected: { dagId: string; runId: string } | null;
}

export function readRunsView(params: Route['params']): RunsView {
  const states = (params.state ?? '')
    .split(',')
    .map((value) => RunState.safeParse(value))
    .flatMap((parsed) => (parsed.success ? [parsed.data] : []));
  const runDag = params.runDag ?? params.dag;
  const selected = params.run !== undefined && runDag !== undefined ? { dagId: runDag, runId: params.run } : null;
  return { dagId: params.dag ?? null, states: [...new Set(states)], selected };
}

export function runsHref(view: RunsView): string {
  return formatRoute('runs', {
    dag: view.dagId ?? undefined,
    state: view.states.length > 0 ? view.states.join(',') : undefined,
    runDag: view.selected !== null && view.selected.dagId !== view.dagId ? view.selected.dagId : undefined,
    run: view.selected?.runId,
  });
}
