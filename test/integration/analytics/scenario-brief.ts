import type { FailureBrief } from '../../../src-shared/domain/failure-brief';
import { templateSimilar } from '../../../src-main/services/analytics/embeddings/template-similar';
import { FailureBriefService } from '../../../src-main/services/failure-brief/failure-brief-service';
import { buildGraph } from '../../../src-main/services/graph/build/build-graph';
import { InvestigationService } from '../../../src-main/services/investigate/investigation-service';
import type { ScoredPeer } from './score-peer';

/** The failure brief of a run of the synced scenario, built as the engine builds it (template similarity, no model). */
export function scenarioBriefs(scored: ScoredPeer): (dagId: string, runId: string) => FailureBrief | null {
  const investigation = new InvestigationService(scored.db);
  const graph = buildGraph(scored.db, () => scored.asOf);
  const service = new FailureBriefService({
    db: scored.db,
    runs: investigation.runs,
    tasks: investigation.tasks,
    graph: () => graph,
    similar: (q) => ({ method: 'template', modelName: null, note: null, items: templateSimilar(scored.db, q, 'Scenario', q.limit) ?? [] }),
  });
  return (dagId, runId) => service.brief({ envId: scored.envId, dagId, runId }, scored.asOf);
}
