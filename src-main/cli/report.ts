import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ApiError } from '../../src-shared/api/errors';
import { defaultDataDir } from '../platform/data-dir';
import { secureDataDir } from '../platform/data-dir-permissions';
import { EnvironmentStore } from '../services/cache/environment-store';
import { defaultDemoAsOf, ensureDemoEnvironment } from '../services/demo/demo-environment';
import { AnalyticsService } from '../services/analytics/analytics-service';
import { openCache } from '../services/cache/open-cache';
import { JobRegistry } from '../services/jobs/job-registry';
import { ReportCliError, USAGE, parseReportArgs, type ReportCliArgs } from './report-args';
import { reportDepsOver } from '../services/reports/report-deps';
import { ReportService } from '../services/reports/report-service';

/**
 * `npm run report -- --env NAME --since 24h --format pdf --out FILE` (or
 * `--incident ID`): a report from the local cache, without starting the app.
 */
function fail(message: string, usage: boolean): never {
  process.stderr.write(`report: ${message}\n${usage ? `\n${USAGE}\n` : ''}`);
  process.exit(2);
}

async function run(args: ReportCliArgs): Promise<void> {
  const dataDir = resolve(args.dataDir ?? defaultDataDir());
  const file = join(dataDir, 'cache.sqlite');
  const fresh = !existsSync(file);
  if (fresh) {
    // A fresh install: build the Demo environment the app would open on, in a private data directory.
    process.stderr.write(`report: no cache at ${file} yet; building the Demo environment there (a few seconds)…\n`);
    secureDataDir(dataDir);
  }
  const { db } = openCache(file);
  try {
    if (fresh) {
      ensureDemoEnvironment(db, new EnvironmentStore(db), new JobRegistry(() => undefined), defaultDemoAsOf());
      secureDataDir(dataDir);
    }
    const deps = reportDepsOver(db);
    let source;
    if (args.env !== null) {
      const wanted = args.env.toLowerCase();
      const envs = db.prepare('SELECT id, name, as_of FROM environments ORDER BY id').all() as {
        id: string;
        name: string;
        as_of: string | null;
      }[];
      const env = envs.find((e) => e.id === args.env) ?? envs.find((e) => e.name.toLowerCase() === wanted);
      if (env === undefined)
        fail(`no environment "${args.env}" in ${file}; there are: ${envs.map((e) => e.name).join(', ') || 'none'}`, false);
      // A cache never scored (the app not run since the last sync) is scored first, so anomalies and patterns are in the report.
      if (deps.analytics.scoredAt(env.id) === null) {
        process.stderr.write(`report: scoring ${env.name} first…\n`);
        await new AnalyticsService(db, new JobRegistry(() => undefined), () => undefined).rescore(
          env.id,
          env.as_of ?? new Date().toISOString(),
        );
      }
      source = { kind: 'window' as const, envId: env.id, since: args.since };
    } else {
      source = { kind: 'incident' as const, incidentId: args.incident ?? '' };
    }
    const saved = await new ReportService(deps).save(source, args.format, resolve(args.out));
    process.stdout.write(`Wrote ${saved.path} (${(saved.bytes / 1024).toFixed(1)} KiB, ${saved.ms} ms)\n`);
  } finally {
    db.close();
  }
}

let args: ReportCliArgs;
try {
  args = parseReportArgs(process.argv.slice(2));
} catch (error) {
  if (error instanceof ReportCliError) fail(error.message, true);
  throw error;
}
run(args).catch((error: unknown) => {
  if (error instanceof ApiError) fail(`${error.message}${error.hint ? ` ${error.hint}` : ''}`, false);
  fail(error instanceof Error ? error.message : String(error), false);
});
