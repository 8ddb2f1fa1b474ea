import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { runTurn } from '../../src-main/services/copilot/agent/agent-loop';
import { narrowingFor } from '../../src-main/services/copilot/env-facts';
import { copilotTools } from '../../src-main/services/copilot/tools/tool-registry';
import { forkLauncher } from '../../src-main/services/llm/host-launcher';
import { ModelHostClient } from '../../src-main/services/llm/model-host-client';
import { demoForEval, EVAL_AS_OF } from '../../eval/copilot/demo-for-eval';
import { evalQuestions } from '../../eval/copilot/eval-questions';
import { figure, type BenchFigure } from '../figure';
import { COPILOT_CONTEXT_SIZE } from '../../src-main/services/llm/context-size';

/** Resident memory of this process's model host child (Linux /proc), or null where it cannot be read. */
function hostRssBytes(): number | null {
  try {
    for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid || !readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('model-host')) continue;
      const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      return kb === undefined ? null : Number(kb) * 1024;
    }
  } catch {
    return null;
  }
  return null;
}

/** The real small model (eval/copilot/fetch-model.sh): load, first token, tokens/s, a full tool-using answer over the scored Demo, host memory. */
export async function realModelFigures(model: { path: string; name: string }, dir: string): Promise<BenchFigure[]> {
  const threads = process.env.ORC_LLM_THREADS ?? '2';
  const gpu = process.env.ORC_LLM_GPU ?? 'cpu';
  const host = new ModelHostClient(forkLauncher(undefined, { ORC_LLM_GPU: gpu, ORC_LLM_THREADS: threads }));
  try {
    mkdirSync(dir, { recursive: true });
    const { db, graph } = await demoForEval(dir);
    const device = await host.device();
    const loaded = await host.load(model.path, COPILOT_CONTEXT_SIZE, () => undefined);
    const messages = [
      { role: 'system' as const, text: 'You are the incident copilot for Apache Airflow.' },
      { role: 'user' as const, text: 'In two sentences: what does upstream_failed mean for an Airflow task?' },
    ];
    const plain = await host.generate(
      { messages, jsonSchema: null, maxTokens: 128, temperature: 0, seed: 1 },
      () => undefined,
      new AbortController().signal,
    );
    const questions = evalQuestions(db, 'demo');
    const ask = async (question: string) => {
      const t = performance.now();
      const turn = await runTurn(host, {
        question,
        context: null,
        history: [],
        envName: 'Demo',
        tools: copilotTools,
        toolContext: { db, envId: 'demo', asOf: EVAL_AS_OF, graph: () => graph },
        narrow: narrowingFor(db, 'demo'),
        maxSteps: 4,
        seed: 7,
        signal: new AbortController().signal,
        onStep: () => undefined,
        onToken: () => undefined,
      });
      return { turn, ms: performance.now() - t };
    };
    const { turn, ms: turnMs } = await ask(questions[0]?.question ?? 'Which task got slower this week?');
    // The next question finds the system prompt's tokens already evaluated in the model host.
    const next = await ask(questions.at(-1)?.question ?? 'What failed today?');
    const rss = hostRssBytes();
    db.close();
    const where = `${model.name}, ${device.backend === 'cpu' ? `CPU ${threads} threads` : `${device.backend} ${loaded.gpuLayers} layers`}`;
    return [
      figure(`load real model (${where})`, Math.round(loaded.loadMs), 'ms', { lowerIsBetter: true }),
      figure(`time to first token (${where})`, Math.round(plain.stats.firstTokenMs ?? 0), 'ms', { lowerIsBetter: true }),
      figure(`tokens/s (${where})`, Math.round(plain.stats.tokensPerSecond * 10) / 10, 'tokens/s'),
      figure(`full tool-using answer (${where}, ${turn.steps.length} steps + answer)`, Math.round(turnMs), 'ms', { lowerIsBetter: true }),
      figure(`next question, system prompt reused (${where}, ${next.turn.steps.length} steps + answer)`, Math.round(next.ms), 'ms', {
        lowerIsBetter: true,
      }),
      ...(rss === null ? [] : [figure(`model host memory RSS (${where})`, Math.round(rss / 1048576), 'MiB', { lowerIsBetter: true })]),
    ];
  } finally {
    host.close();
  }
}
