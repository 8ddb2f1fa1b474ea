import { formatRoute } from './route';

/** Deep links into the investigation views; each names its environment so it works from anywhere. */
export const runHref = (envId: string, dagId: string, runId: string): string => formatRoute('run', { env: envId, dag: dagId, run: runId });

export function taskHref(envId: string, dagId: string, runId: string, taskId: string, mapIndex: number, tryNumber?: number): string {
  return formatRoute('task', {
    env: envId,
    dag: dagId,
    run: runId,
    task: taskId,
    map: mapIndex >= 0 ? String(mapIndex) : undefined,
    try: tryNumber !== undefined ? String(tryNumber) : undefined,
  });
}

export function dagHref(
  envId: string,
  dagId: string,
  extra: { tab?: 'grid' | 'durations'; from?: string; to?: string; task?: string } = {},
): string {
  return formatRoute('dag', { env: envId, dag: dagId, tab: extra.tab, from: extra.from, to: extra.to, task: extra.task });
}

export const compareHref = (envId: string, dagId: string, good: string | undefined, bad: string): string =>
  formatRoute('compare', { env: envId, dag: dagId, good, bad });

export const failedRunsHref = (dagId: string): string => formatRoute('runs', { dag: dagId, state: 'failed' });
