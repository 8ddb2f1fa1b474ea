import { AnalyticsService } from '../../../src-main/services/analytics/analytics-service';
import { JobRegistry } from '../../../src-main/services/jobs/job-registry';
import { reportDepsOver, type ReportDeps } from '../../../src-main/services/reports/report-deps';
import { AS_OF, generate, type Generated } from '../synth/synth-fixture';

export interface ScoredDemo extends Generated {
  readonly deps: ReportDeps;
}

/** A synthetic Demo-like history in a temp cache, scored (anomalies, error patterns, risks) like the app does. */
export async function scoredDemo(options: { dags: number; days: number }): Promise<ScoredDemo> {
  const g = generate({ dags: options.dags, days: options.days, seed: 20261122 });
  await new AnalyticsService(g.db, new JobRegistry(() => undefined), () => undefined).rescore('demo', AS_OF);
  return { ...g, deps: reportDepsOver(g.db) };
}

/** The first failed run in the cache, newest first. */
export function aFailedRun(g: Generated): { dagId: string; runId: string } {
  const row = g.db
    .prepare("SELECT dag_id, run_id FROM dag_runs WHERE env_id = 'demo' AND state = 'failed' ORDER BY start_date DESC LIMIT 1")
    .get() as { dag_id: string; run_id: string };
  return { dagId: row.dag_id, runId: row.run_id };
}
