import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../test/env/proc';
import { acquireLoadedAirflow, HISTORY_DAYS, releaseLoadedAirflow } from '../airflow/loaded-airflow';
import { rawApiWalk } from '../airflow/raw-api-walk';
import { figure, type BenchEntry, type BenchFigure } from '../figure';

/** Resource types a sync lists: the paged listings (`walkPages(`) in sync-environment.ts. */
function listingSteps(): number {
  const text = readFileSync(join(REPO_ROOT, 'src-main', 'services', 'sync', 'sync-environment.ts'), 'utf8');
  return text.match(/\bwalkPages\(/g)?.length ?? 0;
}

const round = (n: number, digits = 2): number => Math.round(n * 10 ** digits) / 10 ** digits;

const entry: BenchEntry = {
  name: 'airflow-sync',
  async run(): Promise<BenchFigure[]> {
    let failed = true;
    try {
      const af = await acquireLoadedAirflow();
      // The baseline first, in the same run: Airflow's raw page rate for the endpoints a first sync reads.
      const windowStart = new Date(Date.now() - (HISTORY_DAYS + 1) * 86_400_000).toISOString();
      const raw = await rawApiWalk(af.peer, windowStart, 4);
      process.stderr.write(`bench: raw API walk ${JSON.stringify(raw)}\n`);
      const cache = await af.synced();
      const full = cache.fullSync;
      const again = await cache.syncAgain();
      const steps = listingSteps();
      const runs = af.load.runs;
      process.stderr.write(`bench: full sync wrote ${JSON.stringify(full.report.written)}\n  steps ${JSON.stringify(full.steps)}\n`);
      process.stderr.write(`bench: no-change sync wrote ${JSON.stringify(again.report.written)}\n  steps ${JSON.stringify(again.steps)}\n`);
      failed = false;
      return [
        figure(`load ${runs} runs (${af.load.task_instances} TIs) via ORM`, round(af.load.seconds), 's'),
        figure(`full sync ${runs} runs wall time`, round(full.seconds), 's', { goal: 30, lowerIsBetter: true }),
        figure(`full sync ${runs} runs requests`, full.report.requests, 'req'),
        figure(`raw API walk of the same endpoints (${raw.runs} runs, ${raw.taskInstances} TIs, tries, logs)`, round(raw.seconds), 's', {
          lowerIsBetter: true,
        }),
        figure('raw API walk requests', raw.requests, 'req'),
        figure('raw API walk: the two listings alone', round(raw.listingSeconds), 's', { lowerIsBetter: true }),
        figure(`full sync ${runs} runs runs/s`, Math.round(full.report.written.runs / full.seconds), 'runs/s', {
          baseline: Math.round(raw.runs / raw.seconds),
        }),
        figure('full sync speed vs raw API walk', round(raw.seconds / full.seconds), 'ratio', { goal: 0.7 }),
        figure(`full sync ${runs} runs runs written`, full.report.written.runs, 'rows', { goal: runs }),
        figure(`full sync ${runs} runs task instances written`, full.report.written.task_instances, 'rows', {
          goal: af.load.task_instances,
        }),
        figure('resource types listed per sync', steps, 'types'),
        figure(`no-change sync on ${runs} runs requests`, again.report.requests, 'req', { goal: steps, lowerIsBetter: true }),
        figure(`no-change sync on ${runs} runs wall time`, round(again.seconds, 3), 's', { lowerIsBetter: true }),
      ];
    } finally {
      await releaseLoadedAirflow('airflow-sync', failed);
    }
  },
};

export default entry;
