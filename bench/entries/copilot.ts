import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTurn } from '../../src-main/services/copilot/agent/agent-loop';
import { narrowingFor } from '../../src-main/services/copilot/env-facts';
import { copilotTools } from '../../src-main/services/copilot/tools/tool-registry';
import { openCache } from '../../src-main/services/cache/open-cache';
import { DEMO_SEED } from '../../src-main/services/demo/demo-environment';
import { forkLauncher } from '../../src-main/services/llm/host-launcher';
import { ModelHostClient } from '../../src-main/services/llm/model-host-client';
import { buildGraph } from '../../src-main/services/graph/build/build-graph';
import { generateSyntheticHistory } from '../../src-main/services/synth/generate-history';
import { writeTinyModel } from '../../test/helpers/tiny-gguf/tiny-model-file';
import { realModelPath } from '../../eval/copilot/real-model';
import { figure, type BenchEntry, type BenchFigure } from '../figure';
import { realModelFigures } from '../copilot/real-model-figures';

const AS_OF = '2025-06-02T12:00:00.000Z';

/**
 * The copilot on the CPU with the tiny generated model (random weights): host
 * start, load, time to first token, tokens/s, and one full tool-using turn
 * over the Demo cache. These measure the plumbing, not a real model's speed.
 * With a real small model installed (eval/copilot/fetch-model.sh), the same
 * figures for it plus a full tool-using answer and the host's memory.
 */
const entry: BenchEntry = {
  name: 'copilot',
  async run(): Promise<BenchFigure[]> {
    const dir = mkdtempSync(join(tmpdir(), 'orc-bench-copilot-'));
    const threads = process.env.ORC_LLM_THREADS ?? '1';
    const host = new ModelHostClient(forkLauncher(undefined, { ORC_LLM_GPU: process.env.ORC_LLM_GPU ?? 'cpu', ORC_LLM_THREADS: threads }));
    try {
      let t = performance.now();
      await host.device();
      const hostStartMs = performance.now() - t;
      t = performance.now();
      await host.load(writeTinyModel(dir), 4096, () => undefined);
      const loadMs = performance.now() - t;
      const messages = [
        { role: 'system' as const, text: 'You are a test.' },
        { role: 'user' as const, text: 'why did the task fail?' },
      ];
      const plain = await host.generate(
        { messages, jsonSchema: null, maxTokens: 200, temperature: 0, seed: 1 },
        () => undefined,
        new AbortController().signal,
      );
      const { db } = openCache(join(dir, 'cache.sqlite'));
      generateSyntheticHistory(db, { envId: 'demo', dags: 25, days: 90, seed: DEMO_SEED, asOf: AS_OF });
      const graph = buildGraph(db, () => AS_OF);
      t = performance.now();
      const turn = await runTurn(host, {
        question: 'which task got slower this week?',
        context: null,
        history: [],
        envName: 'Demo',
        tools: copilotTools,
        toolContext: { db, envId: 'demo', asOf: AS_OF, graph: () => graph },
        narrow: narrowingFor(db, 'demo'),
        maxSteps: 4,
        seed: 1,
        signal: new AbortController().signal,
        onStep: () => undefined,
        onToken: () => undefined,
      });
      const turnMs = performance.now() - t;
      db.close();
      host.close();
      const real = realModelPath();
      if (real === null)
        process.stderr.write('bench copilot: no real model (bash eval/copilot/fetch-model.sh installs one); its figures are skipped.\n');
      return [
        figure('model host start (CPU)', Math.round(hostStartMs), 'ms', { lowerIsBetter: true }),
        figure('load tiny model', Math.round(loadMs), 'ms', { lowerIsBetter: true }),
        figure('time to first token', Math.round(plain.stats.firstTokenMs ?? 0), 'ms', { lowerIsBetter: true }),
        figure(`tokens/s (tiny model, ${threads} threads)`, Math.round(plain.stats.tokensPerSecond), 'tokens/s'),
        figure(`full turn (${turn.steps.length} steps + answer)`, Math.round(turnMs), 'ms', { lowerIsBetter: true }),
        ...(real === null ? [] : await realModelFigures(real, join(dir, 'real'))),
      ];
    } finally {
      host.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default entry;
