import { ApiError } from '../../../../src-shared/api/errors';
import type { SavedQuery } from '../../../../src-shared/domain/graph-query';
import { assetsWithoutRecentProducerRun, dagsSharingFailingHost } from './host-asset-queries';
import { flakiestTasks, orphans, riskiestDags } from './health-queries';
import { sharedErrorPatterns } from './pattern-queries';
import { downstreamOfAsset, downstreamOfTask, pauseBlast, upstreamFailures } from './impact-queries';
import type { SavedQueryDef } from './saved-query-def';

/** The library of saved questions, in the order the console lists them. */
export const savedQueries: readonly SavedQueryDef[] = [
  downstreamOfTask,
  downstreamOfAsset,
  upstreamFailures,
  pauseBlast,
  orphans,
  flakiestTasks,
  dagsSharingFailingHost,
  sharedErrorPatterns,
  assetsWithoutRecentProducerRun,
  riskiestDags,
];

export function savedQuery(id: string): SavedQueryDef {
  const found = savedQueries.find((q) => q.id === id);
  if (!found) throw new ApiError('not_found', `There is no saved query "${id.slice(0, 80)}".`, 'Pick one from the library.');
  return found;
}

export function describeSavedQueries(): SavedQuery[] {
  return savedQueries.map((q) => ({ id: q.id, title: q.title, description: q.description, cypher: q.cypher, params: [...q.params] }));
}
