import { ApiError } from '../../../src-shared/api/errors';
import type { AnomalyListItem } from '../../../src-shared/api/requests/analytics';
import type { AnomalyKind, AnomalySummary } from '../../../src-shared/domain/analytics';
import type { Handlers } from '../dispatcher';
import type { EngineContext } from '../engine-context';

type AnalyticsRequest =
  | 'anomalies.list'
  | 'anomalies.get'
  | 'risks.list'
  | 'patterns.list'
  | 'patterns.get'
  | 'anomalies.marks'
  | 'anomalies.mark'
  | 'analytics.rescore';

/** Findings about a task's failures: each is briefed by a failed run (the others open their explanation). */
const FAILING_KINDS: ReadonlySet<AnomalyKind> = new Set(['failure_burst', 'flaky_task', 'bad_deploy', 'new_error_pattern']);

export function analyticsHandlers(ctx: EngineContext): Pick<Handlers, AnalyticsRequest> {
  const store = ctx.analytics.store;
  const withBriefRun = (a: AnomalySummary): AnomalyListItem => ({
    ...a,
    briefRunId: a.taskId !== null && FAILING_KINDS.has(a.kind) ? ctx.failureBriefs.briefRunOf({ ...a, taskId: a.taskId }) : null,
  });
  return {
    'anomalies.list': (filter) => {
      const { items, total } = store.list({ ...filter, kinds: filter.kinds, severities: filter.severities });
      return { items: items.map(withBriefRun), total, scoredAt: store.scoredAt(filter.envId) };
    },
    'anomalies.get': ({ envId, anomalyId }) => {
      const found = store.get(envId, anomalyId);
      if (!found)
        throw new ApiError(
          'not_found',
          'That anomaly is no longer in the list.',
          'The environment was scored again since; pick it from the list.',
        );
      return found;
    },
    'risks.list': ({ envId, dagId, limit }) => store.risks(envId, dagId, limit),
    'patterns.list': ({ envId }) => ({ items: store.patterns(envId), similarity: ctx.embeddings.status().method }),
    'patterns.get': ({ envId, patternId }) => {
      const found = store.pattern(envId, patternId);
      if (!found)
        throw new ApiError(
          'not_found',
          `No error pattern "${patternId}".`,
          'The environment was scored again since; pick it from the list.',
        );
      return found;
    },
    'anomalies.marks': ({ envId }) => ctx.analytics.marks.list(envId),
    'anomalies.mark': ({ envId, dagId, taskId, mark }) => ctx.analytics.marks.set(envId, dagId, taskId, mark),
    'analytics.rescore': ({ envId, force }, { env }) => ctx.analytics.rescore(envId, env.asOf, force),
  };
}
