import type Database from 'better-sqlite3';
import type { FailureBrief } from '../../../src-shared/domain/failure-brief';
import { templateSimilar } from '../../../src-main/services/analytics/embeddings/template-similar';
import { FailureBriefService } from '../../../src-main/services/failure-brief/failure-brief-service';
import { InvestigationService } from '../../../src-main/services/investigate/investigation-service';
import { DEMO_AS_OF, demoGraph } from './demo-copilot-fixture';

/** The failure brief of a Demo run, as the engine builds it (template similarity, no embedding model). */
export function demoBriefs(db: Database.Database): (dagId: string, runId: string) => FailureBrief | null {
  const investigation = new InvestigationService(db);
  const service = new FailureBriefService({
    db,
    runs: investigation.runs,
    tasks: investigation.tasks,
    graph: demoGraph(db),
    similar: (q) => ({ method: 'template', modelName: null, note: null, items: templateSimilar(db, q, 'Demo', q.limit) ?? [] }),
  });
  return (dagId, runId) => service.brief({ envId: 'demo', dagId, runId }, DEMO_AS_OF);
}
