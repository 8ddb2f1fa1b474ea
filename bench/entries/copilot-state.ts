import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { templateSimilar } from '../../src-main/services/analytics/embeddings/template-similar';
import { openCache } from '../../src-main/services/cache/open-cache';
import { runTurn } from '../../src-main/services/copilot/agent/agent-loop';
import { DataFence, systemPrompt } from '../../src-main/services/copilot/agent/prompt';
import { narrowingFor } from '../../src-main/services/copilot/env-facts';
import { DEMO_SEED } from '../../src-main/services/demo/demo-environment';
import { FailureBriefService } from '../../src-main/services/failure-brief/failure-brief-service';
import { buildGraph } from '../../src-main/services/graph/build/build-graph';
import { InvestigationService } from '../../src-main/services/investigate/investigation-service';
import { generateSyntheticHistory } from '../../src-main/services/synth/generate-history';
import { copilotTools } from '../../src-main/services/copilot/tools/tool-registry';
import { forkLauncher } from '../../src-main/services/llm/host-launcher';
import { ModelHostClient } from '../../src-main/services/llm/model-host-client';
import { writeTinyModel } from '../../test/helpers/tiny-gguf/tiny-model-file';
import { realModelPath } from '../../eval/copilot/real-model';
import { figure, type BenchEntry, type BenchFigure } from '../figure';

const CONTEXT = 4096;
const AS_OF = '2025-06-02T12:00:00.000Z';

/**
 * The first question after the model host starts, with and without the system prompt's evaluated state saved by
 * the previous run of the host (ORC_LLM_STATE_DIR; the app keeps it in <data>/llm-state): time to the first answer token and the tokens restored. With the
 * 0.5B model of eval/copilot/fetch-model.sh when installed (else the tiny test GGUF: plumbing only).
 */
const entry: BenchEntry = {
  name: 'copilot-state',
  async run(): Promise<BenchFigure[]> {
    const dir = mkdtempSync(join(tmpdir(), 'orc-bench-copilot-state-'));
    const real = realModelPath();
    const model = real?.path ?? writeTinyModel(dir);
    const threads = process.env.ORC_LLM_THREADS ?? '2';
    const system = systemPrompt({
      envName: 'Demo',
      asOf: AS_OF,
      tools: copilotTools,
      allowed: [],
      fence: new DataFence('0badf00d'),
      maxSteps: 6,
    });
    const ask = (question: string) => ({
      messages: [
        { role: 'system' as const, text: system },
        { role: 'user' as const, text: question },
      ],
      jsonSchema: null,
      maxTokens: 8,
      temperature: 0,
      seed: 1,
    });
    /** A full answer to a brief question on a host that restored the state: the brief, then the model's prose. */
    const fullAnswer = async (stateDir: string): Promise<{ ms: number; briefMs: number; tokens: number }> => {
      const { db } = openCache(join(dir, 'cache.sqlite'));
      generateSyntheticHistory(db, { envId: 'demo', dags: 25, days: 90, seed: DEMO_SEED, asOf: AS_OF });
      const graph = buildGraph(db, () => AS_OF);
      const investigation = new InvestigationService(db);
      const briefs = new FailureBriefService({
        db,
        runs: investigation.runs,
        tasks: investigation.tasks,
        graph: () => graph,
        similar: (q) => ({ method: 'template', modelName: null, note: null, items: templateSimilar(db, q, 'Demo', q.limit) ?? [] }),
      });
      const failed = db
        .prepare(`SELECT dag_id FROM dag_runs WHERE env_id = 'demo' AND state = 'failed' ORDER BY start_date DESC LIMIT 1`)
        .get() as { dag_id: string };
      const host = new ModelHostClient(
        forkLauncher(undefined, { ORC_LLM_GPU: process.env.ORC_LLM_GPU ?? 'cpu', ORC_LLM_THREADS: threads, ORC_LLM_STATE_DIR: stateDir }),
      );
      try {
        await host.load(model, CONTEXT, () => undefined);
        let briefMs = 0;
        const t = performance.now();
        const turn = await runTurn(host, {
          question: `why did ${failed.dag_id} fail?`,
          context: null,
          history: [],
          envName: 'Demo',
          tools: copilotTools,
          toolContext: { db, envId: 'demo', asOf: AS_OF, graph: () => graph },
          narrow: narrowingFor(db, 'demo'),
          maxSteps: 6,
          seed: 7,
          signal: new AbortController().signal,
          onToken: () => undefined,
          onStep: (step) => {
            if (step.kind === 'brief') briefMs = performance.now() - t;
          },
          brief: (dagId, runId) => briefs.brief({ envId: 'demo', dagId, runId }, AS_OF),
        });
        return { ms: performance.now() - t, briefMs, tokens: turn.stats?.tokens ?? 0 };
      } finally {
        host.close();
        db.close();
      }
    };
    const firstQuestion = async (stateDir: string, question: string): Promise<{ ms: number; restored: number }> => {
      const host = new ModelHostClient(
        forkLauncher(undefined, { ORC_LLM_GPU: process.env.ORC_LLM_GPU ?? 'cpu', ORC_LLM_THREADS: threads, ORC_LLM_STATE_DIR: stateDir }),
      );
      try {
        const loaded = await host.load(model, CONTEXT, () => undefined);
        const out = await host.generate(ask(question), () => undefined, new AbortController().signal);
        return { ms: out.stats.firstTokenMs ?? out.stats.totalMs, restored: loaded.restoredTokens ?? 0 };
      } finally {
        host.close();
      }
    };
    try {
      const kept = join(dir, 'kept');
      await firstQuestion(kept, 'why did billing_snapshot_hourly fail?'); // the previous run of the host: saves the state
      const restored = await firstQuestion(kept, 'what is downstream of orders_export?');
      const cold = await firstQuestion(join(dir, 'none'), 'what is downstream of orders_export?');
      const full = await fullAnswer(kept);
      const by = `${real?.name ?? 'tiny test GGUF'}, CPU, ${threads} threads`;
      return [
        figure(`first token of the first question after a host restart (${by})`, Math.round(restored.ms), 'ms', {
          baseline: Math.round(cold.ms),
          lowerIsBetter: true,
        }),
        figure('tokens restored from the saved state', restored.restored, 'tokens'),
        figure('failure brief shown (why did <newest failed DAG> fail?)', Math.round(full.briefMs), 'ms', {
          goal: 1000,
          lowerIsBetter: true,
        }),
        figure(`complete answer to it: brief + prose (${full.tokens} tokens written)`, Math.round(full.ms), 'ms', {
          goal: 20_000,
          lowerIsBetter: true,
        }),
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default entry;
