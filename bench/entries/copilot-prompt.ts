import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FailureBrief } from '../../src-shared/domain/failure-brief';
import { AnalyticsService } from '../../src-main/services/analytics/analytics-service';
import { JobRegistry } from '../../src-main/services/jobs/job-registry';
import { templateSimilar } from '../../src-main/services/analytics/embeddings/template-similar';
import { openCache } from '../../src-main/services/cache/open-cache';
import { runTurn } from '../../src-main/services/copilot/agent/agent-loop';
import { narrowingFor } from '../../src-main/services/copilot/env-facts';
import { copilotTools } from '../../src-main/services/copilot/tools/tool-registry';
import { DEMO_SEED } from '../../src-main/services/demo/demo-environment';
import { FailureBriefService } from '../../src-main/services/failure-brief/failure-brief-service';
import { buildGraph } from '../../src-main/services/graph/build/build-graph';
import { InvestigationService } from '../../src-main/services/investigate/investigation-service';
import type { ChatTurn } from '../../src-main/services/llm/host/host-protocol';
import { generateSyntheticHistory } from '../../src-main/services/synth/generate-history';
import { writeTinyModel } from '../../test/helpers/tiny-gguf/tiny-model-file';
import { realModelPath } from '../../eval/copilot/real-model';
import { expandTables } from '../copilot/expand-tables';
import { PolicyModel } from '../copilot/policy-model';
import { figure, type BenchEntry, type BenchFigure } from '../figure';

const AS_OF = '2025-06-02T12:00:00.000Z';
const OPEN_QUESTIONS = [
  'what should I look at first today?',
  'which task got slower this week?',
  'is anything wrong with the finance DAGs?',
];

/** A prompt as the model host's ChatML wrapper lays it out. */
const chatml = (messages: readonly ChatTurn[]): string => messages.map((m) => `<|im_start|>${m.role}\n${m.text}<|im_end|>\n`).join('');

function commonPrefix(a: readonly number[], b: readonly number[]): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/**
 * Tokens read per answer: what the model host evaluates for each of a question's prompts beyond the prefix it
 * holds evaluated from the previous prompt (the host keeps one sequence: within a turn and across questions).
 */
function tokensRead(
  prompts: readonly (readonly ChatTurn[])[],
  tokenize: (text: string) => number[],
  rewrite: (t: string) => string,
  previous: number[],
): { read: number; last: number[] } {
  let last = previous;
  let read = 0;
  for (const p of prompts) {
    const tokens = tokenize(rewrite(chatml(p)));
    read += tokens.length - commonPrefix(tokens, last);
    last = tokens;
  }
  return { read, last };
}

/**
 * Tokens the model reads per answer on the Demo, with the model's tokenizer (the 0.5B model of
 * eval/copilot/fetch-model.sh when installed, else the tiny test GGUF's byte-level one): the questions the failure
 * brief answers and open questions, each answered the old way (tools chosen step by step, results as key=value
 * rows) and the new way (the brief and no tool steps for brief questions; compact tables for tool results).
 * A stand-in model calls the first offered tool twice with the drafted arguments, then answers.
 */
const entry: BenchEntry = {
  name: 'copilot-prompt',
  async run(): Promise<BenchFigure[]> {
    const dir = mkdtempSync(join(tmpdir(), 'orc-bench-copilot-prompt-'));
    const { getLlama, LlamaLogLevel } = await import('node-llama-cpp');
    const llama = await getLlama({ gpu: false, build: 'never', logLevel: LlamaLogLevel.error });
    const real = realModelPath();
    const model = await llama.loadModel({ modelPath: real?.path ?? writeTinyModel(dir), vocabOnly: true });
    const tokenize = (text: string): number[] => [...model.tokenize(text, true)].map(Number);
    try {
      const { db } = openCache(join(dir, 'cache.sqlite'));
      generateSyntheticHistory(db, { envId: 'demo', dags: 25, days: 90, seed: DEMO_SEED, asOf: AS_OF });
      // Scored as the app scores the Demo once it is built: the anomaly tools answer from it.
      await new AnalyticsService(db, new JobRegistry(() => undefined), () => undefined).rescore('demo', AS_OF);
      const graph = buildGraph(db, () => AS_OF);
      const investigation = new InvestigationService(db);
      const briefs = new FailureBriefService({
        db,
        runs: investigation.runs,
        tasks: investigation.tasks,
        graph: () => graph,
        similar: (q) => ({ method: 'template', modelName: null, note: null, items: templateSimilar(db, q, 'Demo', q.limit) ?? [] }),
      });
      const failedDags = (
        db
          .prepare(
            `SELECT dag_id FROM dag_runs WHERE env_id = 'demo' AND state = 'failed' GROUP BY dag_id ORDER BY MAX(start_date) DESC LIMIT 3`,
          )
          .all() as { dag_id: string }[]
      ).map((r) => r.dag_id);
      const briefQuestions = failedDags.flatMap((d) => [
        `why did ${d} fail?`,
        `what changed before ${d} failed?`,
        `what is downstream of the ${d} failure?`,
        `did the ${d} failure happen before?`,
      ]);
      const measure = async (
        questions: readonly string[],
        withBrief: boolean,
        rewrite: (t: string) => string,
      ): Promise<{ mean: number; briefMs: number }> => {
        let last: number[] = [];
        let total = 0;
        let briefMs = 0;
        for (const question of questions) {
          const policy = new PolicyModel();
          const brief = (dagId: string, runId: string): FailureBrief | null => {
            const t = performance.now();
            const b = briefs.brief({ envId: 'demo', dagId, runId }, AS_OF);
            briefMs = Math.max(briefMs, performance.now() - t);
            return b;
          };
          await runTurn(policy, {
            question,
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
            ...(withBrief ? { brief } : {}),
          });
          const counted = tokensRead(policy.prompts, tokenize, rewrite, last);
          total += counted.read;
          last = counted.last;
        }
        return { mean: total / questions.length, briefMs };
      };
      const same = (t: string): string => t;
      const briefBefore = await measure(briefQuestions, false, expandTables);
      const briefAfter = await measure(briefQuestions, true, same);
      const openBefore = await measure(OPEN_QUESTIONS, false, expandTables);
      const openAfter = await measure(OPEN_QUESTIONS, true, same);
      db.close();
      const by = real?.name ?? 'tiny test GGUF (byte-level)';
      return [
        figure(`tokens read per brief question (${briefQuestions.length}; ${by})`, Math.round(briefAfter.mean), 'tokens', {
          baseline: Math.round(briefBefore.mean),
          lowerIsBetter: true,
        }),
        figure(`tokens read per open question (${OPEN_QUESTIONS.length}; compact tables)`, Math.round(openAfter.mean), 'tokens', {
          baseline: Math.round(openBefore.mean),
          lowerIsBetter: true,
        }),
        figure('slowest failure brief of these questions', Math.round(briefAfter.briefMs), 'ms', { goal: 1000, lowerIsBetter: true }),
      ];
    } finally {
      await model.dispose();
      await llama.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default entry;
