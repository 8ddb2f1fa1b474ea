import type { IncidentSummary } from '../../../src-shared/domain/slack';

/** The app's scheme: `orc://open/` followed by the hash route the UI understands. */
export const DEEP_LINK_PREFIX = 'orc://open/';

/** The most specific view of what the summary is about: task, run, DAG, else the environment page. */
export function deepLink(s: Pick<IncidentSummary, 'envId' | 'dagId' | 'runId' | 'taskId'>): string {
  const q = new URLSearchParams({ env: s.envId });
  let view = 'environment';
  if (s.dagId !== undefined) {
    q.set('dag', s.dagId);
    view = 'dag';
    if (s.runId !== undefined) {
      q.set('run', s.runId);
      view = 'run';
      if (s.taskId !== undefined) {
        q.set('task', s.taskId);
        view = 'task';
      }
    }
  }
  return `${DEEP_LINK_PREFIX}#/${view}?${q.toString()}`;
}
