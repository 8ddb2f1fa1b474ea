import type Database from 'better-sqlite3';
import type { FailureBrief } from '../../src-shared/domain/failure-brief';
import { FailureBriefService } from '../../src-main/services/failure-brief/failure-brief-service';
import type { EmbeddedGraph } from '../../src-main/services/graph/embedded-graph';
import { InvestigationService } from '../../src-main/services/investigate/investigation-service';

/**
 * The failure brief of one run, as the engine builds it (similar failures elsewhere left out: the eval
 * has no embedding model). The copilot's turns get it as TurnInput.brief: facts first with a model,
 * and the whole answer without one (baseline (a), the brief alone).
 */
export function briefSource(
  db: Database.Database,
  envId: string,
  asOf: string,
  graph: EmbeddedGraph,
): (dagId: string, runId: string) => FailureBrief | null {
  const investigation = new InvestigationService(db);
  const briefs = new FailureBriefService({
    db,
    runs: investigation.runs,
    tasks: investigation.tasks,
    graph: () => graph,
    similar: () => ({ method: 'template', modelName: null, note: null, items: [] }),
  });
  return (dagId, runId) => briefs.brief({ envId, dagId, runId }, asOf);
}
