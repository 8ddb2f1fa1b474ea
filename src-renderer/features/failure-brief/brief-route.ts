import { formatRoute } from '../routing/route';

/** The failure brief of one failed run (in the environment it names). */
export const briefHref = (envId: string, dagId: string, runId: string): string => formatRoute('brief', { env: envId, dag: dagId, run: runId });

/** The Patterns tab of the Anomalies page with one pattern open. */
export const patternHref = (envId: string, patternId: string): string => formatRoute('anomalies', { env: envId, tab: 'patterns', pattern: patternId });
