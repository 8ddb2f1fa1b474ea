import { describe, expect, it } from 'vitest';
import { abstains, hallucinatedIds, idLikeWords, scoreAnswer, type KnownIds } from '../../../eval/copilot/answer-score';
import type { EvalQuestion } from '../../../eval/copilot/eval-questions';
import { parseOptions } from '../../../eval/copilot/eval-options';
import { RecordingPort, seededPicker } from '../../../eval/copilot/recording-port';
import { scoredChoices } from '../../../eval/copilot/tool-choice';
import type { GenerateRequest } from '../../../src-main/services/llm/host/host-protocol';

const known: KnownIds = {
  dags: new Set(['orders_daily', 'billing_hourly']),
  tasks: new Set(['load_orders', 'evaluate_model']),
  runs: new Set(['scheduled__2025-05-01T00:00:00+00:00']),
  assets: new Set(['s3://lake/orders']),
  other: new Set(['s3_pool']),
};

const question = (over: Partial<EvalQuestion>): EvalQuestion => ({
  id: 'burst#1',
  intent: 'burst',
  family: 'failure_burst',
  question: 'Why did orders_daily fail?',
  tools: ['get_run', 'log_excerpt'],
  names: ['load_orders'],
  decoys: ['billing_hourly', 'evaluate_model'],
  abstain: false,
  ...over,
});

describe('copilot eval scoring', () => {
  it('is right only when the right id is named and no other incident is', () => {
    expect(scoreAnswer(question({}), 'Task load_orders failed: connection refused.', known, '').right).toBe(true);
    const both = scoreAnswer(question({}), 'load_orders failed, and so did evaluate_model.', known, '');
    expect(both.right).toBe(false);
    expect(both.wrong).toEqual(['evaluate_model']);
    // A longer id that holds the name is not the name.
    expect(scoreAnswer(question({}), 'load_orders_v2 failed.', known, '').right).toBe(false);
  });

  it('counts ids that neither the cache nor the turn holds as hallucinated', () => {
    const text =
      'Run scheduled__2025-05-01T00:00:00+00:00 failed in load_orders; extract_ledger and scheduled__2025-05-09T00:00:00+00:00 too; state up_for_retry.';
    expect(hallucinatedIds(text, known, '')).toEqual(['scheduled__2025-05-09T00:00:00+00:00', 'extract_ledger']);
    // Words the tools returned (a table in a log line) are data.
    expect(hallucinatedIds('column of fct_orders', known, 'relation "fct_orders" does not exist')).toEqual([]);
    expect(idLikeWords('see s3://lake/orders.')).toEqual(['s3://lake/orders']);
  });

  it('scores abstention on unanswerable questions', () => {
    const q = question({ abstain: true, names: [], decoys: [] });
    expect(scoreAnswer(q, 'No failed run of ghost_dag was found in the cache.', known, '').abstentionOk).toBe(true);
    expect(scoreAnswer(q, 'It failed because of a timeout in load_orders.', known, '').abstentionOk).toBe(false);
    expect(abstains('I could not find any run of that DAG.')).toBe(true);
    expect(abstains('The task failed with a timeout.')).toBe(false);
  });

  it('scores tool choice only where the offer held several tools, not all right', () => {
    const gen = (offered: string[], tool: string) => ({
      kind: 'choice' as const,
      offered,
      output: JSON.stringify({ tool }),
      newPromptTokens: 0,
      promptTokens: 0,
      generatedTokens: 0,
    });
    const scored = scoredChoices(
      [
        gen(['get_run', 'log_excerpt'], 'get_run'),
        gen(['downstream_impact'], 'downstream_impact'),
        gen(['get_run', 'list_failures', 'answer'], 'list_failures'),
      ],
      ['get_run', 'log_excerpt'],
    );
    expect(scored).toHaveLength(1);
    expect(scored[0]).toMatchObject({ chosen: 'list_failures', right: false, randomExpected: 0.5 });
  });

  it('random choices pick only offered tools, and tokens read count only new messages', async () => {
    const request = (names: string[], messages: number): GenerateRequest => ({
      messages: Array.from({ length: messages }, (_, i) => ({
        role: i % 2 === 0 ? ('user' as const) : ('model' as const),
        text: 'x'.repeat(36),
      })),
      jsonSchema: { type: 'object', properties: { tool: { enum: names } } },
      maxTokens: 10,
      temperature: 0,
      seed: 1,
    });
    const inner = {
      generate: async () => ({
        text: '{"tool":"answer"}',
        stopReason: 'eos' as const,
        stats: { tokens: 3, tokensPerSecond: 1, firstTokenMs: 1, totalMs: 1 },
      }),
    };
    const port = new RecordingPort(inner, (t) => t.length, seededPicker(3));
    const signal = new AbortController().signal;
    const first = await port.generate(request(['get_run', 'log_excerpt', 'propose_pause_dag'], 1), () => undefined, signal);
    expect(['get_run', 'log_excerpt']).toContain(JSON.parse(first.text).tool);
    await port.generate(request(['answer', 'get_run'], 3), () => undefined, signal);
    expect(port.generations.map((g) => g.newPromptTokens)).toEqual([36 + 5, 36 + 5]);
    expect(port.generations[1]?.promptTokens).toBe(3 * (36 + 5));
  });

  it('reads its options, fresh seeds drawn and printed unless given', () => {
    const o = parseOptions(['--seeds=1,2', '--fresh=1', '--modes=brief,model', '--model-wordings=1'], () => 77);
    expect(o).toMatchObject({ fixedSeeds: [1, 2], freshSeeds: [77], modes: ['brief', 'model'], modelWordings: 1, wordings: 3 });
    expect(parseOptions(['--fresh-seeds=5,6']).freshSeeds).toEqual([5, 6]);
  });
});
