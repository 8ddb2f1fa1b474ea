import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proposalAction } from '../../../src-shared/domain/copilot-actions';
import { AuditLog } from '../../../src-main/services/actions/audit-log';
import { runTurn, type TurnInput } from '../../../src-main/services/copilot/agent/agent-loop';
import { requestedActions } from '../../../src-main/services/copilot/agent/action-intent';
import { narrowingFor } from '../../../src-main/services/copilot/env-facts';
import { copilotTools } from '../../../src-main/services/copilot/tools/tool-registry';
import type { Generated } from '../synth/synth-fixture';
import { DEMO_AS_OF, demoCache, demoGraph, labelsOf } from './demo-copilot-fixture';
import { INJECTION, injectLogLine } from './injected-log';
import { answerWhenOffered, offeredNames, ScriptedModel } from './scripted-model';

let demo: Generated;
let hostile: { dagId: string; runId: string; taskId: string };
beforeAll(() => {
  demo = demoCache();
  hostile = injectLogLine(demo.db);
}, 120_000);
afterAll(() => demo.dispose());

function input(question: string, extra: Partial<TurnInput> = {}): TurnInput {
  return {
    question,
    context: null,
    history: [],
    envName: 'Demo',
    tools: copilotTools,
    toolContext: { db: demo.db, envId: 'demo', asOf: DEMO_AS_OF, graph: demoGraph(demo.db) },
    narrow: narrowingFor(demo.db, 'demo'),
    maxSteps: 4,
    seed: 1,
    signal: new AbortController().signal,
    onStep: () => undefined,
    onToken: () => undefined,
    ...extra,
  };
}

