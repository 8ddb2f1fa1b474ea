import { formatRoute } from './route';

/** The failure brief of one failed run (in the environment it names); `taskId` names the task to brief when it is not the run's first failure. */
export const briefHref = (envId: string, dagId: string, runId: string, taskId?: string): string =>
  formatRoute('brief', { env: envId, dag: dagId, run: runId, task: taskId });

/** The Patterns tab of the Anomalies page with one pattern open. */
export const patternHref = (envId: string, patternId: string): string =>
  formatRoute('anomalies', { env: envId, tab: 'patterns', pattern: patternId });
