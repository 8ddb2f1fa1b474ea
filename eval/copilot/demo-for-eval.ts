import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { AnalyticsService } from '../../src-main/services/analytics/analytics-service';
import { openCache } from '../../src-main/services/cache/open-cache';
import { DEMO_SEED } from '../../src-main/services/demo/demo-environment';
import { buildGraph } from '../../src-main/services/graph/build/build-graph';
import type { EmbeddedGraph } from '../../src-main/services/graph/embedded-graph';
import { JobRegistry } from '../../src-main/services/jobs/job-registry';
import { generateSyntheticHistory } from '../../src-main/services/synth/generate-history';

export const EVAL_AS_OF = '2025-06-02T12:00:00.000Z';

/** The Demo environment as the app builds it (25 DAGs, 90 days), scored, with its lineage graph. */
export async function demoForEval(dir: string): Promise<{ db: Database.Database; graph: EmbeddedGraph }> {
  const { db } = openCache(join(dir, 'cache.sqlite'));
  generateSyntheticHistory(db, { envId: 'demo', dags: 25, days: 90, seed: DEMO_SEED, asOf: EVAL_AS_OF });
  await new AnalyticsService(db, new JobRegistry(() => undefined), () => undefined).rescore('demo', EVAL_AS_OF);
  return { db, graph: buildGraph(db, () => EVAL_AS_OF) };
}
