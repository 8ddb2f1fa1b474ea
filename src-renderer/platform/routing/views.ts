/** Every place the left navigation and the command palette can take you. */
export const viewIds = [
  'overview',
  'fleet',
  'dags',
  'runs',
  'timeline',
  'run',
  'brief',
  'task',
  'dag',
  'compare',
  'environment',
  'anomalies',
  'lineage',
  'graph',
  'copilot',
  'reports',
  'settings',
] as const;
export type ViewId = (typeof viewIds)[number];

export interface ViewInfo {
  id: ViewId;
  label: string;
  /** One line for the palette, and for the empty state of pages not built yet. */
  summary: string;
  built: boolean;
  /** Detail views reached from lists and links, not from the navigation. */
  detail?: boolean;
}

export const views: Readonly<Record<ViewId, ViewInfo>> = {
  overview: {
    id: 'overview',
    label: 'Overview',
    summary: 'Health of the current environment: run states, failures and every DAG.',
    built: true,
  },
  dags: {
    id: 'dags',
    label: 'DAGs',
    summary:
      'Every DAG with its owners, tags, failure rate, mean duration and a sparkline of recent runs; filter by environment, tag, owner, state or paused.',
    built: true,
  },
  runs: { id: 'runs', label: 'Runs', summary: 'DAG runs, newest first, with their task instances.', built: true },
  fleet: {
    id: 'fleet',
    label: 'Fleet',
    summary: 'Every environment at once: failing DAGs, running and queued runs, import errors, stale DAGs, and the triage queue.',
    built: true,
  },
  timeline: {
    id: 'timeline',
    label: 'Timeline',
    summary: 'Runs of every DAG as swimlanes over a time window, to see what ran when an incident began.',
    built: true,
  },
  run: {
    id: 'run',
    label: 'Run',
    summary: 'One run: Gantt of its task instances with queue time, critical path, conf, note and linked runs.',
    built: true,
    detail: true,
  },
  brief: {
    id: 'brief',
    label: 'Failure brief',
    summary: 'One failed run: the failing task and its error line, what changed, what it broke downstream and whether it happened before.',
    built: true,
    detail: true,
  },
  task: { id: 'task', label: 'Task instance', summary: 'One task instance: every try and its cached logs.', built: true, detail: true },
  dag: {
    id: 'dag',
    label: 'DAG',
    summary: 'One DAG: grid of runs x tasks and duration history over a date range.',
    built: true,
    detail: true,
  },
  compare: { id: 'compare', label: 'Compare runs', summary: 'A good and a bad run of one DAG side by side.', built: true, detail: true },
  environment: {
    id: 'environment',
    label: 'Environment',
    summary:
      "One environment's monitoring: scheduler and triggerer heartbeats, executor slots, import errors, alerts firing, Grafana and Slack.",
    built: true,
    detail: true,
  },
  anomalies: {
    id: 'anomalies',
    label: 'Anomalies',
    summary: 'Runs and tasks whose duration, failure rate or timing departs from their own history, ranked by how unusual they are.',
    built: true,
  },
  lineage: {
    id: 'lineage',
    label: 'Lineage',
    summary: 'How DAGs, tasks and assets feed one another, and what sits downstream of a failure.',
    built: true,
  },
  graph: {
    id: 'graph',
    label: 'Graph query',
    summary: 'Ask the lineage graph questions in Cypher and see the answers as a table or a graph.',
    built: true,
  },
  copilot: {
    id: 'copilot',
    label: 'Copilot',
    summary: 'A local language model that explains failures from run history and logs, without sending anything off this machine.',
    built: true,
  },
  reports: {
    id: 'reports',
    label: 'Incidents & reports',
    summary: 'Incidents with their pinned runs, logs, charts and notes, a timeline, and reports as HTML, PDF or Markdown.',
    built: true,
  },
  settings: { id: 'settings', label: 'Settings', summary: 'Theme, data directory and environments.', built: true },
};

export function isViewId(value: string): value is ViewId {
  return (viewIds as readonly string[]).includes(value);
}
