import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnalyticsService } from '../../../src-main/services/analytics/analytics-service';
import { EmbeddingService } from '../../../src-main/services/analytics/embeddings/embedding-service';
import { EmbeddingSettingsFile } from '../../../src-main/services/analytics/embeddings/embedding-settings-file';
import { similarFailures } from '../../../src-main/services/copilot/tools/similar-failures';
import { failureSignature } from '../../../src-main/services/analytics/patterns/log-signature';
import { DEMO_SEED } from '../../../src-main/services/demo/demo-environment';
import { JobRegistry } from '../../../src-main/services/jobs/job-registry';
import { embeddingModelDir } from '../../helpers/embedding-model/embedding-model-dir';
import { makeTempDir } from '../temp-dir';
import { AS_OF, generate, type Generated } from '../synth/synth-fixture';

/** The kind of a failure as its log says it: the exception class (or the first words of the error line). */
function kindOf(content: string): string {
  const line = failureSignature(content) ?? '';
  const head = line.split(': ')[0] ?? line;
  return head.includes(' ') ? head.split(' ').slice(0, 4).join(' ') : head;
}

type LogRow = { dag_id: string; run_id: string; task_id: string; map_index: number; try_number: number; content: string };

describe('similar past failures', () => {
  let g: Generated;
  let tmp: ReturnType<typeof makeTempDir>;
  let modelDir: string;
  const jobs = new JobRegistry(() => undefined);
  const service = (name: string): EmbeddingService =>
    new EmbeddingService({
      db: g.db,
      settingsFile: new EmbeddingSettingsFile(join(tmp.dir, `${name}.json`)),
      jobs,
      envIds: () => ['demo'],
      envName: () => 'Demo',
      onEmbedded: () => undefined,
    });

  beforeAll(async () => {
    modelDir = embeddingModelDir('tiny');
    tmp = makeTempDir('orc-embeddings-');
    g = generate({ dags: 25, days: 30, seed: DEMO_SEED });
    await new AnalyticsService(g.db, jobs, () => undefined).rescore('demo', AS_OF);
  }, 600_000);
  afterAll(() => {
    g.dispose();
    tmp.cleanup();
  });

  it("with a local model, a failure's nearest neighbour is a failure of the same kind, and only new failures are embedded", async () => {
    const s = service('model');
    expect(s.updateSettings(modelDir)).toMatchObject({ state: 'ready', method: 'embedding', modelName: 'orc-tiny-bag-of-words' });
    await s.idle();
    const logs = g.db
      .prepare('SELECT dag_id, run_id, task_id, map_index, try_number, content FROM task_logs WHERE env_id = ?')
      .all('demo') as LogRow[];
    expect(s.status().embedded).toBe(logs.length);
    expect(await s.refresh('demo')).toBe(0);
    const kinds = new Map(logs.map((l) => [`${l.dag_id}|${l.run_id}|${l.task_id}|${l.map_index}|${l.try_number}`, kindOf(l.content)]));
    const seen = new Set<string>();
    let same = 0;
    for (const l of logs) {
      const found = s.similar({
        envId: 'demo',
        dagId: l.dag_id,
        runId: l.run_id,
        taskId: l.task_id,
        mapIndex: l.map_index,
        tryNumber: l.try_number,
        limit: 1,
      });
      expect(found).toMatchObject({ method: 'embedding', modelName: 'orc-tiny-bag-of-words', note: null });
      const top = found.items[0];
      if (!top) continue;
      const kind = kindOf(l.content);
      seen.add(kind);
      if (kinds.get(`${top.dagId}|${top.runId}|${top.taskId}|${top.mapIndex}|${top.tryNumber}`) === kind) same++;
    }
    expect(seen.size).toBeGreaterThanOrEqual(5);
    expect(same / logs.length).toBeGreaterThanOrEqual(0.95);

    // The copilot's similar_failures tool answers from the same model.
    const first = logs[0] as LogRow;
    const cited: string[] = [];
    const out = similarFailures.run(
      {
        db: g.db,
        envId: 'demo',
        asOf: AS_OF,
        graph: () => {
          throw new Error('not used');
        },
        cite: (t) => {
          cited.push(t.label);
          return `R${cited.length}`;
        },
        similarFailures: (q) => s.similar(q),
      },
      { dagId: first.dag_id, runId: first.run_id, taskId: first.task_id },
    );
    expect(out.text).toContain('by the local embedding model orc-tiny-bag-of-words');
    expect(cited.length).toBeGreaterThan(0);
  });

  it('without a model, the template path answers and says so', () => {
    const s = service('none');
    expect(s.status()).toMatchObject({ state: 'none', method: 'template', modelName: null });
    const hit = g.db
      .prepare('SELECT dag_id, run_id, task_id, map_index, try_number FROM error_pattern_hits WHERE env_id = ? LIMIT 1')
      .get('demo') as Omit<LogRow, 'content'>;
    const found = s.similar({
      envId: 'demo',
      dagId: hit.dag_id,
      runId: hit.run_id,
      taskId: hit.task_id,
      mapIndex: hit.map_index,
      tryNumber: hit.try_number,
      limit: 5,
    });
    expect(found.method).toBe('template');
    expect(found.modelName).toBeNull();
    expect(found.items.length).toBeGreaterThan(0);
  });

  it('a broken model folder gives a clear error and the template path is used', async () => {
    const broken = join(tmp.dir, 'broken-model');
    cpSync(modelDir, broken, { recursive: true });
    rmSync(join(broken, 'tokenizer.json'));
    rmSync(join(broken, 'onnx'), { recursive: true });
    const s = service('broken');
    const status = s.updateSettings(broken);
    expect(status.state).toBe('error');
    expect(status.method).toBe('template');
    expect(status.error).toBe(
      `The folder ${broken} is not a usable embedding model: missing tokenizer.json, onnx/model.onnx (or onnx/model_quantized.onnx).`,
    );
    const hit = g.db
      .prepare('SELECT dag_id, run_id, task_id, map_index FROM error_pattern_hits WHERE env_id = ? LIMIT 1')
      .get('demo') as Omit<LogRow, 'content' | 'try_number'>;
    const found = s.similar({
      envId: 'demo',
      dagId: hit.dag_id,
      runId: hit.run_id,
      taskId: hit.task_id,
      mapIndex: hit.map_index,
      limit: 3,
    });
    expect(found).toMatchObject({ method: 'template', note: status.error });

    // All files there, but the ONNX file is not a model: loading fails once, with the reason, and templates answer.
    cpSync(modelDir, broken, { recursive: true });
    mkdirSync(join(broken, 'onnx'), { recursive: true });
    writeFileSync(join(broken, 'onnx', 'model.onnx'), 'not a model');
    expect(s.updateSettings(broken).state).toBe('ready');
    expect(await s.refresh('demo')).toBe(0);
    expect(s.status()).toMatchObject({ state: 'error', method: 'template' });
    expect(s.status().error).toMatch(/^The embedding model in .* could not be loaded \(\w+\): its files are damaged/);

    // A tokenizer.json that is not JSON: the loader's error quotes it, the status never does.
    const quoting = join(tmp.dir, 'quoting-model');
    cpSync(modelDir, quoting, { recursive: true });
    writeFileSync(join(quoting, 'tokenizer.json'), 'planted-shadow-line root:$6$hash:19000:0:99999:7:::');
    // Its own name, so its vectors (none yet) are apart from the working model's and loading is tried.
    const config = JSON.parse(readFileSync(join(quoting, 'config.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(quoting, 'config.json'), JSON.stringify({ ...config, _name_or_path: 'quoting-copy' }));
    const q = service('quoting');
    expect(q.updateSettings(quoting).state).toBe('ready');
    expect(await q.refresh('demo')).toBe(0);
    expect(q.status().state).toBe('error');
    expect(JSON.stringify(q.status())).not.toContain('planted');
    expect(JSON.stringify(jobs.list())).not.toContain('planted');
  });
});
