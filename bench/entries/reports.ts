import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AnalyticsService } from '../../src-main/services/analytics/analytics-service';
import { openCache } from '../../src-main/services/cache/open-cache';
import { DEMO_DAGS, DEMO_DAYS, DEMO_SEED } from '../../src-main/services/demo/demo-environment';
import { JobRegistry } from '../../src-main/services/jobs/job-registry';
import { reportDepsOver } from '../../src-main/services/reports/report-deps';
import { ReportService } from '../../src-main/services/reports/report-service';
import { generateSyntheticHistory } from '../../src-main/services/synth/generate-history';
import { figure, type BenchEntry, type BenchFigure } from '../figure';

const AS_OF = '2026-11-21T10:00:00.000Z';
const RUNS = 3;

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** A 30-day report of the Demo environment (25 DAGs, 90 days of history, scored), as HTML, Markdown and PDF (headless Chromium). */
const entry: BenchEntry = {
  name: 'reports',
  async run(): Promise<BenchFigure[]> {
    const dir = mkdtempSync(join(tmpdir(), 'orc-bench-reports-'));
    const { db } = openCache(join(dir, 'cache.sqlite'));
    try {
      generateSyntheticHistory(db, { envId: 'demo', envName: 'Demo', dags: DEMO_DAGS, days: DEMO_DAYS, seed: DEMO_SEED, asOf: AS_OF });
      await new AnalyticsService(db, new JobRegistry(() => undefined), () => undefined).rescore('demo', AS_OF);
      const reports = new ReportService(reportDepsOver(db));
      const source = { kind: 'window' as const, envId: 'demo', since: '30d' };
      const figures: BenchFigure[] = [];
      for (const [format, goal] of [
        ['html', 1000],
        ['md', 1000],
        ['pdf', 10_000],
      ] as const) {
        const times: number[] = [];
        let bytes = 0;
        for (let i = 0; i < RUNS; i++) {
          const started = performance.now();
          const file = await reports.render(source, format);
          times.push(performance.now() - started);
          bytes = Buffer.byteLength(file.data);
        }
        figures.push(
          figure(`30-day Demo report, ${format} (median of ${RUNS})`, Math.round(median(times)), 'ms', { goal, lowerIsBetter: true }),
        );
        figures.push(figure(`30-day Demo report, ${format} size`, Math.round(bytes / 1024), 'KiB'));
      }
      return figures;
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default entry;
