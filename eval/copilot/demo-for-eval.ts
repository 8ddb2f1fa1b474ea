import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { AnalyticsService } from '../../src-main/services/analytics/analytics-service';
import { openCache } from '../../src-main/services/cache/open-cache';
import { DEMO_DAGS, DEMO_DAYS, DEMO_SEED } from '../../src-main/services/demo/demo-environment';
import { buildGraph } from '../../src-main/services/graph/build/build-graph';
import type { EmbeddedGraph } from '../../src-main/services/graph/embedded-graph';
import { JobRegistry } from '../../src-main/services/jobs/job-registry';
import { generateSyntheticHistory } from '../../src-main/services/synth/generate-history';

export const EVAL_AS_OF = '2025-06-02T12:00:00.000Z';

/**
 * The Demo environment as the app builds it (25 DAGs, 90 days), scored, with its lineage graph;
 * another seed gives a synthetic environment of the same size that nothing was written against.
 */
export async function demoForEval(dir: string, seed: number = DEMO_SEED): Promise<{ db: Database.Database; graph: EmbeddedGraph }> {
  const { db } = openCache(join(dir, `cache-${seed}.sqlite`));
  generateSyntheticHistory(db, { envId: 'demo', dags: DEMO_DAGS, days: DEMO_DAYS, seed, asOf: EVAL_AS_OF });
  await new AnalyticsService(db, new JobRegistry(() => undefined), () => undefined).rescore('demo', EVAL_AS_OF);
  return { db, graph: buildGraph(db, () => EVAL_AS_OF) };
}
