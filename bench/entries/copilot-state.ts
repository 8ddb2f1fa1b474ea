import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataFence, systemPrompt } from '../../src-main/services/copilot/agent/prompt';
import { copilotTools } from '../../src-main/services/copilot/tools/tool-registry';
import { forkLauncher } from '../../src-main/services/llm/host-launcher';
import { ModelHostClient } from '../../src-main/services/llm/model-host-client';
import { writeTinyModel } from '../../test/helpers/tiny-gguf/tiny-model-file';
import { realModelPath } from '../../eval/copilot/real-model';
import { figure, type BenchEntry, type BenchFigure } from '../figure';

const CONTEXT = 4096;

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
    const system = systemPrompt({ envName: 'Demo', asOf: '2025-06-02T12:00:00.000Z', tools: copilotTools, allowed: [], fence: new DataFence('0badf00d'), maxSteps: 6 });
    const ask = (question: string) => ({ messages: [{ role: 'system' as const, text: system }, { role: 'user' as const, text: question }], jsonSchema: null, maxTokens: 8, temperature: 0, seed: 1 });
    const firstQuestion = async (stateDir: string, question: string): Promise<{ ms: number; restored: number }> => {
      const host = new ModelHostClient(forkLauncher(undefined, { ORC_LLM_GPU: process.env.ORC_LLM_GPU ?? 'cpu', ORC_LLM_THREADS: threads, ORC_LLM_STATE_DIR: stateDir }));
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
      const by = `${real?.name ?? 'tiny test GGUF'}, CPU, ${threads} threads`;
      return [
        figure(`first token of the first question after a host restart (${by})`, Math.round(restored.ms), 'ms', { baseline: Math.round(cold.ms), lowerIsBetter: true }),
        figure('tokens restored from the saved state', restored.restored, 'tokens'),
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default entry;