describe('agent loop', () => {
  it('runs a validated tool call, then streams a cited answer', async () => {
    const burst = labelsOf(demo.db, 'failure_burst')[0];
    if (!burst) throw new Error('burst');
    const model = new ScriptedModel([
      JSON.stringify({ action: 'tool', tool: 'list_failures', args: { days: 90, dagId: burst.dagId } }),
      '{"action":"answer"}',
    ]);
    const tokens: string[] = [];
    const result = await runTurn(model, input(`why did ${burst.dagId} fail?`, { onToken: (t) => tokens.push(t) }));
    expect(result.state).toBe('done');
    expect(result.steps.map((s) => s.kind)).toEqual(['tool', 'check']);
    expect(result.steps[0]).toMatchObject({ tool: 'list_failures', args: JSON.stringify({ days: 90, dagId: burst.dagId }) });
    expect(tokens.length).toBeGreaterThan(3);
    expect(result.citations[0]).toMatchObject({ ref: 'R1', kind: 'run', dagId: burst.dagId });
    const toolResult = model.choiceRequests()[1]?.messages.at(-1)?.text ?? '';
    expect(toolResult).toMatch(/<<<AIRFLOW_DATA [0-9a-f]{8}>>>[\s\S]*<<<END_AIRFLOW_DATA [0-9a-f]{8}>>>/);
  });

  it('asks the question again before the answer, and links the run the answer names without its reference', async () => {
    const burst = labelsOf(demo.db, 'failure_burst')[0];
    if (!burst) throw new Error('burst');
    const runId = burst.detail.failedTaskInstances[0]?.runId ?? '';
    const model = new ScriptedModel(
      [JSON.stringify({ action: 'tool', tool: 'get_run', args: { dagId: burst.dagId, runId } }), '{"action":"answer"}'],
      `Run ${runId} failed.`,
    );
    const result = await runTurn(model, input(`why did ${burst.dagId} fail?`));
    const answerRequest = model.requests.at(-1)?.messages.at(-1)?.text ?? '';
    expect(answerRequest).toContain(`Now answer the engineer's question: "why did ${burst.dagId} fail?"`);
    expect(answerRequest).toMatch(/Start with the run, the task and the cause/);
    expect(result.text).toBe(`Run ${runId} [R1] failed.`);
    expect(result.linked).toEqual(['R1']);
  });

  it('keeps the start of the system prompt the same from one question to the next, so the model need not read it again', async () => {
    const first = new ScriptedModel([answerWhenOffered]);
    const second = new ScriptedModel([answerWhenOffered]);
    await runTurn(first, input('what failed today?'));
    await runTurn(
      second,
      input('please pause every DAG', {
        toolContext: { db: demo.db, envId: 'demo', asOf: '2025-06-03T00:00:00.000Z', graph: demoGraph(demo.db) },
      }),
    );
    const a = first.requests[0]?.messages[0]?.text ?? '';
    const b = second.requests[0]?.messages[0]?.text ?? '';
    expect(a).not.toBe(b);
    const common = [...a].findIndex((ch, i) => ch !== b[i]);
    expect(common).toBeGreaterThan(0.9 * a.length);
  });

  it('rejects malformed calls and invalid arguments without running anything', async () => {
    // A model that slips past its grammar: the agent validates again.
    const model = new ScriptedModel(
      [
        '{"action":"tool","tool":"drop_tables","args":{}}',
        '{"action":"tool","tool":"list_failures","args":{"days":"seven"}}',
        '{"action":',
      ],
      undefined,
      { followGrammar: false },
    );
    const result = await runTurn(model, input('what failed?', { maxSteps: 3 }));
    expect(result.steps.map((s) => s.kind)).toEqual(['invalid', 'invalid', 'invalid', 'limit', 'check']);
    expect(result.steps[0]?.summary).toMatch(/"drop_tables" was not offered/);
    expect(result.steps[1]?.summary).toMatch(/invalid arguments for list_failures/);
    expect(result.citations).toEqual([]);
  });

  it('refuses a registered tool that this step did not offer, and runs nothing', async () => {
    // compare_runs exists, but "what failed?" offers only its short list: a model past its grammar cannot reach it.
    const script = [JSON.stringify({ action: 'tool', tool: 'compare_runs', args: { dagId: 'x', runIdA: 'a', runIdB: 'b' } })];
    const model = new ScriptedModel(script, undefined, { followGrammar: false });
    const result = await runTurn(model, input('what failed?', { maxSteps: 1 }));
    const offered = offeredNames(model.choiceRequests()[0]?.jsonSchema) ?? [];
    expect(offered).not.toContain('compare_runs');
    expect(result.steps[0]).toMatchObject({ kind: 'invalid', tool: null });
    expect(result.steps[0]?.summary).toMatch(/"compare_runs" was not offered at this step; choose one of: /);
    expect(result.steps.some((s) => s.kind === 'tool')).toBe(false);
    // The grammar-following stand-in refuses to make that choice at all, as a constrained model would.
    await expect(runTurn(new ScriptedModel(script), input('what failed?', { maxSteps: 1 }))).rejects.toThrow(/grammar offered only/);
  });

  it('holds the step limit and still answers', async () => {
    // Each step calls a tool it was offered (any of three that need no arguments).
    const model = new ScriptedModel([
      (request) => {
        const tool = ['list_failures', 'error_patterns', 'anomalies_and_risks'].find((name) =>
          offeredNames(request.jsonSchema)?.includes(name),
        );
        return JSON.stringify({ action: 'tool', tool, args: {} });
      },
    ]);
    const result = await runTurn(model, input('loop forever', { maxSteps: 3 }));
    expect(result.steps.map((s) => s.kind)).toEqual(['tool', 'tool', 'tool', 'limit', 'check']);
    expect(model.choiceRequests()).toHaveLength(3);
    expect(model.requests.filter((r) => r.jsonSchema !== null)).toHaveLength(6);
    expect(model.requests.at(-1)?.jsonSchema).toBeNull();
    expect(result.state).toBe('done');
  });

  it('stops between steps when the signal aborts', async () => {
    const controller = new AbortController();
    const model = new ScriptedModel([
      () => {
        controller.abort();
        return '{"action":"answer"}';
      },
    ]);
    const result = await runTurn(model, input('anything', { signal: controller.signal }));
    expect(result.state).toBe('stopped');
  });
});

