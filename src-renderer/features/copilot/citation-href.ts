import type { Citation } from '../../../src-shared/domain/copilot';
import { lineageHref } from '../lineage/lineage-route';
import { dagHref, runHref, taskHref } from '../../platform/routing/investigate-links';
import { formatRoute } from '../../platform/routing/route';

/**
 * Where a citation leads in the app: a run to the run view, a task instance
 * or log line to the task view (with its try and line), a task's history to
 * the DAG's durations, a DAG to its page, an asset to the lineage view.
 */
export function citationHref(c: Citation, envId: string): string {
  switch (c.kind) {
    case 'run':
      return c.runId === null ? dagHref(envId, c.dagId) : runHref(envId, c.dagId, c.runId);
    case 'task':
    case 'log':
      if (c.runId === null || c.taskId === null) return dagHref(envId, c.dagId, { tab: 'durations', task: c.taskId ?? undefined });
      if (c.kind === 'task' || c.line === null)
        return taskHref(envId, c.dagId, c.runId, c.taskId, c.mapIndex ?? -1, c.tryNumber ?? undefined);
      return formatRoute('task', {
        env: envId,
        dag: c.dagId,
        run: c.runId,
        task: c.taskId,
        map: c.mapIndex !== null && c.mapIndex >= 0 ? String(c.mapIndex) : undefined,
        try: c.tryNumber === null ? undefined : String(c.tryNumber),
        line: String(c.line),
      });
    case 'dag':
      return dagHref(envId, c.dagId);
    case 'asset':
      return lineageHref({ kind: 'asset', uri: c.uri ?? null, dagId: null, depth: 2, expand: false });
  }
}
