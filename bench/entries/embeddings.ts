import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type Database from 'better-sqlite3';
import { AnalyticsService } from '../../src-main/services/analytics/analytics-service';
import { EmbeddingService } from '../../src-main/services/analytics/embeddings/embedding-service';
import { EmbeddingSettingsFile } from '../../src-main/services/analytics/embeddings/embedding-settings-file';
import { inspectModelFolder } from '../../src-main/services/analytics/embeddings/model-folder';
import { nearest } from '../../src-main/services/analytics/embeddings/vector-index';
import { failureSignature } from '../../src-main/services/analytics/patterns/log-signature';
import { openCache } from '../../src-main/services/cache/open-cache';
import { DEMO_DAGS, DEMO_DAYS, DEMO_SEED } from '../../src-main/services/demo/demo-environment';
import { JobRegistry } from '../../src-main/services/jobs/job-registry';
import { generateSyntheticHistory } from '../../src-main/services/synth/generate-history';
import { embeddingModelDir } from '../../test/helpers/embedding-model/embedding-model-dir';
import { figure, type BenchEntry, type BenchFigure } from '../figure';

const AS_OF = '2026-11-21T10:00:00.000Z';
const QUERIES = 200;
const SCALED = 20_000;
/** Failures embedded again to measure the steady state. */
const STEADY = 160;

type LogRow = { dag_id: string; run_id: string; task_id: string; map_index: number; try_number: number; content: string };

function kindOf(content: string): string {
  const line = failureSignature(content) ?? '';
  return (line.split(': ')[0] ?? line).split(' ').slice(0, 4).join(' ');
}

function sampleLogs(db: Database.Database): LogRow[] {
  const logs = db
    .prepare('SELECT dag_id, run_id, task_id, map_index, try_number, content FROM task_logs WHERE env_id = ?')
    .all('demo') as LogRow[];
  return Array.from({ length: QUERIES }, (_, i) => logs[(i * 7919) % logs.length]).filter((l): l is LogRow => l !== undefined);
}

/** Mean time of one similar-failures query and the share whose nearest neighbour has the same kind. */
function queries(s: EmbeddingService, db: Database.Database): { ms: number; sameKind: number } {
  const logs = sampleLogs(db);
  const kinds = new Map<string, string>();
  const kindAt = (k: { dagId: string; runId: string; taskId: string; mapIndex: number; tryNumber: number }): string | undefined => {
    const id = `${k.dagId}|${k.runId}|${k.taskId}|${k.mapIndex}|${k.tryNumber}`;
    if (!kinds.has(id)) {
      const row = db
        .prepare(
          'SELECT content FROM task_logs WHERE env_id = ? AND dag_id = ? AND run_id = ? AND task_id = ? AND map_index = ? AND try_number = ?',
        )
        .get('demo', k.dagId, k.runId, k.taskId, k.mapIndex, k.tryNumber) as { content: string } | undefined;
      kinds.set(id, row === undefined ? '' : kindOf(row.content));
    }
    return kinds.get(id);
  };
  let same = 0;
  let ms = 0;
  for (const l of logs) {
    const t = performance.now();
    const top = s.similar({
      envId: 'demo',
      dagId: l.dag_id,
      runId: l.run_id,
      taskId: l.task_id,
      mapIndex: l.map_index,
      tryNumber: l.try_number,
      limit: 8,
    }).items[0];
    ms += performance.now() - t;
    if (top && kindAt(top) === kindOf(l.content)) same++;
  }
  return { ms: ms / logs.length, sameKind: Math.round((same / logs.length) * 1000) / 1000 };
}

function service(db: Database.Database, dir: string, name: string): EmbeddingService {
  return new EmbeddingService({
    db,
    settingsFile: new EmbeddingSettingsFile(join(dir, `${name}.json`)),
    jobs: new JobRegistry(() => undefined),
    envIds: () => [],
    envName: () => 'Demo',
    onEmbedded: () => undefined,
  });
}