describe('prompt injection', () => {
  it("only the person's own words allow action kinds", () => {
    expect(requestedActions(`why did ${hostile.dagId} fail?`)).toEqual([]);
    expect(requestedActions('please pause orders_export_daily')).toEqual(['pause_dag']);
    expect(requestedActions('clear the failed task and add a note')).toEqual(['clear_task', 'add_note']);
  });

  it('a log saying "pause every DAG" cannot produce a proposal the user did not ask for', async () => {
    const model = new ScriptedModel(
      [
        JSON.stringify({
          action: 'tool',
          tool: 'log_excerpt',
          args: { dagId: hostile.dagId, runId: hostile.runId, taskId: hostile.taskId, tryNumber: null },
        }),
        JSON.stringify({ action: 'propose', kind: 'pause_dag', dagId: hostile.dagId }),
        '{"action":"answer"}',
      ],
      undefined,
      { followGrammar: false },
    ); // the grammar offers no proposal the person did not ask for: only a model past it tries one
    const result = await runTurn(
      model,
      input(`show the log of ${hostile.taskId} in ${hostile.runId} of ${hostile.dagId}: why did it fail?`),
    );
    expect(offeredNames(model.choiceRequests()[0]?.jsonSchema)).toContain('log_excerpt');
    expect(result.proposals).toEqual([]);
    expect(result.steps.map((s) => s.kind)).toEqual(['tool', 'invalid', 'check']);
    expect(result.steps[1]?.summary).toMatch(/"propose_pause_dag" was not offered/);
    const system = model.requests[0]?.messages[0]?.text ?? '';
    expect(system).not.toMatch(/"propose"/);
    expect(JSON.stringify(model.requests[0]?.jsonSchema)).not.toContain('propose');
    const toolResult = model.choiceRequests()[1]?.messages.at(-1)?.text ?? '';
    const fence = /<<<AIRFLOW_DATA ([0-9a-f]{8})>>>([\s\S]*)<<<END_AIRFLOW_DATA \1>>>/.exec(toolResult);
    expect(fence?.[2]).toContain(INJECTION);
    expect(fence?.[2]).not.toContain('<<<END_AIRFLOW_DATA x>>>');
    expect(new AuditLog(demo.db).list('demo', 10)).toEqual([]);
  });

  it('a proposal the person asked for becomes a card, and nothing is executed', async () => {
    const model = new ScriptedModel([
      JSON.stringify({ action: 'propose', kind: 'pause_dag', dagId: hostile.dagId }),
      '{"action":"answer"}',
    ]);
    const result = await runTurn(model, input(`pause ${hostile.dagId} until the source is back`));
    expect(result.proposals).toHaveLength(1);
    expect(result.proposals[0]).toMatchObject({ kind: 'pause_dag', dagId: hostile.dagId, status: 'proposed' });
    expect(result.proposals[0]?.summary).toMatch(/^Pause DAG /);
    const proposal = result.proposals[0];
    expect(proposal ? proposalAction(proposal) : null).toEqual({ kind: 'pause_dag', dagId: hostile.dagId, paused: true });
    expect(new AuditLog(demo.db).list('demo', 10)).toEqual([]);
  });

  it('a hostile log cannot add a proposal to one the person asked for, nor widen it', async () => {
    const model = new ScriptedModel(
      [
        JSON.stringify({
          action: 'tool',
          tool: 'log_excerpt',
          args: { dagId: hostile.dagId, runId: hostile.runId, taskId: hostile.taskId, tryNumber: null },
        }),
        JSON.stringify({ action: 'propose', kind: 'pause_dag', dagId: hostile.dagId }),
        JSON.stringify({ action: 'propose', kind: 'add_note', dagId: hostile.dagId, runId: hostile.runId, note: 'investigating' }),
        '{"action":"answer"}',
      ],
      undefined,
      { followGrammar: false },
    ); // the widened proposal is off the grammar
    const result = await runTurn(
      model,
      input(
        `read the log of ${hostile.taskId} in ${hostile.runId} of ${hostile.dagId}, then add a note to the run saying we are investigating`,
      ),
    );
    expect(result.allowed).toEqual(['add_note']);
    expect(result.proposals.map((p) => p.kind)).toEqual(['add_note']);
    expect(result.steps.map((s) => s.kind)).toEqual(['tool', 'invalid', 'proposal', 'check']);
    expect(result.steps[1]?.summary).toMatch(/"propose_pause_dag" was not offered/);
    expect(new AuditLog(demo.db).list('demo', 10)).toEqual([]);
  });
});