async function measureModel(
  db: Database.Database,
  dir: string,
  label: string,
  model: 'tiny' | 'minilm',
  template: { ms: number },
): Promise<BenchFigure[]> {
  const s = service(db, dir, model);
  const folder = inspectModelFolder(embeddingModelDir(model));
  if (!folder.ok) throw new Error(folder.error);
  s.updateSettings(folder.dir);
  let t = performance.now();
  const embedded = await s.refresh('demo');
  const firstMs = performance.now() - t;
  // Steady state (model loaded): the newest failures embedded again, as after a sync.
  db.prepare(
    `DELETE FROM failure_embeddings WHERE model_id = ? AND (env_id, dag_id, run_id, task_id, map_index, try_number) IN (
    SELECT env_id, dag_id, run_id, task_id, map_index, try_number FROM failure_embeddings WHERE model_id = ? ORDER BY ended_at DESC LIMIT ?)`,
  ).run(folder.modelId, folder.modelId, STEADY);
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  t = performance.now();
  const steady = await s.refresh('demo');
  const embedMs = performance.now() - t;
  delay.disable();
  const lines = (
    db
      .prepare(
        "SELECT COALESCE(SUM(length(excerpt) - length(replace(excerpt, char(10), '')) + 1), 0) AS n FROM failure_embeddings WHERE model_id = ? AND length(vector) > 0",
      )
      .get(folder.modelId) as { n: number }
  ).n;
  const q = queries(s, db);
  const all = s.store.vectors(folder.modelId);
  const scaled = Array.from({ length: SCALED }, (_, i) => ({ key: i, vector: all[i % all.length]?.vector ?? new Float32Array(0) }));
  const query = all[0]?.vector ?? new Float32Array(0);
  t = performance.now();
  for (let i = 0; i < 20; i++) nearest(query, scaled, 8, () => false);
  const scaledMs = (performance.now() - t) / 20;
  const round = (x: number): number => Math.round(x * 100) / 100;
  return [
    figure(`${label}: embed the Demo's ${embedded} failures (model load included)`, Math.round(firstMs), 'ms', { lowerIsBetter: true }),
    figure(`${label}: excerpts/s (${steady} new failures, model loaded)`, Math.round((steady / embedMs) * 1000), 'excerpts/s'),
    figure(`${label}: excerpt lines/s`, Math.round(((lines / embedded) * steady * 1000) / embedMs), 'lines/s'),
    figure(`${label}: longest event-loop block while embedding`, Math.round(delay.max / 1e6), 'ms', { lowerIsBetter: true }),
    figure(`${label}: similar-failures query (${all.length} vectors, top 8)`, round(q.ms), 'ms', {
      baseline: round(template.ms),
      lowerIsBetter: true,
    }),
    figure(`${label}: nearest-vector scan of ${SCALED} vectors`, round(scaledMs), 'ms', { lowerIsBetter: true }),
    figure(`${label}: nearest neighbour of the same kind`, q.sameKind, 'share'),
  ];
}

/**
 * Similar past failures on the Demo: embedding throughput, the longest
 * event-loop block while embedding, query time (against the template query
 * as baseline), and how often the nearest neighbour is a failure of the same
 * kind, for the generated tiny model and all-MiniLM-L6-v2 (converted from the
 * PyPI package by test/helpers/fetch-embedding-model.sh; skipped if it cannot be installed).
 */
const entry: BenchEntry = {
  name: 'embeddings',
  async run(): Promise<BenchFigure[]> {
    const dir = mkdtempSync(join(tmpdir(), 'orc-bench-embeddings-'));
    const { db } = openCache(join(dir, 'cache.sqlite'));
    try {
      generateSyntheticHistory(db, { envId: 'demo', dags: DEMO_DAGS, days: DEMO_DAYS, seed: DEMO_SEED, asOf: AS_OF });
      await new AnalyticsService(db, new JobRegistry(() => undefined), () => undefined).rescore('demo', AS_OF);
      const template = queries(service(db, dir, 'none'), db);
      const figures = [figure('template similarity: query (baseline)', Math.round(template.ms * 100) / 100, 'ms', { lowerIsBetter: true })];
      figures.push(...(await measureModel(db, dir, 'tiny model', 'tiny', template)));
      try {
        figures.push(...(await measureModel(db, dir, 'all-MiniLM-L6-v2', 'minilm', template)));
      } catch (error) {
        process.stderr.write(`bench embeddings: all-MiniLM-L6-v2 skipped: ${error instanceof Error ? error.message : String(error)}\n`);
      }
      return figures;
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default entry;
